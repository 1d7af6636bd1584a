import type { Transaction } from "@tandem/db";
import type { Health, Phase, Side } from "@tandem/db";
import { addProjectMembers, getMembersByIds, getProjectRow } from "@tandem/db/queries";
import { schema } from "@tandem/db";
import { and, eq } from "drizzle-orm";
import { TRPCError } from "@trpc/server";

import type { LogFn } from "../log/writer";

const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "Project not found." });

/** Each lead must be a member of their side in this workspace. */
export async function assertLeads(tx: Transaction, workspaceId: string, { marketingLeadId, itLeadId }: { marketingLeadId: string; itLeadId: string }) {
  const found = await getMembersByIds(tx, { workspaceId, ids: [marketingLeadId, itLeadId] });
  const m = found.find((f) => f.id === marketingLeadId);
  const i = found.find((f) => f.id === itLeadId);
  if (!m || m.side !== "marketing") throw new TRPCError({ code: "BAD_REQUEST", message: "The marketing lead must be a member of the marketing side." });
  if (!i || i.side !== "it") throw new TRPCError({ code: "BAD_REQUEST", message: "The IT lead must be a member of the IT side." });
  return { marketingLead: m, itLead: i };
}

export async function createProject(
  tx: Transaction,
  log: LogFn,
  input: { workspaceId: string; name: string; outcome: string; phase: Phase; targetDate?: string | null; marketingLeadId: string; itLeadId: string; memberIds: string[] },
) {
  const { marketingLead, itLead } = await assertLeads(tx, input.workspaceId, input);
  const extra = await getMembersByIds(tx, { workspaceId: input.workspaceId, ids: input.memberIds });
  if (extra.length !== new Set(input.memberIds).size) throw new TRPCError({ code: "BAD_REQUEST", message: "Some of the chosen members are not in this workspace." });
  const [row] = await tx
    .insert(schema.project)
    .values({
      workspaceId: input.workspaceId,
      name: input.name,
      outcome: input.outcome,
      phase: input.phase,
      targetDate: input.targetDate ?? null,
      marketingLeadId: input.marketingLeadId,
      itLeadId: input.itLeadId,
    })
    .returning();
  if (!row) throw new Error("project insert returned nothing");
  const memberIds = [...new Set([input.marketingLeadId, input.itLeadId, ...input.memberIds])];
  await addProjectMembers(tx, memberIds.map((memberId) => ({ projectId: row.id, memberId, workspaceId: input.workspaceId })));
  await log({
    action: "project.created",
   
    entityId: row.id,
    projectId: row.id,
    summary: {
      label: row.name,
      after: { ...projectSnapshot(row), marketingLeadName: marketingLead.name, itLeadName: itLead.name },
    },
  });
  return row;
}

/** The fields of a project a client needs to patch its cache. */
export function projectSnapshot(p: typeof schema.project.$inferSelect) {
  return {
    id: p.id,
    name: p.name,
    outcome: p.outcome,
    phase: p.phase,
    targetDate: p.targetDate,
    marketingLeadId: p.marketingLeadId,
    itLeadId: p.itLeadId,
    marketingHealth: p.marketingHealth,
    marketingHealthReason: p.marketingHealthReason,
    itHealth: p.itHealth,
    itHealthReason: p.itHealthReason,
    checkInCadenceDays: p.checkInCadenceDays,
    updatedAt: p.updatedAt.toISOString(),
  };
}

type ProjectChange = Partial<Pick<typeof schema.project.$inferInsert, "name" | "outcome" | "phase" | "targetDate" | "marketingLeadId" | "itLeadId" | "checkInCadenceDays">>;

export async function updateProject(tx: Transaction, log: LogFn, { workspaceId, projectId, change }: { workspaceId: string; projectId: string; change: ProjectChange }) {
  const current = await lockProject(tx, workspaceId, projectId);
  const leads = { marketingLeadId: change.marketingLeadId ?? current.marketingLeadId, itLeadId: change.itLeadId ?? current.itLeadId };
  const { marketingLead, itLead } = await assertLeads(tx, workspaceId, leads);
  const changed = diff(current, change);
  if (Object.keys(changed.after).length === 0) return current;
  const [row] = await tx
    .update(schema.project)
    .set({ ...changed.after, updatedAt: new Date() })
    .where(and(eq(schema.project.workspaceId, workspaceId), eq(schema.project.id, projectId)))
    .returning();
  if (!row) throw notFound();
  if (changed.after.marketingLeadId || changed.after.itLeadId) {
    await addProjectMembers(tx, [leads.marketingLeadId, leads.itLeadId].map((memberId) => ({ projectId, memberId, workspaceId })));
  }
  await log({
    action: changed.after.phase ? "project.phase_changed" : "project.updated",
   
    entityId: projectId,
    projectId,
    summary: {
      label: row.name,
      before: changed.before,
      after: { ...changed.after, updatedAt: row.updatedAt.toISOString(), marketingLeadName: marketingLead.name, itLeadName: itLead.name },
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
  { workspaceId, projectId, memberId, side, health, reason }: { workspaceId: string; projectId: string; memberId: string; side: Side; health: Health; reason: string },
) {
  const current = await lockProject(tx, workspaceId, projectId);
  const asMarketing = current.marketingLeadId === memberId && side === "marketing";
  const asIt = current.itLeadId === memberId && side === "it";
  if (!asMarketing && !asIt) throw new TRPCError({ code: "FORBIDDEN", message: "Only the project's marketing or IT lead can post its health." });
  const now = new Date();
  const set = asMarketing
    ? { marketingHealth: health, marketingHealthReason: reason, marketingHealthAt: now }
    : { itHealth: health, itHealthReason: reason, itHealthAt: now };
  const before = asMarketing
    ? { marketingHealth: current.marketingHealth, marketingHealthReason: current.marketingHealthReason }
    : { itHealth: current.itHealth, itHealthReason: current.itHealthReason };
  const [row] = await tx
    .update(schema.project)
    .set({ ...set, updatedAt: now })
    .where(and(eq(schema.project.workspaceId, workspaceId), eq(schema.project.id, projectId)))
    .returning();
  if (!row) throw notFound();
  const disagree = row.marketingHealth !== null && row.itHealth !== null && row.marketingHealth !== row.itHealth;
  const leadSide: "marketing" | "it" = asMarketing ? "marketing" : "it";
  const after = {
    ...(asMarketing
      ? { marketingHealth: health, marketingHealthReason: reason, marketingHealthAt: now.toISOString() }
      : { itHealth: health, itHealthReason: reason, itHealthAt: now.toISOString() }),
    side: leadSide,
    disagree,
    updatedAt: now.toISOString(),
  };
  return { row, before, after, side: leadSide };
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

