import { and, desc, eq, gt, isNull } from "drizzle-orm";

import type { Executor } from "../client";
import { invitation, workspace, type Role, type Side } from "../schema";

export async function createInvitation(
  db: Executor,
  input: { workspaceId: string; tokenHash: string; side: Side; role: Role; note?: string | null; createdBy: string; expiresAt: Date },
) {
  const [row] = await db.insert(invitation).values(input).returning();
  if (!row) throw new Error("invitation insert returned nothing");
  return row;
}

/** Invitations that can still be used, newest first. */
export async function listOpenInvitations(db: Executor, { workspaceId }: { workspaceId: string }) {
  return db
    .select()
    .from(invitation)
    .where(and(eq(invitation.workspaceId, workspaceId), isNull(invitation.acceptedAt), isNull(invitation.revokedAt), gt(invitation.expiresAt, new Date())))
    .orderBy(desc(invitation.createdAt));
}

/** Looks an invitation up by token hash and locks it, so two accepts cannot both succeed. */
export async function getInvitationForUpdate(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ invitation, workspace })
    .from(invitation)
    .innerJoin(workspace, eq(workspace.id, invitation.workspaceId))
    .where(eq(invitation.tokenHash, tokenHash))
    .for("update", { of: invitation })
    .limit(1);
  return row ?? null;
}

export async function getInvitationByTokenHash(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ invitation, workspace })
    .from(invitation)
    .innerJoin(workspace, eq(workspace.id, invitation.workspaceId))
    .where(eq(invitation.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

export async function markInvitationAccepted(db: Executor, { id, userId }: { id: string; userId: string }) {
  await db.update(invitation).set({ acceptedAt: new Date(), acceptedBy: userId }).where(eq(invitation.id, id));
}

export async function revokeInvitation(db: Executor, { workspaceId, id }: { workspaceId: string; id: string }) {
  const [row] = await db
    .update(invitation)
    .set({ revokedAt: new Date() })
    .where(and(eq(invitation.workspaceId, workspaceId), eq(invitation.id, id), isNull(invitation.acceptedAt)))
    .returning();
  return row ?? null;
}
