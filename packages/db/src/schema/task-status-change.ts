import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";

import { sideEnum } from "./member";
import { project } from "./project";
import { task, taskStatusEnum } from "./task";
import { workspace } from "./workspace";

/**
 * A task's status history: one row when it is created (`fromStatus` null) and one each time its
 * status changes. `side` is the side that owned the task at that moment. The computed KPIs
 * (cycle time, throughput, time blocked, burn-up) read it; the transparency log stays the record of who.
 *
 * Two columns are kept by a trigger as rows arrive (migration 0015, task_status_change_link), so
 * that the metrics read one index range instead of each task's history: `endedAt`, the at of the
 * task's next change (null while this is its latest), and `startedAt`, the task's first move to
 * In progress up to this change (null before any).
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
    endedAt: timestamp("ended_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
  },
  (t) => [
    index("task_status_change_ws_idx").on(t.workspaceId, t.at),
    index("task_status_change_task_idx").on(t.taskId, t.at),
    // The metrics read the stretches of one status by when they ended (null: still so) and began:
    // tasks done now by the at of their last move to Done, Blocked stretches by their end.
    index("task_status_change_stretch_idx").on(t.workspaceId, t.toStatus, t.endedAt, t.at, t.side, t.projectId, t.startedAt),
    // The burn-up's scope: each task's first row (its creation), by when.
    index("task_status_change_created_idx").on(t.workspaceId, t.at, t.projectId).where(sql`${t.fromStatus} is null`),
  ],
);

/**
 * Running totals of the task history per project and UTC month, kept by triggers on
 * task_status_change (migration 0016, task_month_tally_*): `scope` counts tasks created (their first
 * row), `done` counts moves to Done less the ends of those stretches. The burn-up adds up the months
 * before its first week instead of reading every task since the workspace began. A deleted task's
 * rows take their counts back out, so a deleted project's months add up to zero.
 */
export const taskMonthTally = pgTable(
  "task_month_tally",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspace.id, { onDelete: "cascade" }),
    projectId: uuid("project_id").notNull(),
    month: date("month", { mode: "string" }).notNull(),
    scope: integer("scope").notNull().default(0),
    done: integer("done").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.projectId, t.month] })],
);

export type TaskStatusChange = typeof taskStatusChange.$inferSelect;
