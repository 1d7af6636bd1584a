import { createHash, randomBytes } from "node:crypto";

import type { Database, Executor } from "@tandem/db";
import type { LogEntry } from "@tandem/db/schema";
import { findFeedToken, listAcknowledgements, listFeed, touchFeedToken, type FeedFilter } from "@tandem/db/queries";

/** A feed entry as the client gets it: the log row, plus who acknowledged it. */
export async function withAcknowledgements(db: Executor, workspaceId: string, rows: LogEntry[]) {
  const acks = await listAcknowledgements(db, { workspaceId, seqs: rows.map((r) => r.seq) });
  return rows.map((row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    acknowledgedBy: acks.filter((a) => a.seq === row.seq).map((a) => ({ memberId: a.memberId, name: a.name, side: a.side, at: a.at.toISOString() })),
  }));
}

/** One keyset page: newest first; `nextCursor` is the seq to pass back for the page after. */
export async function feedPage(
  db: Executor,
  { workspaceId, filter, cursor, limit }: { workspaceId: string; filter: FeedFilter; cursor?: number | null; limit: number },
) {
  const rows = await listFeed(db, { workspaceId, filter, beforeSeq: cursor ?? undefined, limit: limit + 1 });
  const page = rows.slice(0, limit);
  return { items: await withAcknowledgements(db, workspaceId, page), nextCursor: rows.length > limit ? (page.at(-1)?.seq ?? null) : null };
}

// ---- secret Atom feed tokens ------------------------------------------------------------------

export const hashFeedToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const newFeedToken = () => randomBytes(24).toString("base64url");

export type FeedTokenCheck = { ok: true; workspaceId: string; memberId: string } | { ok: false; reason: "unknown" | "revoked" | "left" };

/** Who a secret feed URL reads as; refused once revoked, or once its member has left the workspace. */
export async function checkFeedToken(db: Database, token: string): Promise<FeedTokenCheck> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, reason: "unknown" };
  const found = await findFeedToken(db, hashFeedToken(token));
  if (!found) return { ok: false, reason: "unknown" };
  if (found.token.revokedAt) return { ok: false, reason: "revoked" };
  if (!found.member || found.member.workspaceId !== found.token.workspaceId) return { ok: false, reason: "left" };
  await touchFeedToken(db, found.token.id);
  return { ok: true, workspaceId: found.token.workspaceId, memberId: found.member.id };
}
