export { createDb, type Database, type DbHandle, type Executor, type Transaction } from "./client";
export { runMigrations } from "./migrate";
export * as schema from "./schema";
export {
  SIDES,
  ROLES,
  PHASES,
  HEALTHS,
  TASK_STATUSES,
  TASK_PRIORITIES,
  TASK_KINDS,
  type Side,
  type Role,
  type Phase,
  type Health,
  type TaskStatus,
  type TaskPriority,
  type TaskKind,
} from "./schema";
