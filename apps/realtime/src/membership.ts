import type { Database } from "@tandem/db";
import { listMembers } from "@tandem/db/queries";
import { workspaceRoom } from "@tandem/realtime-contract";

import type { RealtimeIo, RealtimeSocket } from "./types";

/** Sockets of this node in a workspace room; socket.data can only be changed on the owning node. */
function localSocketsIn(io: RealtimeIo, workspaceId: string): RealtimeSocket[] {
  const nsp = io.of("/");
  const ids = nsp.adapter.rooms.get(workspaceRoom(workspaceId)) ?? new Set<string>();
  return [...ids].flatMap((id) => {
    const socket = nsp.sockets.get(id);
    return socket ? [socket] : [];
  });
}

/**
 * Rechecks this node's sockets in a workspace against the member table: removed users are told
 * and taken out of the room (and closed when no workspace is left); the others get their
 * current side and name. Returns how many sockets lost access.
 */
export async function reconcileWorkspace(io: RealtimeIo, db: Database, workspaceId: string): Promise<number> {
  const sockets = localSocketsIn(io, workspaceId);
  if (sockets.length === 0) return 0;
  const members = new Map((await listMembers(db, { workspaceId })).map((m) => [m.userId, m]));
  let revoked = 0;
  for (const socket of sockets) {
    // The socket may have closed while the query ran.
    if (!socket.connected) continue;
    const current = members.get(socket.data.userId);
    if (current) {
      socket.data.name = current.name;
      socket.data.sides[workspaceId] = current.side;
      continue;
    }
    revoked++;
    delete socket.data.sides[workspaceId];
    socket.emit("session.revoked", { reason: "You were removed from this workspace.", workspaceId });
    socket.leave(workspaceRoom(workspaceId));
    if (Object.keys(socket.data.sides).length === 0) socket.disconnect(true);
  }
  return revoked;
}
