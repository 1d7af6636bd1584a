import type { Transaction } from "@tandem/db";
import type { Health, Phase, Side } from "@tandem/db";
import { addProjectMembers, getMembersByIds, insertProjectSides, lockProjectSides, updateProjectSide } from "@tandem/db/queries";
import { sidesDisagree } from "@tandem/domain/rules";
import { isWorkingSide, perSide, SIDE_NOUNS, WORKING_SIDES, type WorkingSide } from "@tandem/domain/sides";
import { schema } from "@tandem/db";
import { and, eq } from "drizzle-orm";
import { TRPCError } from "@trpc/server";

import type { LogFn } from "../log/writer";

const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "Project not found." });

/** Each side's lead, as a create or update names them. */
export type SideLeads = Record<WorkingSide, { leadId: string }>;

/** Each lead must be a member of their side in this workspace. */
export async function assertLeads(tx: Transaction, workspaceId: string, sides: SideLeads) {
  const found = await getMembersByIds(tx, { workspaceId, ids: WORKING_SIDES.map((side) => sides[side].leadId) });
  return perSide((side) => {
    const lead = found.find((f) => f.id === sides[side].leadId);
    if (!lead || lead.side !== side) {
      throw new TRPCError({ code: "BAD_REQUEST", message: `The ${SIDE_NOUNS[side]} lead must be a member of the ${SIDE_NOUNS[side]} side.` });
    }
    return lead;
  });
}

export async function createProject(
  tx: Transaction,
  log: LogFn,
  input: { workspaceId: string; name: string; outcome: string; phase: Phase; targetDate?: string | null; sides: SideLeads; memberIds: string[] },
) {
  const leads = await assertLeads(tx, input.workspaceId, input.sides);
  const extra = await getMembersByIds(tx, { workspaceId: input.workspaceId, ids: input.memberIds });
  if (extra.length !== new Set(input.memberIds).size)
    throw new TRPCError({ code: "BAD_REQUEST", message: "Some of the chosen members are not in this workspace." });
  const [row] = await tx
    .insert(schema.project)
    .values({
      workspaceId: input.workspaceId,
      name: input.name,
      outcome: input.outcome,
      phase: input.phase,
      targetDate: input.targetDate ?? null,
    })
    .returning();
  if (!row) throw new Error("project insert returned nothing");
  await insertProjectSides(
    tx,
    row.id,
    perSide((side) => input.sides[side].leadId),
  );
  const memberIds = [...new Set([...WORKING_SIDES.map((side) => input.sides[side].leadId), ...input.memberIds])];
  await addProjectMembers(
    tx,
    memberIds.map((memberId) => ({ projectId: row.id, memberId, workspaceId: input.workspaceId })),
  );
  await log({
    action: "project.created",
    entityId: row.id,
    projectId: row.id,
    summary: {
      label: row.name,
      after: {
        ...projectSnapshot(row),
        sides: perSide((side) => ({ leadId: leads[side].id, leadName: leads[side].name, health: null, healthReason: null })),
      },
    },
  });
  return row;
}

/** The fields of a project a client needs to patch its cache (its sides ride beside them). */
export function projectSnapshot(p: typeof schema.project.$inferSelect) {
  return {
    id: p.id,
    name: p.name,
    outcome: p.outcome,
    phase: p.phase,
    targetDate: p.targetDate,
    checkInCadenceDays: p.checkInCadenceDays,
    updatedAt: p.updatedAt.toISOString(),
  };
}

type ProjectChange = Partial<Pick<typeof schema.project.$inferInsert, "name" | "outcome" | "phase" | "targetDate" | "checkInCadenceDays">> & {
  sides?: Partial<SideLeads>;
};

