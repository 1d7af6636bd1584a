import { type FeedCondition, feedRulesOf } from "@tandem/domain/actions";
import { and, desc, eq, gte, inArray, lt, lte, or, sql, type SQL } from "drizzle-orm";

import type { Executor } from "../client";
import { FEED_KINDS, type FeedKind, type Side } from "../constants";
import { acknowledgement, feedSeen, feedToken, logEntry, member, user } from "../schema";

/** A feed rule's condition on the payload, in SQL: the same meaning `holds` gives it in the browser. */
function conditionSql(when: FeedCondition | undefined): SQL | undefined {
  if (!when) return undefined;
  if ("has" in when) return sql`${logEntry.summary} -> 'after' ? ${when.has}`;
  if ("nonEmpty" in when) return sql`coalesce(${logEntry.summary} -> 'after' ->> ${when.nonEmpty}, '') <> ''`;
  return sql`${logEntry.summary} -> 'after' ->> ${when.field} in (${sql.join(
    when.in.map((x) => sql`${x}`),
    sql`, `,
  )})`;
}

/**
 * Which log entries each feed kind is, compiled from the actions' feed rules in the registry: the
 * feed is the log, narrowed (no copy to keep in step), and the browser reads the same rules.
 */
const KIND_WHERE = Object.fromEntries(
  FEED_KINDS.map((kind) => [kind, or(...feedRulesOf(kind).map(({ action, rule }) => and(eq(logEntry.action, action), conditionSql(rule.when))))!]),
) as Record<FeedKind, SQL>;

export interface FeedFilter {
  projectId?: string;
  side?: Side;
  kind?: FeedKind;
}

function feedWhere(workspaceId: string, filter: FeedFilter): SQL {
  return and(
    eq(logEntry.workspaceId, workspaceId),
    filter.kind ? KIND_WHERE[filter.kind] : or(...Object.values(KIND_WHERE)),
    filter.projectId ? eq(logEntry.projectId, filter.projectId) : undefined,
    filter.side ? eq(logEntry.actorSide, filter.side) : undefined,
  )!;
}

/** A page of the feed, newest first, keyset-paged on seq (`beforeSeq` is the last seq of the previous page). */
export async function listFeed(
  db: Executor,
  { workspaceId, filter = {}, beforeSeq, limit }: { workspaceId: string; filter?: FeedFilter; beforeSeq?: number; limit: number },
) {
  return db
    .select()
    .from(logEntry)
    .where(and(feedWhere(workspaceId, filter), beforeSeq !== undefined ? lt(logEntry.seq, beforeSeq) : undefined))
    .orderBy(desc(logEntry.seq))
    .limit(limit);
}

/** Feed entries in a time range, oldest first (the CSV export). */
export async function listFeedBetween(
  db: Executor,
  { workspaceId, filter = {}, from, to, limit }: { workspaceId: string; filter?: FeedFilter; from: Date; to: Date; limit: number },
) {
  return db
    .select()
    .from(logEntry)
    .where(and(feedWhere(workspaceId, filter), gte(logEntry.createdAt, from), lte(logEntry.createdAt, to)))
    .orderBy(logEntry.seq)
    .limit(limit);
}

/** Who acknowledged which of these entries. */
export async function listAcknowledgements(db: Executor, { workspaceId, seqs }: { workspaceId: string; seqs: number[] }) {
  if (seqs.length === 0) return [];
  return db
    .select({ seq: acknowledgement.seq, memberId: acknowledgement.memberId, name: user.name, side: member.side, at: acknowledgement.createdAt })
    .from(acknowledgement)
    .innerJoin(member, eq(member.id, acknowledgement.memberId))
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(acknowledgement.workspaceId, workspaceId), inArray(acknowledgement.seq, seqs)))
    .orderBy(acknowledgement.createdAt);
}

/** Records an acknowledgement; false when this member had already acknowledged the entry. */
export async function insertAcknowledgement(db: Executor, values: { workspaceId: string; seq: number; memberId: string }) {
  const rows = await db.insert(acknowledgement).values(values).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function getLogEntry(db: Executor, { workspaceId, seq }: { workspaceId: string; seq: number }) {
  const [row] = await db
    .select()
    .from(logEntry)
    .where(and(eq(logEntry.workspaceId, workspaceId), eq(logEntry.seq, seq)))
    .limit(1);
  return row ?? null;
}

export async function getFeedSeen(db: Executor, memberId: string) {
  const [row] = await db.select().from(feedSeen).where(eq(feedSeen.memberId, memberId)).limit(1);
  return row ?? null;
}

/** Moves a member's "last looked" mark forward only (two open tabs never move it back). */
export async function markFeedSeen(db: Executor, { workspaceId, memberId, seq }: { workspaceId: string; memberId: string; seq: number }) {
  await db
    .insert(feedSeen)
    .values({ workspaceId, memberId, lastSeenSeq: seq })
    .onConflictDoUpdate({
      target: feedSeen.memberId,
      set: { lastSeenSeq: sql`greatest(${feedSeen.lastSeenSeq}, excluded.last_seen_seq)`, updatedAt: new Date() },
    });
}

// ---- Atom feed tokens -------------------------------------------------------------------------

export async function getLiveFeedToken(db: Executor, memberId: string) {
  const [row] = await db
    .select()
    .from(feedToken)
    .where(and(eq(feedToken.memberId, memberId), sql`${feedToken.revokedAt} is null`))
    .limit(1);
  return row ?? null;
}

export async function revokeFeedTokens(db: Executor, memberId: string) {
  return db
    .update(feedToken)
    .set({ revokedAt: new Date() })
    .where(and(eq(feedToken.memberId, memberId), sql`${feedToken.revokedAt} is null`))
    .returning({ id: feedToken.id });
}

export async function insertFeedToken(db: Executor, values: { workspaceId: string; memberId: string; tokenHash: string }) {
  const [row] = await db.insert(feedToken).values(values).returning();
  if (!row) throw new Error("feed token insert returned nothing");
  return row;
}

/** The token row with its member (null if the member left), whatever its state. */
export async function findFeedToken(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ token: feedToken, member })
    .from(feedToken)
    .leftJoin(member, eq(member.id, feedToken.memberId))
    .where(eq(feedToken.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

export async function touchFeedToken(db: Executor, id: string) {
  await db.update(feedToken).set({ lastUsedAt: new Date() }).where(eq(feedToken.id, id));
}
