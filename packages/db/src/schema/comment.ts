import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
