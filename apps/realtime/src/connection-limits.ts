import { firstForwarded, type RateLimits } from "@tandem/api/rate-limit";
import type { ExtendedError } from "socket.io";

import { connectError } from "./handshake";
import type { RealtimeSocket } from "./types";

/** Open sockets one person may hold on one node: a tab each, with room for many tabs. */
export const MAX_SOCKETS_PER_USER = 20;

/** The address a socket came from: the proxy's X-Forwarded-For when there is one, else the peer's. */
function addressOf(socket: RealtimeSocket) {
  return firstForwarded(socket.handshake.headers["x-forwarded-for"]) || socket.handshake.address || "unknown";
}

/**
 * Limits on connecting, checked in the handshake: attempts per address before the session is
 * read (a flood costs one counter each), then attempts per person and how many sockets they
 * hold at once on this node. A refusal says when to try again; the client waits that long.
 */
export function createConnectionLimits({ limits, maxSocketsPerUser = MAX_SOCKETS_PER_USER }: { limits?: RateLimits; maxSocketsPerUser?: number }) {
  const open = new Map<string, number>();

  const refused = (retryAfterSeconds: number, message: string) => connectError({ code: "RATE_LIMITED", message, retryAfterSeconds });

  return {
    /** Before the session is read. */
    async byAddress(socket: RealtimeSocket): Promise<ExtendedError | undefined> {
      if (!limits) return undefined;
      const outcome = await limits.consume("socketConnectByIp", addressOf(socket));
      return outcome.ok ? undefined : refused(outcome.retryAfterSeconds, "Too many connections from this address. Reconnecting shortly.");
    },
    /** Once the person is known; on success the socket counts as theirs until it disconnects. */
    async byPerson(socket: RealtimeSocket, userId: string): Promise<ExtendedError | undefined> {
      if ((open.get(userId) ?? 0) >= maxSocketsPerUser) {
        return refused(30, `You have ${maxSocketsPerUser} live tabs open already. Close some, and this one reconnects.`);
      }
      if (limits) {
        const outcome = await limits.consume("socketConnect", userId);
        if (!outcome.ok) return refused(outcome.retryAfterSeconds, "Reconnecting too often. Trying again shortly.");
      }
      open.set(userId, (open.get(userId) ?? 0) + 1);
      socket.once("disconnect", () => {
        const left = (open.get(userId) ?? 1) - 1;
        if (left > 0) open.set(userId, left);
        else open.delete(userId);
      });
      return undefined;
    },
    /** Sockets each person holds on this node now (for metrics and tests). */
    openFor: (userId: string) => open.get(userId) ?? 0,
  };
}

export type ConnectionLimits = ReturnType<typeof createConnectionLimits>;
