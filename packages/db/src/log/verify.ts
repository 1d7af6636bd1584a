import { and, asc, eq, gt } from "drizzle-orm";

import type { Executor } from "../client";
import { logEntry, logHead } from "../schema";
import { entryHash, GENESIS_HASH } from "./chain";
import { verifyCheckpointSignature, type SignedCheckpoint } from "./checkpoint";

export type ProblemKind =
  | "gap" // a seq is missing or out of place: deleted, inserted or reordered rows
  | "broken-link" // prev_hash is not the previous entry's hash: inserted or swapped rows
  | "hash-mismatch" // the entry's content no longer matches its hash: edited
  | "truncated" // the head or a checkpoint names entries that are gone
  | "checkpoint-mismatch" // the chain was recomputed: it no longer matches a signed checkpoint
  | "bad-signature"; // a checkpoint whose signature doesn't verify

export interface LogProblem {
  kind: ProblemKind;
  /** The first entry found bad. */
  seq: number;
  message: string;
}

export interface VerifyResult {
  workspaceId: string;
  ok: boolean;
  entries: number;
  /** Highest seq up to which the chain is intact (0 for an empty log). */
  verifiedThrough: number;
  headHash: string;
  problem: LogProblem | null;
}

export interface VerifyOptions {
  /** Signed checkpoints to hold the chain to (from the DB and/or a downloaded file). */
  checkpoints?: SignedCheckpoint[];
  /**
   * Public key(s) (PEM) checkpoints must be signed with, each by the one its keyId names: more
   * than one after a restore onto a new signing key. Defaults to each file's own key.
   */
  publicKeyPem?: string | string[];
  batchSize?: number;
}

/**
 * Walks a workspace's log in seq order and recomputes every hash. Streams in batches so a
 * long log is verified in constant memory.
 */
export async function verifyWorkspaceLog(db: Executor, workspaceId: string, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const batchSize = opts.batchSize ?? 2_000;
  let expected = 1;
  let prevHash = GENESIS_HASH;
  let problem: LogProblem | null = null;
  const hashes = new Map<number, string>();
  const wanted = new Set((opts.checkpoints ?? []).map((c) => c.seq));

  outer: for (;;) {
    const rows = await db
      .select()
      .from(logEntry)
      .where(and(eq(logEntry.workspaceId, workspaceId), gt(logEntry.seq, expected - 1)))
      .orderBy(asc(logEntry.seq))
      .limit(batchSize);
    for (const row of rows) {
      if (row.seq !== expected) {
        problem = { kind: "gap", seq: expected, message: `entry #${expected} is missing (next found is #${row.seq})` };
        break outer;
      }
      if (row.prevHash !== prevHash) {
        problem = { kind: "broken-link", seq: row.seq, message: `entry #${row.seq} does not follow entry #${row.seq - 1} (prev_hash differs)` };
        break outer;
      }
      if (entryHash(row) !== row.hash) {
        problem = { kind: "hash-mismatch", seq: row.seq, message: `entry #${row.seq} was changed after it was written (hash differs)` };
        break outer;
      }
      if (wanted.has(row.seq)) hashes.set(row.seq, row.hash);
      prevHash = row.hash;
      expected += 1;
    }
    if (rows.length < batchSize) break;
  }
  const last = expected - 1;

  if (!problem) {
    const [head] = await db.select().from(logHead).where(eq(logHead.workspaceId, workspaceId)).limit(1);
    if (head && head.seq > last) {
      problem = {
        kind: "truncated",
        seq: last + 1,
        message: `the log ends at #${last} but its head says #${head.seq}: entries from #${last + 1} were removed`,
      };
    } else if (head && head.seq === last && head.hash !== prevHash) {
      problem = { kind: "hash-mismatch", seq: last, message: `entry #${last} does not match the recorded head` };
    }
  }

  if (!problem) {
    const trusted = [opts.publicKeyPem ?? []].flat();
    for (const cp of [...(opts.checkpoints ?? [])].sort((a, b) => a.seq - b.seq)) {
      if (cp.workspaceId !== workspaceId) continue;
      const keys = trusted.length > 0 ? trusted : cp.publicKey ? [cp.publicKey] : [];
      if (!keys.some((key) => verifyCheckpointSignature(cp, key))) {
        problem = { kind: "bad-signature", seq: cp.seq, message: `checkpoint at #${cp.seq} has no valid signature from the configured key` };
        break;
      }
      if (cp.seq > last) {
        problem = { kind: "truncated", seq: last + 1, message: `a signed checkpoint covers #${cp.seq} but the log ends at #${last}` };
        break;
      }
      if (hashes.get(cp.seq) !== cp.hash) {
        problem = {
          kind: "checkpoint-mismatch",
          seq: cp.seq,
          message: `entry #${cp.seq} differs from its signed checkpoint: the chain was rewritten at or before #${cp.seq}`,
        };
        break;
      }
    }
  }

  const verifiedThrough = problem ? Math.max(0, problem.seq - 1) : last;
  return { workspaceId, ok: !problem, entries: last, verifiedThrough, headHash: prevHash, problem };
}
