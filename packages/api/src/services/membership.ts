import type { Database, Role, Side } from "@tandem/db";
import { countAdminsForUpdate, getMember, removeMember, updateMember } from "@tandem/db/queries";
import { TRPCError } from "@trpc/server";

/** Leadership reads, comments and acknowledges: it edits nothing, so it cannot hold lead or member. */
export function assertSideRole(side: Side, role: Role) {
  if (side === "leadership" && role !== "viewer" && role !== "admin") {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Leadership members are viewers (or admins)." });
  }
}

const LAST_ADMIN = "A workspace needs at least one admin: make someone else admin first.";

export async function changeMember(
  db: Database,
  { workspaceId, memberId, side, role }: { workspaceId: string; memberId: string; side?: Side; role?: Role },
) {
  return db.transaction(async (tx) => {
    const current = await getMember(tx, { workspaceId, memberId });
    if (!current) throw new TRPCError({ code: "NOT_FOUND", message: "Member not found." });
    assertSideRole(side ?? current.side, role ?? current.role);
    if (current.role === "admin" && role && role !== "admin" && (await countAdminsForUpdate(tx, { workspaceId })) <= 1) {
      throw new TRPCError({ code: "CONFLICT", message: LAST_ADMIN });
    }
    const updated = await updateMember(tx, { workspaceId, memberId, side, role });
    if (!updated) throw new TRPCError({ code: "NOT_FOUND", message: "Member not found." });
    return updated;
  });
}

export async function deleteMember(db: Database, { workspaceId, memberId }: { workspaceId: string; memberId: string }) {
  return db.transaction(async (tx) => {
    const current = await getMember(tx, { workspaceId, memberId });
    if (!current) throw new TRPCError({ code: "NOT_FOUND", message: "Member not found." });
    if (current.role === "admin" && (await countAdminsForUpdate(tx, { workspaceId })) <= 1) {
      throw new TRPCError({ code: "CONFLICT", message: LAST_ADMIN });
    }
    const removed = await removeMember(tx, { workspaceId, memberId });
    if (!removed) throw new TRPCError({ code: "NOT_FOUND", message: "Member not found." });
    return removed;
  });
}
