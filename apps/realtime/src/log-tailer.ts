import type { Database } from "@tandem/db";
import type { LogNotice } from "@tandem/db/notify";
import { getLogHead, listLogAfter } from "@tandem/db/queries";
import { workspaceRoom, type LogEntryPayload } from "@tandem/realtime-contract";

import { toLogPayload } from "./log-payload";
import { createSingleFlight } from "./single-flight";
import type { RealtimeIo } from "./types";
import { failure, log } from "./log";

/** Rows per read; a full batch schedules the next read at once. */
const READ_BATCH = 500;
/** Safety reads with no local socket before a workspace is dropped (a joining socket is never that slow). */
const IDLE_TICKS_BEFORE_DROP = 2;

interface Tail {
  /** The last seq this node emitted for the workspace. */
  cursor: number;
  idleTicks: number;
}

export interface LogTailerOptions {
  io: RealtimeIo;
  db: Database;
  /** The safety read interval: delivery never waits longer than this for a missed wake-up. */
  pollMs: number;
  /** Told of every batch emitted (the metrics' delivery lag and head seq). */
  onEmit?: (workspaceId: string, entries: LogEntryPayload[]) => void;
}

/**
 * Delivers each workspace's log to this node's sockets, in seq order, once. Every node tails on
 * its own and emits locally only (io.local): with the Redis adapter a cluster-wide emit from each
 * node would reach every client once per node.
 *
 * Wake-ups (pokes) only make a read happen sooner; a read every pollMs per workspace with local
 * sockets means correctness never rests on them.
 */
export function createLogTailer({ io, db, pollMs, onEmit }: LogTailerOptions) {
  const tails = new Map<string, Tail>();
  const starting = new Map<string, Promise<void>>();
  let stopped = false;

  const reads = createSingleFlight(read, (err, workspaceId) => log.error({ workspaceId, ...failure(err) }, "log read failed"));

  async function read(workspaceId: string) {
    const tail = tails.get(workspaceId);
    if (!tail || stopped) return;
    const rows = await listLogAfter(db, { workspaceId, afterSeq: tail.cursor, limit: READ_BATCH });
    if (stopped) return;
    // Reads of one workspace never overlap and the cursor only moves forward, so the filter
    // drops nothing; it keeps a duplicate impossible even if that ever changed.
    const fresh = rows.filter((row) => row.seq > tail.cursor).map(toLogPayload);
    const last = fresh.at(-1);
    if (!last) return;
    tail.cursor = last.seq;
    // A backlog goes out as one packet: each packet costs a write per socket, so a node that fell
    // behind would otherwise fall further behind the more it had to catch up.
    emit(workspaceId, fresh);
    if (rows.length === READ_BATCH) void reads.run(workspaceId);
  }

  function emit(workspaceId: string, entries: LogEntryPayload[]) {
    const room = io.local.to(workspaceRoom(workspaceId));
    if (entries.length === 1) room.emit("log.entry", entries[0]!);
    else room.emit("log.entries", entries);
    onEmit?.(workspaceId, entries);
  }

  /** Entries from notices, in seq order right after the cursor, waiting for the end of this tick. */
  const pending = new Map<string, LogEntryPayload[]>();
  function flush(workspaceId: string) {
    const queue = pending.get(workspaceId);
    pending.delete(workspaceId);
    const tail = tails.get(workspaceId);
    if (!queue || !tail || stopped) return;
    const fresh = queue.filter((e) => e.seq > tail.cursor);
    const last = fresh.at(-1);
    if (!last || fresh[0]!.seq !== tail.cursor + 1) return void reads.run(workspaceId);
    tail.cursor = last.seq;
    emit(workspaceId, fresh);
  }

  const localSockets = (workspaceId: string) => io.of("/").adapter.rooms.get(workspaceRoom(workspaceId))?.size ?? 0;

  const timer = setInterval(() => {
    for (const [workspaceId, tail] of tails) {
      if (localSockets(workspaceId) > 0) {
        tail.idleTicks = 0;
        void reads.run(workspaceId);
      } else if (++tail.idleTicks >= IDLE_TICKS_BEFORE_DROP && !reads.isRunning(workspaceId)) {
        // Forgotten until a socket joins again, which restarts from the head then.
        tails.delete(workspaceId);
      }
    }
  }, pollMs);
  timer.unref();

  return {
    /**
     * Starts tailing a workspace unless already tailed; call it before a socket joins the room.
     * A new tail starts at the current head, so the socket is pushed every entry committed
     * after it joined; older ones are for `log.sync`.
     */
    track(workspaceId: string): Promise<void> {
      const tail = tails.get(workspaceId);
      if (tail) {
        tail.idleTicks = 0;
        return Promise.resolve();
      }
      let pending = starting.get(workspaceId);
      if (!pending) {
        pending = getLogHead(db, workspaceId)
          .then((head) => {
            if (!stopped && !tails.has(workspaceId)) tails.set(workspaceId, { cursor: head.seq, idleTicks: 0 });
          })
          .finally(() => starting.delete(workspaceId));
        starting.set(workspaceId, pending);
      }
      return pending;
    },
    /**
     * A wake-up: read the workspace now (or once more after the read in flight). With `seq`, a
     * node that has already delivered that entry (from a notice) skips the read.
     */
    wake(workspaceId: string, seq?: number) {
      const tail = tails.get(workspaceId);
      if (!tail || (seq !== undefined && tail.cursor >= seq)) return;
      void reads.run(workspaceId);
    },
    /**
     * A notice from the database at commit. The next entry in line goes out at once, with no read;
     * anything else (a gap, a notice without the entry, a read in flight) falls back to a read,
     * which keeps delivery in seq order and exactly once.
     */
    offer(notice: LogNotice) {
      const tail = tails.get(notice.workspaceId);
      if (!tail || notice.seq <= tail.cursor) return;
      const next = tail.cursor + 1 + (pending.get(notice.workspaceId)?.length ?? 0);
      if (!notice.entry || notice.seq !== next || reads.isRunning(notice.workspaceId)) {
        flush(notice.workspaceId);
        void reads.run(notice.workspaceId);
        return;
      }
      const queue = pending.get(notice.workspaceId);
      const entry = toLogPayload({ ...notice.entry, createdAt: new Date(notice.entry.createdAt) });
      if (queue) queue.push(entry);
      else {
        pending.set(notice.workspaceId, [entry]);
        // Notices that arrived together (a burst, or a loop that was busy) go out as one packet.
        setImmediate(() => flush(notice.workspaceId));
      }
    },
    /** Reads every tailed workspace: after a listener reconnects, notices may have been missed. */
    wakeAll() {
      for (const workspaceId of tails.keys()) void reads.run(workspaceId);
    },
    /** Resolves when the reads started so far have emitted what they found. */
    idle: reads.idle,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.allSettled(starting.values());
      await reads.idle();
    },
  };
}

export type LogTailer = ReturnType<typeof createLogTailer>;
