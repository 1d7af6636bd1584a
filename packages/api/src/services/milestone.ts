import type { Transaction } from "@tandem/db";
import { deleteMilestoneRow, getMilestoneForUpdate, getProjectRow, insertMilestone, setMilestoneReached, updateMilestoneRow } from "@tandem/db/queries";
import { TRPCError } from "@trpc/server";

import type { LogFn } from "../log/writer";
import { diff } from "./project";

type MilestoneRow = Awaited<ReturnType<typeof insertMilestone>>;

const notFound = (what: "Project" | "Milestone") => new TRPCError({ code: "NOT_FOUND", message: `${what} not found.` });

/** What a client needs to put a milestone in its cache, and what the feed and digest tell. */
export function milestoneSnapshot(m: MilestoneRow) {
  return { id: m.id, projectId: m.projectId, title: m.title, dueOn: m.dueOn, reachedAt: m.reachedAt?.toISOString() ?? null };
}

export async function addMilestone(tx: Transaction, log: LogFn, input: { workspaceId: string; projectId: string; title: string; dueOn: string }) {
  if (!(await getProjectRow(tx, { workspaceId: input.workspaceId, projectId: input.projectId }))) throw notFound("Project");
  const row = await insertMilestone(tx, input);
  await log({
    action: "milestone.added",

    entityId: row.id,
    projectId: row.projectId,
    summary: { label: row.title, after: milestoneSnapshot(row) },
  });
  return milestoneSnapshot(row);
}

/** Marks a milestone reached, or open again; setting what it already is writes nothing. */
export async function setReached(
  tx: Transaction,
  log: LogFn,
  { workspaceId, milestoneId, reached }: { workspaceId: string; milestoneId: string; reached: boolean },
) {
  const current = await getMilestoneForUpdate(tx, { workspaceId, milestoneId });
  if (!current) throw notFound("Milestone");
  if ((current.reachedAt !== null) === reached) return milestoneSnapshot(current);
  const row = await setMilestoneReached(tx, { milestoneId, reached });
  await log({
    action: reached ? "milestone.reached" : "milestone.reopened",

    entityId: row.id,
    projectId: row.projectId,
    summary: { label: row.title, before: { reachedAt: current.reachedAt?.toISOString() ?? null }, after: milestoneSnapshot(row) },
  });
  return milestoneSnapshot(row);
}

/** Renames or re-dates a milestone; the log entry carries only what changed (nothing changed: no entry). */
export async function updateMilestone(
  tx: Transaction,
  log: LogFn,
  { workspaceId, milestoneId, change }: { workspaceId: string; milestoneId: string; change: { title?: string; dueOn?: string } },
) {
  const current = await getMilestoneForUpdate(tx, { workspaceId, milestoneId });
  if (!current) throw notFound("Milestone");
  const changed = diff(current, change);
  if (Object.keys(changed.after).length === 0) return milestoneSnapshot(current);
  const row = await updateMilestoneRow(tx, { milestoneId, change: changed.after });
  await log({
    action: "milestone.updated",

    entityId: row.id,
    projectId: row.projectId,
    summary: { label: row.title, before: changed.before, after: changed.after },
  });
  return milestoneSnapshot(row);
}

export async function removeMilestone(tx: Transaction, log: LogFn, { workspaceId, milestoneId }: { workspaceId: string; milestoneId: string }) {
  const current = await getMilestoneForUpdate(tx, { workspaceId, milestoneId });
  if (!current) throw notFound("Milestone");
  await deleteMilestoneRow(tx, { milestoneId });
  await log({
    action: "milestone.removed",

    entityId: current.id,
    projectId: current.projectId,
    summary: { label: current.title, before: milestoneSnapshot(current), after: null },
  });
  return { id: current.id, projectId: current.projectId };
}
