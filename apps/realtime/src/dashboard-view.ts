import type { Database } from "@tandem/db";
import { getDashboardRow } from "@tandem/db/queries";
import { dashboardRoom, dashboardViewRequestSchema, type DashboardPresence, type PresenceUser } from "@tandem/realtime-contract";

import { handleRoomView, type RoomView, stopViewingRoom } from "./room-view";
import { createSingleFlight } from "./single-flight";
import type { RealtimeIo, RealtimeSocket } from "./types";
import { failure, log } from "./log";

/** Distinct users with the dashboard open on any node (fetchSockets spans the adapter). */
export async function dashboardPresenceOf(io: RealtimeIo, dashboardId: string): Promise<DashboardPresence> {
  const sockets = await io.in(dashboardRoom(dashboardId)).fetchSockets();
  const viewers = new Map<string, PresenceUser>();
  for (const { data } of sockets) {
    const viewing = data.viewingDashboard;
    if (viewing?.dashboardId !== dashboardId || viewers.has(data.userId)) continue;
    const side = data.sides?.[viewing.workspaceId];
    if (side) viewers.set(data.userId, { userId: data.userId, name: data.name, side });
  }
  const list = [...viewers.values()].sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
  return { dashboardId, viewers: list };
}

/** Emits dashboard.presence to a dashboard room, coalescing bursts like the workspace presence. */
export function createDashboardPresenceBroadcaster(io: RealtimeIo) {
  const flight = createSingleFlight(
    async (dashboardId) => {
      const state = await dashboardPresenceOf(io, dashboardId);
      io.to(dashboardRoom(dashboardId)).emit("dashboard.presence", state);
    },
    (err) => log.error(failure(err), "dashboard presence broadcast failed"),
  );
  return { broadcast: flight.run, idle: flight.idle };
}

export type DashboardPresenceBroadcaster = ReturnType<typeof createDashboardPresenceBroadcaster>;

/** Dashboards as a room view: the socket keeps the one it has open. */
export const dashboardView: RoomView<typeof dashboardViewRequestSchema, DashboardPresence> = {
  event: "dashboard",
  schema: dashboardViewRequestSchema,
  idOf: (r) => r.dashboardId,
  room: dashboardRoom,
  find: (db, workspaceId, dashboardId) => getDashboardRow(db, { workspaceId, dashboardId }),
  get: (socket) =>
    socket.data.viewingDashboard ? { workspaceId: socket.data.viewingDashboard.workspaceId, id: socket.data.viewingDashboard.dashboardId } : null,
  set: (socket, viewing) => {
    socket.data.viewingDashboard = viewing ? { workspaceId: viewing.workspaceId, dashboardId: viewing.id } : null;
  },
  presenceOf: dashboardPresenceOf,
};

/** Takes a socket out of the dashboard it has open; returns that dashboard's id, if any. */
export const stopViewingDashboard = (socket: RealtimeSocket) => stopViewingRoom(socket, dashboardView);

/** dashboard.view / dashboard.leave for one socket (handleRoomView). */
export function handleDashboardEvents(
  socket: RealtimeSocket,
  { io, db, dashboardPresence }: { io: RealtimeIo; db: Database; dashboardPresence: DashboardPresenceBroadcaster },
) {
  handleRoomView(socket, dashboardView, { io, db, broadcast: dashboardPresence.broadcast });
}
