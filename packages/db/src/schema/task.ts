import { date, doublePrecision, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { TASK_KINDS, TASK_PRIORITIES, TASK_STATUSES } from "../constants";
import { member, sideEnum } from "./member";
import { project } from "./project";
import { workspace } from "./workspace";

export { TASK_KINDS, TASK_PRIORITIES, TASK_STATUSES, type TaskKind, type TaskPriority, type TaskStatus } from "../constants";

export const taskStatusEnum = pgEnum("task_status", TASK_STATUSES);
export const taskPriorityEnum = pgEnum("task_priority", TASK_PRIORITIES);
export const taskKindEnum = pgEnum("task_kind", TASK_KINDS);

/** One item of the shared to-do list: owned by a side, optionally assigned to a member. */
export const task = pgTable(
  "task",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspace.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    side: sideEnum("side").notNull(),
    assigneeId: uuid("assignee_id").references(() => member.id, { onDelete: "set null" }),
    status: taskStatusEnum("status").notNull().default("todo"),
    priority: taskPriorityEnum("priority").notNull().default("none"),
    kind: taskKindEnum("kind").notNull().default("task"),
    dueDate: date("due_date", { mode: "string" }),
    /** Order within its status column; moves pick a value between the neighbours. */
    position: doublePrecision("position").notNull(),
    createdById: uuid("created_by_id").references(() => member.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("task_project_idx").on(t.workspaceId, t.projectId, t.status, t.position), index("task_assignee_idx").on(t.assigneeId)],
);

export type Task = typeof task.$inferSelect;
