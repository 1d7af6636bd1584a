import type { Database, Side, Transaction } from "@tandem/db";
import type { LogSigner } from "@tandem/db/log";
import { notifyLogEntry } from "@tandem/db/notify";
import { appendLogEntry, insertCheckpoint, type AppendLogInput } from "@tandem/db/queries";
import type { WritableAction } from "@tandem/domain/actions";

import { errorFields, logger } from "../logger";
import { type RealtimeNotifier, wake } from "../realtime-notifier";

/** A signed checkpoint is cut inside the appending transaction every this many entries. */
export const CHECKPOINT_EVERY = 100;

/**
 * An entry as a service writes it: the action, what it is about, and its typed summary. Its
 * workspace is the write's; only a write that creates its workspace names it on its first entry.
 */
export type LogEntryInput<A extends WritableAction = WritableAction> = Omit<AppendLogInput<A>, "workspaceId" | "actor"> & { workspaceId?: string };
export type LogFn = <A extends WritableAction>(entry: LogEntryInput<A>) => Promise<{ seq: number }>;

export interface WriteContext {
  db: Database;
  realtime?: RealtimeNotifier;
  /** The request that makes the write: its lines in the log and its poke carry this id. */
  requestId?: string;
  signer?: LogSigner;
  /**
   * The workspace written to. `null` for a write that creates its workspace in the same
   * transaction: its first entry names it (`workspaceId` on the entry), and every later entry of
   * the write must be in that one too.
   */
  workspaceId: string | null;
  actor: { id: string | null; name: string; side: Side | null };
  /**
   * Follow-up work that reads what the write committed (the computed-KPI check), run after the
   * commit and the poke with the actions the write logged: outside the write's transaction, so it
   * holds none of the write's locks. Best effort: a failure is logged, and the write stands.
   */
  afterCommit?: (written: { workspaceId: string; actions: WritableAction[] }) => Promise<void>;
}

/**
 * The one data path: domain rows and their log entries commit in one transaction (which also
 * NOTIFYs each entry to LISTENing realtime nodes), then the nodes are poked. Correctness never rests on the wake-up: nodes also read on their own.
 */
export async function writeWithLog<T>(ctx: WriteContext, work: (tx: Transaction, log: LogFn) => Promise<T>): Promise<T> {
  let lastSeq = 0;
  let workspaceId = ctx.workspaceId;
  const actions: WritableAction[] = [];
  const result = await ctx.db.transaction(async (tx) => {
    const log: LogFn = async <A extends WritableAction>({ workspaceId: named, ...entry }: LogEntryInput<A>) => {
      // One write, one workspace: an entry may name it only to say which one a new workspace is.
      if (named && workspaceId && named !== workspaceId) throw new Error(`log entry for workspace ${named} in a write to ${workspaceId}`);
      workspaceId ??= named ?? null;
      if (!workspaceId) throw new Error("log entry without a workspace: a write that creates its workspace names it on its first entry");
      const row = await appendLogEntry(tx, { ...entry, workspaceId, actor: ctx.actor });
      lastSeq = row.seq;
      actions.push(entry.action);
      // Nodes LISTENing hear the entry itself at commit, before this process even sees COMMIT return.
      await notifyLogEntry(tx, row);
      if (ctx.signer && row.seq % CHECKPOINT_EVERY === 0) {
        const signed = ctx.signer.sign({ workspaceId, seq: row.seq, hash: row.hash, createdAt: row.createdAt.toISOString() });
        await insertCheckpoint(tx, { workspaceId, seq: row.seq, hash: row.hash, keyId: signed.keyId, signature: signed.signature, createdAt: row.createdAt });
      }
      return { seq: row.seq };
    };
    return work(tx, log);
  });
  // The poke is for nodes that cannot LISTEN (embedded PGlite); a node that already has lastSeq
  // skips it. The save answers without waiting for it.
  if (lastSeq > 0 && workspaceId) wake(ctx.realtime?.logAppended(workspaceId, lastSeq, ctx.requestId));
  if (ctx.afterCommit && workspaceId && actions.length > 0) {
    try {
      await ctx.afterCommit({ workspaceId, actions });
    } catch (err) {
      logger.warn({ requestId: ctx.requestId, workspaceId, ...errorFields(err) }, "after-commit work failed");
    }
  }
  return result;
}
