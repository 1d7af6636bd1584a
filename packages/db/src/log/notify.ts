import { sql } from "drizzle-orm";
import pg from "pg";

import type { Transaction } from "../client";
import type { LogEntry } from "../schema";

/** The channel every appended log entry is announced on, at commit. */
export const LOG_CHANNEL = "tandem_log";
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; larger entries are announced by seq only. */
const MAX_PAYLOAD_BYTES = 7_900;

/** What a listener receives: the whole entry (times as ISO strings), or only where it is when too big. */
export type LogNotice =
  | { workspaceId: string; seq: number; entry: Omit<LogEntry, "createdAt"> & { createdAt: string } }
  | { workspaceId: string; seq: number; entry: null };

/**
 * Announces an appended entry inside its transaction. PostgreSQL delivers notifications only when
 * the transaction commits, and in commit order; appends to one workspace are serialised by the
 * head lock, so a workspace's notices arrive in seq order. Listeners still check seq: a notice is
 * a fast path, never the record.
 */
export async function notifyLogEntry(tx: Transaction, row: LogEntry) {
  const full = JSON.stringify({ workspaceId: row.workspaceId, seq: row.seq, entry: { ...row, createdAt: row.createdAt.toISOString() } });
  const payload = Buffer.byteLength(full) < MAX_PAYLOAD_BYTES ? full : JSON.stringify({ workspaceId: row.workspaceId, seq: row.seq, entry: null });
  await tx.execute(sql`select pg_notify(${LOG_CHANNEL}, ${payload})`);
}

export interface LogListener {
  close: () => Promise<void>;
}

export interface LogListenerOptions {
  url: string;
  onNotice: (notice: LogNotice) => void;
  /** Called on every (re)connect: notices sent while disconnected are lost, so the caller re-reads. */
  onConnect?: () => void;
  onError?: (err: Error) => void;
}

const RETRY_MS = [250, 500, 1_000, 2_000, 5_000];

/** A dedicated connection LISTENing on the log channel, reconnecting with backoff until closed. */
export function listenForLog({ url, onNotice, onConnect, onError }: LogListenerOptions): LogListener {
  let closed = false;
  let client: pg.Client | null = null;
  let attempt = 0;
  let retry: NodeJS.Timeout | undefined;

  async function connect() {
    const c = new pg.Client({ connectionString: url });
    client = c;
    c.on("notification", (msg) => {
      if (msg.channel !== LOG_CHANNEL || !msg.payload) return;
      const notice = parseNotice(msg.payload);
      if (notice) onNotice(notice);
    });
    c.on("error", (err) => {
      onError?.(err);
      reconnect(c);
    });
    c.on("end", () => reconnect(c));
    try {
      await c.connect();
      await c.query(`listen ${LOG_CHANNEL}`);
      if (closed) return void c.end().catch(() => {});
      attempt = 0;
      onConnect?.();
    } catch (err) {
      onError?.(err as Error);
      reconnect(c);
    }
  }

  function reconnect(c: pg.Client) {
    if (closed || client !== c) return;
    client = null;
    c.end().catch(() => {});
    const delay = RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]!;
    retry = setTimeout(() => void connect(), delay);
    retry.unref();
  }

  void connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}

function parseNotice(payload: string): LogNotice | null {
  try {
    const v = JSON.parse(payload) as Partial<LogNotice>;
    if (typeof v.workspaceId !== "string" || typeof v.seq !== "number" || !Number.isInteger(v.seq)) return null;
    if (v.entry && (v.entry.seq !== v.seq || v.entry.workspaceId !== v.workspaceId)) return null;
    return { workspaceId: v.workspaceId, seq: v.seq, entry: v.entry ?? null } as LogNotice;
  } catch {
    return null;
  }
}
