import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";

import type { Executor } from "../client";
import { member, session, user, type Role, type Side } from "../schema";

export async function listMembers(db: Executor, { workspaceId }: { workspaceId: string }) {
  return db
    .select({
      id: member.id,
      userId: member.userId,
      name: user.name,
      email: user.email,
      side: member.side,
      role: member.role,
      title: member.title,
      createdAt: member.createdAt,
    })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(eq(member.workspaceId, workspaceId))
    .orderBy(asc(member.side), asc(user.name));
}

export async function getMember(db: Executor, { workspaceId, memberId }: { workspaceId: string; memberId: string }) {
  const [row] = await db
    .select()
    .from(member)
    .where(and(eq(member.workspaceId, workspaceId), eq(member.id, memberId)))
    .limit(1);
  return row ?? null;
}

/** Locks the workspace's member rows so admin-count checks and changes don't race. */
export async function countAdminsForUpdate(db: Executor, { workspaceId }: { workspaceId: string }) {
  const rows = await db
    .select({ id: member.id })
    .from(member)
    .where(and(eq(member.workspaceId, workspaceId), eq(member.role, "admin")))
    .for("update");
  return rows.length;
}

export async function addMember(db: Executor, input: { workspaceId: string; userId: string; side: Side; role: Role; title?: string | null }) {
  const [row] = await db.insert(member).values(input).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateMember(db: Executor, { workspaceId, memberId, side, role }: { workspaceId: string; memberId: string; side?: Side; role?: Role }) {
  const [row] = await db
    .update(member)
    .set({ ...(side ? { side } : {}), ...(role ? { role } : {}) })
    .where(and(eq(member.workspaceId, workspaceId), eq(member.id, memberId)))
    .returning();
  return row ?? null;
}

export async function removeMember(db: Executor, { workspaceId, memberId }: { workspaceId: string; memberId: string }) {
  const [row] = await db
    .delete(member)
    .where(and(eq(member.workspaceId, workspaceId), eq(member.id, memberId)))
    .returning();
  return row ?? null;
}

/** Workspace ids a user is a member of: what the realtime server joins rooms from. */
export async function listMemberWorkspaceIds(db: Executor, userId: string) {
  const rows = await db.select({ workspaceId: member.workspaceId }).from(member).where(eq(member.userId, userId));
  return rows.map((r) => r.workspaceId);
}

export async function countMembersBySide(db: Executor, { workspaceId }: { workspaceId: string }) {
  return db.select({ side: member.side, count: sql<number>`count(*)::int` }).from(member).where(eq(member.workspaceId, workspaceId)).groupBy(member.side);
}

export async function getUsersByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, ids));
}

/** Members of one workspace among the given ids; ids from elsewhere are simply absent. */
export async function getMembersByIds(db: Executor, { workspaceId, ids }: { workspaceId: string; ids: string[] }) {
  if (ids.length === 0) return [];
  return db
    .select({ id: member.id, userId: member.userId, side: member.side, role: member.role, name: user.name })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.workspaceId, workspaceId), inArray(member.id, ids)));
}

/** Of these better-auth session ids, the ones still live (not signed out, not expired), with their expiry. */
export async function liveSessions(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: session.id, expiresAt: session.expiresAt })
    .from(session)
    .where(and(inArray(session.id, ids), gt(session.expiresAt, new Date())));
}
