import { workspaceRoom, type PresenceState, type PresenceUser } from "@tandem/realtime-contract";

import { createSingleFlight } from "./single-flight";
import type { RealtimeIo } from "./types";
import { failure, log } from "./log";

/** Distinct users connected to a workspace on any node (fetchSockets spans the adapter). */
export async function presenceOf(io: RealtimeIo, workspaceId: string): Promise<PresenceState> {
  const sockets = await io.in(workspaceRoom(workspaceId)).fetchSockets();
  const users = new Map<string, PresenceUser>();
  for (const { data } of sockets) {
    const side = data.sides?.[workspaceId];
    if (!side || users.has(data.userId)) continue;
    users.set(data.userId, { userId: data.userId, name: data.name, side });
  }
  const list = [...users.values()].sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
  return { workspaceId, users: list };
}

/**
 * Emits presence.state to a workspace room. Requests that arrive while one is computing are
 * folded into one more run, so a burst of connects costs two fetches, and the last state a
 * room receives from this node is never older than the last change this node saw.
 */
export function createPresenceBroadcaster(io: RealtimeIo) {
  const flight = createSingleFlight(
    async (workspaceId) => {
      const state = await presenceOf(io, workspaceId);
      io.to(workspaceRoom(workspaceId)).emit("presence.state", state);
    },
    (err) => log.error(failure(err), "presence broadcast failed"),
  );
  return {
    broadcast: flight.run,
    /** Resolves when every broadcast started so far has been sent. */
    idle: flight.idle,
  };
}

export type PresenceBroadcaster = ReturnType<typeof createPresenceBroadcaster>;
