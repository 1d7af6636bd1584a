import { and, asc, desc, eq, gt, lt } from "drizzle-orm";

import { checkPayload, type TypedSummary, type WritableAction } from "@tandem/domain/actions";

import type { Executor, Transaction } from "../client";
import { entryHash, GENESIS_HASH } from "../log/chain";
import { logCheckpoint, logEntry, logHead, type LogSummary, type Side } from "../schema";

export interface LogActor {
  id: string | null;
  name: string;
  side: Side | null;
}

/**
 * One entry to append. `action` names a declaration in @tandem/domain/actions, which fixes the
 * entity type and the shape of `summary.after`/`before`: a payload that doesn't fit its action
 * doesn't typecheck, and is refused at run time too.
 */
export interface AppendLogInput<A extends WritableAction = WritableAction> {
  workspaceId: string;
  actor: LogActor;
  action: A;
  entityId: string;
  projectId?: string | null;
  summary: TypedSummary<A>;
}

/**
 * Appends one entry to a workspace's chain inside the caller's transaction. The head row's
 * lock serialises appends per workspace, which is what keeps `seq` gapless and the chain linear.
 */
export async function appendLogEntry<A extends WritableAction>(tx: Transaction, input: AppendLogInput<A>) {
  const def = checkPayload(input.action, input.summary);
  await tx.insert(logHead).values({ workspaceId: input.workspaceId, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
  const [head] = await tx.select().from(logHead).where(eq(logHead.workspaceId, input.workspaceId)).for("update");
  if (!head) throw new Error("log head missing after upsert");
  const fields = {
    workspaceId: input.workspaceId,
    seq: head.seq + 1,
    actorId: input.actor.id,
    actorName: input.actor.name,
    actorSide: input.actor.side,
    action: input.action,
    entityType: def.entity,
    entityId: input.entityId,
    projectId: input.projectId ?? null,
    summary: input.summary as LogSummary,
    createdAt: new Date(),
    prevHash: head.hash,
  };
  const hash = entryHash(fields);
  const [row] = await tx
    .insert(logEntry)
    .values({ ...fields, hash })
    .returning();
  await tx.update(logHead).set({ seq: fields.seq, hash }).where(eq(logHead.workspaceId, input.workspaceId));
  if (!row) throw new Error("log insert returned nothing");
  return row;
}

/** Entries after `afterSeq`, oldest first: what a reconnecting client or a realtime node reads. */
export async function listLogAfter(db: Executor, { workspaceId, afterSeq, limit = 500 }: { workspaceId: string; afterSeq: number; limit?: number }) {
  return db
    .select()
    .from(logEntry)
    .where(and(eq(logEntry.workspaceId, workspaceId), gt(logEntry.seq, afterSeq)))
    .orderBy(asc(logEntry.seq))
    .limit(limit);
}

/** Newest first, keyset-paged by `beforeSeq` (no OFFSET). */
export async function listLogBefore(
  db: Executor,
  { workspaceId, beforeSeq, projectId, limit = 50 }: { workspaceId: string; beforeSeq?: number; projectId?: string; limit?: number },
) {
  return db
    .select()
    .from(logEntry)
    .where(
      and(
        eq(logEntry.workspaceId, workspaceId),
        beforeSeq !== undefined ? lt(logEntry.seq, beforeSeq) : undefined,
        projectId ? eq(logEntry.projectId, projectId) : undefined,
      ),
    )
    .orderBy(desc(logEntry.seq))
    .limit(limit);
}

export async function getLogHead(db: Executor, workspaceId: string) {
  const [row] = await db.select().from(logHead).where(eq(logHead.workspaceId, workspaceId)).limit(1);
  return row ?? { workspaceId, seq: 0, hash: GENESIS_HASH };
}

export async function insertCheckpoint(db: Executor, cp: typeof logCheckpoint.$inferInsert) {
  const [row] = await db.insert(logCheckpoint).values(cp).returning();
  if (!row) throw new Error("checkpoint insert returned nothing");
  return row;
}

export async function listCheckpoints(db: Executor, workspaceId: string) {
  return db.select().from(logCheckpoint).where(eq(logCheckpoint.workspaceId, workspaceId)).orderBy(asc(logCheckpoint.seq));
}

export async function latestCheckpoint(db: Executor, workspaceId: string) {
  const [row] = await db.select().from(logCheckpoint).where(eq(logCheckpoint.workspaceId, workspaceId)).orderBy(desc(logCheckpoint.seq)).limit(1);
  return row ?? null;
}
