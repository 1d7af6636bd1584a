import type { Role, Side, Transaction } from "@tandem/db";
import { countAdminsForUpdate, getMember, getMembersByIds, removeMember, updateMember } from "@tandem/db/queries";
import { TRPCError } from "@trpc/server";

import type { LogFn } from "../log/writer";

/** Leadership reads, comments and acknowledges: it edits nothing, so it cannot hold lead or member. */
export function assertSideRole(side: Side, role: Role) {
  if (side === "leadership" && role !== "viewer" && role !== "admin") {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Leadership members are viewers (or admins)." });
  }
}

const LAST_ADMIN = "A workspace needs at least one admin: make someone else admin first.";

async function memberName(tx: Transaction, workspaceId: string, memberId: string) {
  const [m] = await getMembersByIds(tx, { workspaceId, ids: [memberId] });
  return m?.name ?? "A member";
}

export async function changeMember(
  tx: Transaction,
  log: LogFn,
  { workspaceId, memberId, side, role }: { workspaceId: string; memberId: string; side?: Side; role?: Role },
) {
  const current = await getMember(tx, { workspaceId, memberId });
  if (!current) throw new TRPCError({ code: "NOT_FOUND", message: "Member not found." });
  assertSideRole(side ?? current.side, role ?? current.role);
  if (current.role === "admin" && role && role !== "admin" && (await countAdminsForUpdate(tx, { workspaceId })) <= 1) {
    throw new TRPCError({ code: "CONFLICT", message: LAST_ADMIN });
  }
  const updated = await updateMember(tx, { workspaceId, memberId, side, role });
  if (!updated) throw new TRPCError({ code: "NOT_FOUND", message: "Member not found." });
  await log({
    action: "member.updated",

    entityId: memberId,
    summary: {
      label: await memberName(tx, workspaceId, memberId),
      before: { side: current.side, role: current.role },
      after: { side: updated.side, role: updated.role, userId: updated.userId },
    },
  });
  return updated;
}

/**
 * Rows that name a member for good (a project's lead, a check-in's author, a KPI signature) and
 * so keep them from being removed: the database refuses, and this says why and what to do.
 */
const KEPT_BY: Record<string, string> = {
  project_side: "leads a project: give each of their projects another lead first.",
  check_in: "wrote check-ins that stay on the record: make them a viewer instead.",
  kpi_signature: "signed KPIs that stay on the record: make them a viewer instead.",
};

function keptBy(err: unknown): string | null {
  const cause = (err as { cause?: { code?: string; table?: string } }).cause;
  if (cause?.code !== "23503") return null;
  return (cause.table && KEPT_BY[cause.table]) || "is still named by work in this workspace: make them a viewer instead.";
}

export async function deleteMember(tx: Transaction, log: LogFn, { workspaceId, memberId }: { workspaceId: string; memberId: string }) {
  const current = await getMember(tx, { workspaceId, memberId });
  if (!current) throw new TRPCError({ code: "NOT_FOUND", message: "Member not found." });
  if (current.role === "admin" && (await countAdminsForUpdate(tx, { workspaceId })) <= 1) {
    throw new TRPCError({ code: "CONFLICT", message: LAST_ADMIN });
  }
  const label = await memberName(tx, workspaceId, memberId);
  const removed = await removeMember(tx, { workspaceId, memberId }).catch((err: unknown) => {
    const why = keptBy(err);
    throw why ? new TRPCError({ code: "CONFLICT", message: `${label} ${why}`, cause: err }) : err;
  });
  if (!removed) throw new TRPCError({ code: "NOT_FOUND", message: "Member not found." });
  await log({
    action: "member.removed",

    entityId: memberId,
    summary: { label, before: { side: current.side, role: current.role, userId: current.userId }, after: null },
  });
  return removed;
}
