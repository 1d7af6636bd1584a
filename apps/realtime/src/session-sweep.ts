import type { Database } from "@tandem/db";
import { liveSessions } from "@tandem/db/queries";

import type { RealtimeIo, RealtimeSocket } from "./types";
import { failure, log } from "./log";

export interface SessionSweepOptions {
  io: RealtimeIo;
  db: Database;
  /** How often this node rechecks the sessions of its sockets. */
  intervalMs: number;
}

/**
 * Ends sockets whose session ended: signed out (in this browser or another), revoked, or expired.
 * A socket is told why (`session.revoked`, no workspace) and then disconnected for good. Expiry
 * is also caught between sweeps by each socket's own deadline.
 */
export function createSessionSweep({ io, db, intervalMs }: SessionSweepOptions) {
  let running: Promise<void> | null = null;

  function end(socket: RealtimeSocket) {
    if (!socket.connected) return;
    socket.emit("session.revoked", { reason: "Your session has ended. Sign in again." });
    socket.disconnect(true);
  }

  async function sweep() {
    const sockets = [...io.of("/").sockets.values()];
    if (sockets.length === 0) return;
    const ids = [...new Set(sockets.map((s) => s.data.sessionId).filter(Boolean))];
    const live = new Map<string, number>();
    for (let i = 0; i < ids.length; i += 500) {
      for (const row of await liveSessions(db, ids.slice(i, i + 500))) live.set(row.id, row.expiresAt.getTime());
    }
    for (const socket of sockets) {
      const expiresAt = live.get(socket.data.sessionId);
      if (expiresAt === undefined) end(socket);
      // better-auth slides a session's expiry forward as it is used: follow it.
      else socket.data.sessionExpiresAt = expiresAt;
    }
  }

  const run = () => {
    running ??= sweep()
      .catch((err: unknown) => log.error(failure(err), "session sweep failed"))
      .finally(() => (running = null));
    return running;
  };

  const timer = setInterval(() => {
    const now = Date.now();
    for (const socket of io.of("/").sockets.values()) if (socket.data.sessionExpiresAt <= now) end(socket);
    void run();
  }, intervalMs);
  timer.unref();

  return {
    /** Checks every local socket's session now. */
    sweep: run,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
