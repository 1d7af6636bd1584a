import type { Executor } from "../client";
import { taskStatusChange } from "../schema";

/** Records a task's new status (on creation `fromStatus` is null), in the transaction of the change. */
export async function insertTaskStatusChange(db: Executor, values: typeof taskStatusChange.$inferInsert) {
  const [row] = await db.insert(taskStatusChange).values(values).returning();
  if (!row) throw new Error("task status change insert returned nothing");
  return row;
}
