import { and, desc, eq, sql } from "drizzle-orm";

import type { Executor } from "../client";
import { checkIn, member, user } from "../schema";

export async function insertCheckIn(db: Executor, values: typeof checkIn.$inferInsert) {
  const [row] = await db.insert(checkIn).values(values).returning();
  if (!row) throw new Error("check-in insert returned nothing");
  return row;
}

/** A project's check-ins, newest first, with their authors' names. */
export async function listCheckIns(db: Executor, { workspaceId, projectId, limit = 20 }: { workspaceId: string; projectId: string; limit?: number }) {
  return db
    .select({ checkIn, authorName: user.name })
    .from(checkIn)
    .innerJoin(member, eq(member.id, checkIn.authorId))
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(checkIn.workspaceId, workspaceId), eq(checkIn.projectId, projectId)))
    .orderBy(desc(checkIn.createdAt))
    .limit(limit);
}

/** The time of each project side's latest check-in in a workspace (marketing and IT). */
export async function latestCheckInTimes(db: Executor, { workspaceId }: { workspaceId: string }) {
  return db
    .select({ projectId: checkIn.projectId, side: checkIn.side, at: sql<Date>`max(${checkIn.createdAt})`.mapWith((v: string | Date) => new Date(v)) })
    .from(checkIn)
    .where(eq(checkIn.workspaceId, workspaceId))
    .groupBy(checkIn.projectId, checkIn.side);
}
