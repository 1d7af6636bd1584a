import type { Database } from "@tandem/db";
import { listMembers } from "@tandem/db/queries";
import { workspaceRoom } from "@tandem/realtime-contract";

import { stopViewingDashboard } from "./dashboard-view";
import { stopViewing } from "./project-view";
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

export interface ReconcileHooks {
  /** Runs before a socket joins the workspace room: the log tailer needs its cursor first. */
  beforeJoin: (workspaceId: string) => Promise<void>;
  /** A project's viewers (or their names or sides) changed. */
  projectChanged: (projectId: string) => void;
  /** A dashboard's viewers (or their names or sides) changed. */
  dashboardChanged: (dashboardId: string) => void;
}

export interface ReconcileResult {
  revoked: number;
  joined: number;
}

/**
 * Rechecks this node's sockets against a workspace's member table: removed users are told and
 * taken out of the workspace room and its project and dashboard rooms at once (so no further log entry or
 * presence reaches them), and closed when no workspace is left; the others get their current
 * side and name. Sockets of users who became members since they connected (an accepted
 * invitation) join the room.
 */
export async function reconcileWorkspace(io: RealtimeIo, db: Database, workspaceId: string, hooks: ReconcileHooks): Promise<ReconcileResult> {
  const room = workspaceRoom(workspaceId);
  const local = [...io.of("/").sockets.values()];
  if (local.length === 0) return { revoked: 0, joined: 0 };
  const members = new Map((await listMembers(db, { workspaceId })).map((m) => [m.userId, m]));
  const result: ReconcileResult = { revoked: 0, joined: 0 };

  for (const socket of localSocketsIn(io, workspaceId)) {
    // The socket may have closed while the query ran.
    if (!socket.connected) continue;
    const current = members.get(socket.data.userId);
    const viewed = socket.data.viewing?.workspaceId === workspaceId ? socket.data.viewing.projectId : null;
    const dashboard = socket.data.viewingDashboard?.workspaceId === workspaceId ? socket.data.viewingDashboard.dashboardId : null;
    if (current) {
      socket.data.name = current.name;
      socket.data.sides[workspaceId] = current.side;
      if (viewed) hooks.projectChanged(viewed);
      if (dashboard) hooks.dashboardChanged(dashboard);
      continue;
    }
    result.revoked++;
    delete socket.data.sides[workspaceId];
    if (viewed) hooks.projectChanged(stopViewing(socket) ?? viewed);
    if (dashboard) hooks.dashboardChanged(stopViewingDashboard(socket) ?? dashboard);
    socket.emit("session.revoked", { reason: "You were removed from this workspace.", workspaceId });
    socket.leave(room);
    if (Object.keys(socket.data.sides).length === 0) socket.disconnect(true);
  }

  const newcomers = local.filter((s) => s.connected && !s.rooms.has(room) && members.has(s.data.userId));
  if (newcomers.length > 0) {
    await hooks.beforeJoin(workspaceId);
    for (const socket of newcomers) {
      const current = members.get(socket.data.userId);
      // Rechecked after the await: the socket may have closed or been joined by another poke.
      if (!current || !socket.connected || socket.rooms.has(room)) continue;
      socket.data.sides[workspaceId] = current.side;
      socket.join(room);
      result.joined++;
    }
  }
  return result;
}
