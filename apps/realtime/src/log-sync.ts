import type { Database } from "@tandem/db";
import { getLogHead, listLogAfter } from "@tandem/db/queries";
import { logSyncRequestSchema, MAX_LOG_SYNC_ENTRIES, workspaceRoom, type LogSyncResult } from "@tandem/realtime-contract";

import { incoming } from "./incoming";
import { toLogPayload } from "./log-payload";
import type { RealtimeSocket } from "./types";
import { failure, log } from "./log";

/**
 * log.sync: what a reconnecting client (or one that saw a seq gap) missed, read from the log.
 * The room is the authority on access: the handshake and membership pokes keep it in step with
 * the member table, so a removed member is refused as soon as the poke has run.
 */
export function handleLogSync(db: Database, socket: RealtimeSocket, args: unknown[]) {
  const { request, reply, hasAck } = incoming<typeof logSyncRequestSchema, LogSyncResult>(args, logSyncRequestSchema);
  if (!hasAck) return;
  if (!request) return reply({ ok: false, error: "invalid request" });
  const { workspaceId, afterSeq } = request;
  if (!socket.rooms.has(workspaceRoom(workspaceId))) return reply({ ok: false, error: "not found" });
  readAfter(db, workspaceId, afterSeq).then(
    (data) => reply(socket.rooms.has(workspaceRoom(workspaceId)) ? { ok: true, data } : { ok: false, error: "not found" }),
    (err: unknown) => {
      log.error(failure(err), "log.sync failed");
      reply({ ok: false, error: "The activity log is unavailable right now. Try again." });
    },
  );
}

async function readAfter(db: Database, workspaceId: string, afterSeq: number): Promise<LogSyncResult> {
  // Head first: entries committed between the two reads can only move the answer's end past
  // it (hence the max), never leave headSeq naming an entry the answer could not include.
  const head = await getLogHead(db, workspaceId);
  // One row more than we return tells whether there is more without counting.
  const rows = await listLogAfter(db, { workspaceId, afterSeq, limit: MAX_LOG_SYNC_ENTRIES + 1 });
  const entries = rows.slice(0, MAX_LOG_SYNC_ENTRIES).map(toLogPayload);
  const last = entries.at(-1)?.seq ?? afterSeq;
  return { entries, headSeq: Math.max(head.seq, last), hasMore: rows.length > MAX_LOG_SYNC_ENTRIES };
}
