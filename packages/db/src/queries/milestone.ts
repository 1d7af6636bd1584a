import { and, asc, eq, sql, type SQLWrapper } from "drizzle-orm";

import type { Executor } from "../client";
import { milestone } from "../schema";

/** A project's milestones by due date, reached ones included (the page shows them ticked). */
export function listMilestones(db: Executor, { workspaceId, projectId }: { workspaceId: string; projectId: string }) {
  return db
    .select()
    .from(milestone)
    .where(and(eq(milestone.workspaceId, workspaceId), eq(milestone.projectId, projectId)))
    .orderBy(asc(milestone.dueOn), asc(milestone.createdAt));
}

export async function insertMilestone(db: Executor, values: { workspaceId: string; projectId: string; title: string; dueOn: string }) {
  const [row] = await db.insert(milestone).values(values).returning();
  if (!row) throw new Error("milestone insert returned nothing");
  return row;
}

/** The milestone, locked for the rest of the transaction, or null if it is not in this workspace. */
export async function getMilestoneForUpdate(db: Executor, { workspaceId, milestoneId }: { workspaceId: string; milestoneId: string }) {
  const [row] = await db
    .select()
    .from(milestone)
    .where(and(eq(milestone.workspaceId, workspaceId), eq(milestone.id, milestoneId)))
    .for("update")
    .limit(1);
  return row ?? null;
}

export async function setMilestoneReached(db: Executor, { milestoneId, reached }: { milestoneId: string; reached: boolean }) {
  const [row] = await db
    .update(milestone)
    .set({ reachedAt: reached ? sql`now()` : null })
    .where(eq(milestone.id, milestoneId))
    .returning();
  if (!row) throw new Error("milestone update returned nothing");
  return row;
}

export async function updateMilestoneRow(db: Executor, { milestoneId, change }: { milestoneId: string; change: { title?: string; dueOn?: string } }) {
  const [row] = await db.update(milestone).set(change).where(eq(milestone.id, milestoneId)).returning();
  if (!row) throw new Error("milestone update returned nothing");
  return row;
}

export async function deleteMilestoneRow(db: Executor, { milestoneId }: { milestoneId: string }) {
  await db.delete(milestone).where(eq(milestone.id, milestoneId));
}

/** The project's next open milestone, as `{ title, dueOn }` or null: for lists and /status. */
export const nextMilestoneOf = (projectId: SQLWrapper) =>
  sql<{
    title: string;
    dueOn: string;
  } | null>`(select json_build_object('title', ${milestone.title}, 'dueOn', ${milestone.dueOn}) from ${milestone} where ${milestone.projectId} = ${projectId} and ${milestone.reachedAt} is null order by ${milestone.dueOn}, ${milestone.createdAt} limit 1)`;
