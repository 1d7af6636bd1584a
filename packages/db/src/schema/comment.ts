import { sql } from "drizzle-orm";
import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { member, sideEnum } from "./member";
import { project } from "./project";
import { task } from "./task";
import { workspace } from "./workspace";

/**
 * A comment on a project, or on one of its tasks when `taskId` is set.
 *
 * A comment by a member of one working side that @mentions a member of the other *asks* that side:
 * `askedSide` is the side asked and `answeredAt` the time of the first later comment in the same
 * thread by a member of it (null while unanswered). Both are kept by triggers as comments and
 * mentions arrive (migration 0015: comment_ask_mentioned, comment_answer_asks), with the sides as
 * they were then, so the cross-side response metric reads one index range.
 */
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
    askedSide: sideEnum("asked_side"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (t) => [
    index("comment_target_idx").on(t.workspaceId, t.projectId, t.taskId, t.createdAt),
    index("comment_answered_idx").on(t.workspaceId, t.answeredAt, t.askedSide, t.projectId, t.createdAt).where(sql`${t.askedSide} is not null`),
  ],
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
