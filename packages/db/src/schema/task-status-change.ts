import { index, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";

import { sideEnum } from "./member";
import { project } from "./project";
import { task, taskStatusEnum } from "./task";
import { workspace } from "./workspace";

/**
 * A task's status history: one row when it is created (`fromStatus` null) and one each time its
 * status changes. `side` is the side that owned the task at that moment. The computed KPIs
 * (cycle time, throughput, time blocked) read it; the transparency log stays the record of who.
 */
export const taskStatusChange = pgTable(
  "task_status_change",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspace.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    taskId: uuid("task_id")
      .notNull()
      .references(() => task.id, { onDelete: "cascade" }),
    side: sideEnum("side").notNull(),
    fromStatus: taskStatusEnum("from_status"),
    toStatus: taskStatusEnum("to_status").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("task_status_change_ws_idx").on(t.workspaceId, t.at),
    index("task_status_change_task_idx").on(t.taskId, t.at),
    // The metrics read the moves to one status in a range: to Done (throughput, cycle time), to Blocked.
    index("task_status_change_status_idx").on(t.workspaceId, t.toStatus, t.at),
  ],
);

export type TaskStatusChange = typeof taskStatusChange.$inferSelect;
