import { bottomOf, positionBetween, type TaskFilter } from "@tandem/domain/rules";
import { and, asc, eq, gt, lt, max, min, ne, type SQL } from "drizzle-orm";

import type { Executor } from "../client";
import { member, task, user, type TaskStatus } from "../schema";

export type { TaskFilter };

export const taskColumns = {
  id: task.id,
  workspaceId: task.workspaceId,
  projectId: task.projectId,
  title: task.title,
  description: task.description,
  side: task.side,
  assigneeId: task.assigneeId,
  status: task.status,
  priority: task.priority,
  kind: task.kind,
  dueDate: task.dueDate,
  position: task.position,
  createdById: task.createdById,
  createdAt: task.createdAt,
  updatedAt: task.updatedAt,
};

export async function listTasks(db: Executor, { workspaceId, today, filter = {} }: { workspaceId: string; today: string; filter?: TaskFilter }) {
  const conds: (SQL | undefined)[] = [eq(task.workspaceId, workspaceId)];
  if (filter.projectId) conds.push(eq(task.projectId, filter.projectId));
  if (filter.side) conds.push(eq(task.side, filter.side));
  if (filter.assigneeId) conds.push(eq(task.assigneeId, filter.assigneeId));
  if (filter.status) conds.push(eq(task.status, filter.status));
  // "Today" in the workspace's time zone, as the browser reckons it too (not the database's current_date).
  if (filter.overdue) conds.push(and(ne(task.status, "done"), lt(task.dueDate, today)));
  return db
    .select({ ...taskColumns, assigneeName: user.name })
    .from(task)
    .leftJoin(member, eq(member.id, task.assigneeId))
    .leftJoin(user, eq(user.id, member.userId))
    .where(and(...conds))
    .orderBy(asc(task.status), asc(task.position));
}

export type TaskRow = Awaited<ReturnType<typeof listTasks>>[number];

export async function getTask(db: Executor, { workspaceId, taskId }: { workspaceId: string; taskId: string }) {
  const [row] = await db
    .select({ ...taskColumns, assigneeName: user.name })
    .from(task)
    .leftJoin(member, eq(member.id, task.assigneeId))
    .leftJoin(user, eq(user.id, member.userId))
    .where(and(eq(task.workspaceId, workspaceId), eq(task.id, taskId)))
    .limit(1);
  return row ?? null;
}

/** The row locked for a change, so two concurrent edits of one task apply one after the other. */
export async function getTaskForUpdate(db: Executor, { workspaceId, taskId }: { workspaceId: string; taskId: string }) {
  const [row] = await db
    .select()
    .from(task)
    .where(and(eq(task.workspaceId, workspaceId), eq(task.id, taskId)))
    .for("update")
    .limit(1);
  return row ?? null;
}

/** A position at the bottom of a status column. */
export async function bottomPosition(db: Executor, { projectId, status }: { projectId: string; status: TaskStatus }) {
  const [row] = await db
    .select({ max: max(task.position) })
    .from(task)
    .where(and(eq(task.projectId, projectId), eq(task.status, status)));
  return bottomOf(row?.max);
}

/**
 * A position strictly between two neighbours in a column (either may be absent): the rule the
 * board predicts with (`positionBetween` in @tandem/domain/rules), with a missing neighbour read
 * from the column so the task never lands on another.
 */
export async function placeBetween(
  db: Executor,
  { projectId, status, beforeId, afterId }: { projectId: string; status: TaskStatus; beforeId?: string | null; afterId?: string | null },
) {
  const inColumn = and(eq(task.projectId, projectId), eq(task.status, status));
  const pos = async (id: string) => {
    const [row] = await db
      .select({ position: task.position })
      .from(task)
      .where(and(inColumn, eq(task.id, id)))
      .limit(1);
    return row?.position;
  };
  // `afterId` is the task that will sit above the moved one, `beforeId` the one below it.
  const above = afterId ? await pos(afterId) : undefined;
  const below = beforeId ? await pos(beforeId) : undefined;
  if (above !== undefined && below !== undefined && above < below) return positionBetween(above, below);
  if (above !== undefined) {
    const [next] = await db
      .select({ p: min(task.position) })
      .from(task)
      .where(and(inColumn, gt(task.position, above)));
    return positionBetween(above, next?.p ?? undefined);
  }
  if (below !== undefined) {
    const [prev] = await db
      .select({ p: max(task.position) })
      .from(task)
      .where(and(inColumn, lt(task.position, below)));
    return positionBetween(prev?.p ?? undefined, below);
  }
  return bottomPosition(db, { projectId, status });
}

export async function insertTask(db: Executor, values: typeof task.$inferInsert) {
  const [row] = await db.insert(task).values(values).returning();
  if (!row) throw new Error("task insert returned nothing");
  return row;
}

export async function updateTaskRow(db: Executor, { workspaceId, taskId }: { workspaceId: string; taskId: string }, set: Partial<typeof task.$inferInsert>) {
  const [row] = await db
    .update(task)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(task.workspaceId, workspaceId), eq(task.id, taskId)))
    .returning();
  return row ?? null;
}

export async function deleteTaskRow(db: Executor, { workspaceId, taskId }: { workspaceId: string; taskId: string }) {
  const [row] = await db
    .delete(task)
    .where(and(eq(task.workspaceId, workspaceId), eq(task.id, taskId)))
    .returning();
  return row ?? null;
}
