import type { Database, Side, Transaction } from "@tandem/db";
import type { LogSigner } from "@tandem/db/log";
import { appendLogEntry, insertCheckpoint, type AppendLogInput } from "@tandem/db/queries";

import type { RealtimeNotifier } from "../realtime-notifier";

/** A signed checkpoint is cut inside the appending transaction every this many entries. */
export const CHECKPOINT_EVERY = 100;

export type LogEntryInput = Omit<AppendLogInput, "workspaceId" | "actor">;
export type LogFn = (entry: LogEntryInput) => Promise<{ seq: number }>;

export interface WriteContext {
  db: Database;
  realtime?: RealtimeNotifier;
  signer?: LogSigner;
  workspaceId: string;
  actor: { id: string | null; name: string; side: Side | null };
}

/**
 * The one data path: domain rows and their log entries commit in one transaction, then
 * realtime nodes are woken. Correctness never rests on the wake-up: nodes also read on their own.
 */
export async function writeWithLog<T>(ctx: WriteContext, work: (tx: Transaction, log: LogFn) => Promise<T>): Promise<T> {
  let appended = 0;
  const result = await ctx.db.transaction(async (tx) => {
    const log: LogFn = async (entry) => {
      const row = await appendLogEntry(tx, { ...entry, workspaceId: ctx.workspaceId, actor: ctx.actor });
      appended += 1;
      if (ctx.signer && row.seq % CHECKPOINT_EVERY === 0) {
        const signed = ctx.signer.sign({ workspaceId: ctx.workspaceId, seq: row.seq, hash: row.hash, createdAt: row.createdAt.toISOString() });
        await insertCheckpoint(tx, { workspaceId: ctx.workspaceId, seq: row.seq, hash: row.hash, keyId: signed.keyId, signature: signed.signature, createdAt: row.createdAt });
      }
      return { seq: row.seq };
    };
    return work(tx, log);
  });
  if (appended > 0) await ctx.realtime?.logAppended(ctx.workspaceId);
  return result;
}
