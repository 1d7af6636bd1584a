import { createHash, randomBytes } from "node:crypto";

import type { Database, Role, Side, Transaction } from "@tandem/db";
import { addMember, createInvitation, getInvitationByTokenHash, getInvitationForUpdate, markInvitationAccepted } from "@tandem/db/queries";
import { TRPCError } from "@trpc/server";

import type { LogFn } from "../log/writer";
import { assertSideRole } from "./membership";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates an invite link's token; only its hash is stored. */
export async function issueInvitation(
  tx: Transaction,
  log: LogFn,
  input: { workspaceId: string; side: Side; role: Role; expiresInDays: number; note?: string; createdBy: string },
) {
  assertSideRole(input.side, input.role);
  const token = randomBytes(24).toString("base64url");
  const invitation = await createInvitation(tx, {
    workspaceId: input.workspaceId,
    tokenHash: hashToken(token),
    side: input.side,
    role: input.role,
    note: input.note ?? null,
    createdBy: input.createdBy,
    expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
  });
  // The token never enters the log: the log is readable by every member.
  await log({
    action: "invitation.created",

    entityId: invitation.id,
    summary: { label: `${input.side} ${input.role} invite`, after: { side: input.side, role: input.role, expiresAt: invitation.expiresAt.toISOString() } },
  });
  return { token, invitation };
}

export type InvitationState = "open" | "accepted" | "revoked" | "expired";

export function invitationState(inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }): InvitationState {
  if (inv.acceptedAt) return "accepted";
  if (inv.revokedAt) return "revoked";
  if (inv.expiresAt.getTime() <= Date.now()) return "expired";
  return "open";
}

const UNUSABLE: Record<Exclude<InvitationState, "open">, string> = {
  accepted: "This invite link has already been used. Ask an admin for a new one.",
  revoked: "This invite link was revoked. Ask an admin for a new one.",
  expired: "This invite link has expired. Ask an admin for a new one.",
};

/** Finds an invite's workspace so the write can be logged there; NOT_FOUND for unknown tokens. */
export async function invitationWorkspace(db: Database, token: string) {
  const found = await getInvitationByTokenHash(db, hashToken(token));
  if (!found) throw new TRPCError({ code: "NOT_FOUND", message: "This invite link is not valid." });
  return found.workspace;
}

/** Uses an invite once: the row is locked so two people racing with one link can't both join. */
export async function acceptInvitation(tx: Transaction, log: LogFn, { token, userId, userName }: { token: string; userId: string; userName: string }) {
  const found = await getInvitationForUpdate(tx, hashToken(token));
  if (!found) throw new TRPCError({ code: "NOT_FOUND", message: "This invite link is not valid." });
  const state = invitationState(found.invitation);
  if (state !== "open") throw new TRPCError({ code: "CONFLICT", message: UNUSABLE[state] });
  const added = await addMember(tx, {
    workspaceId: found.workspace.id,
    userId,
    side: found.invitation.side,
    role: found.invitation.role,
  });
  if (!added) throw new TRPCError({ code: "CONFLICT", message: "You are already a member of this workspace." });
  await markInvitationAccepted(tx, { id: found.invitation.id, userId });
  await log({
    action: "member.joined",

    entityId: added.id,
    summary: { label: userName, after: { side: added.side, role: added.role, userId, invitationId: found.invitation.id } },
  });
  return { workspace: found.workspace, member: added };
}
