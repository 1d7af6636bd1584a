import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { member } from "./member";
import { project } from "./project";
import { task } from "./task";
import { workspace } from "./workspace";

/** A comment on a project, or on one of its tasks when `taskId` is set. */
export const comment = pgTable(
  "comment",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspace.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    taskId: uuid("task_id").references(() => task.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => member.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("comment_target_idx").on(t.workspaceId, t.projectId, t.taskId, t.createdAt)],
);

export type Comment = typeof comment.$inferSelect;

/**
 * The members a comment @mentions (of its workspace), read from its body once when it is written
 * (mentionedMemberIds) so that the computed KPIs join a table instead of matching every comment's
 * text against the mention pattern on each read.
 */
export const commentMention = pgTable(
  "comment_mention",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspace.id, { onDelete: "cascade" }),
    commentId: uuid("comment_id")
      .notNull()
      .references(() => comment.id, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => member.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.memberId] }), index("comment_mention_workspace_idx").on(t.workspaceId, t.memberId)],
);