export async function updateProject(
  tx: Transaction,
  log: LogFn,
  { workspaceId, projectId, change }: { workspaceId: string; projectId: string; change: ProjectChange },
) {
  const current = await lockProject(tx, workspaceId, projectId);
  const currentSides = await lockProjectSides(tx, projectId);
  const { sides: sideChange = {}, ...fields } = change;
  const next: SideLeads = perSide((side) => ({ leadId: sideChange[side]?.leadId ?? currentSides[side].leadId }));
  const leads = await assertLeads(tx, workspaceId, next);
  const changed = diff(current, fields);
  const newLeads = WORKING_SIDES.filter((side) => next[side].leadId !== currentSides[side].leadId);
  if (Object.keys(changed.after).length === 0 && newLeads.length === 0) return current;
  const [row] = await tx
    .update(schema.project)
    .set({ ...changed.after, updatedAt: new Date() })
    .where(and(eq(schema.project.workspaceId, workspaceId), eq(schema.project.id, projectId)))
    .returning();
  if (!row) throw notFound();
  for (const side of newLeads) await updateProjectSide(tx, projectId, side, { leadId: next[side].leadId });
  if (newLeads.length > 0) {
    await addProjectMembers(
      tx,
      WORKING_SIDES.map((side) => ({ projectId, memberId: next[side].leadId, workspaceId })),
    );
  }
  const before: Record<string, unknown> = { ...changed.before };
  const beforeSides: Partial<Record<WorkingSide, { leadId: string }>> = {};
  for (const side of newLeads) beforeSides[side] = { leadId: currentSides[side].leadId };
  if (newLeads.length > 0) before.sides = beforeSides;
  await log({
    action: changed.after.phase ? "project.phase_changed" : "project.updated",
    entityId: projectId,
    projectId,
    summary: {
      label: row.name,
      before,
      // A new lead says who; every side's lead name rides along for the caches.
      after: {
        ...changed.after,
        updatedAt: row.updatedAt.toISOString(),
        sides: perSide((side) => (newLeads.includes(side) ? { leadId: leads[side].id, leadName: leads[side].name } : { leadName: leads[side].name })),
      },
    },
  });
  return row;
}

/**
 * Sets one lead's own side's health (nobody can set the other lead's) and says what changed, for
 * the caller's log entry: a health post or a check-in.
 */
export async function setLeadHealth(
  tx: Transaction,
  {
    workspaceId,
    projectId,
    memberId,
    side,
    health,
    reason,
  }: { workspaceId: string; projectId: string; memberId: string; side: Side; health: Health; reason: string },
) {
  await lockProject(tx, workspaceId, projectId);
  const current = await lockProjectSides(tx, projectId);
  if (!isWorkingSide(side) || current[side].leadId !== memberId) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only the project's marketing or IT lead can post its health." });
  }
  const now = new Date();
  const updated = await updateProjectSide(tx, projectId, side, { health, healthReason: reason, healthAt: now });
  const [row] = await tx
    .update(schema.project)
    .set({ updatedAt: now })
    .where(and(eq(schema.project.workspaceId, workspaceId), eq(schema.project.id, projectId)))
    .returning();
  if (!row) throw notFound();
  const sides = { ...current, [side]: updated };
  const before = { sides: { [side]: { health: current[side].health, healthReason: current[side].healthReason } } };
  const after = {
    side,
    disagree: sidesDisagree(sides),
    updatedAt: now.toISOString(),
    sides: { [side]: { health, healthReason: reason, healthAt: now.toISOString() } },
  };
  return { row, before, after, side };
}

/** A lead posts their own side's health; nobody can post for the other lead. */
export async function postHealth(
  tx: Transaction,
  log: LogFn,
  input: { workspaceId: string; projectId: string; memberId: string; side: Side; health: Health; reason: string },
) {
  const { row, before, after } = await setLeadHealth(tx, input);
  await log({ action: "project.health_posted", entityId: input.projectId, projectId: input.projectId, summary: { label: row.name, before, after } });
  return row;
}

export async function lockProject(tx: Transaction, workspaceId: string, projectId: string) {
  const [row] = await tx
    .select()
    .from(schema.project)
    .where(and(eq(schema.project.workspaceId, workspaceId), eq(schema.project.id, projectId)))
    .for("update")
    .limit(1);
  if (!row) throw notFound();
  return row;
}

/** The fields of `change` that differ from `current`, as before/after halves. */
export function diff<T extends Record<string, unknown>>(current: T, change: Partial<T>) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(change)) {
    if (v === undefined || current[k] === v) continue;
    before[k] = current[k] ?? null;
    after[k] = v;
  }
  return { before: before as Partial<T>, after: after as Partial<T> };
}
