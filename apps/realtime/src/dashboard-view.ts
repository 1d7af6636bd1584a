import type { Database } from "@tandem/db";
import { getDashboardRow } from "@tandem/db/queries";
import { dashboardRoom, dashboardViewRequestSchema, workspaceRoom, type DashboardPresence, type PresenceUser } from "@tandem/realtime-contract";

import { incoming } from "./incoming";
import { createSingleFlight } from "./single-flight";
import type { RealtimeIo, RealtimeSocket } from "./types";

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
    (err) => console.error("[realtime] dashboard presence broadcast failed:", err instanceof Error ? err.message : err),
  );
  return { broadcast: flight.run, idle: flight.idle };
}

export type DashboardPresenceBroadcaster = ReturnType<typeof createDashboardPresenceBroadcaster>;

/** Takes a socket out of the dashboard it has open; returns that dashboard's id, if any. */
export function stopViewingDashboard(socket: RealtimeSocket): string | null {
  const viewing = socket.data.viewingDashboard;
  if (!viewing) return null;
  socket.leave(dashboardRoom(viewing.dashboardId));
  socket.data.viewingDashboard = null;
  return viewing.dashboardId;
}

/** The workspace (among those whose room the socket is in) that owns the dashboard, or null. */
async function owningWorkspace(db: Database, socket: RealtimeSocket, dashboardId: string): Promise<string | null> {
  const workspaceIds = Object.keys(socket.data.sides).filter((id) => socket.rooms.has(workspaceRoom(id)));
  const rows = await Promise.all(workspaceIds.map((workspaceId) => getDashboardRow(db, { workspaceId, dashboardId })));
  return rows.find((r) => r !== null)?.workspaceId ?? null;
}

/**
 * dashboard.view / dashboard.leave for one socket, the way projects do it: the server checks the
 * dashboard against the workspaces it put the socket in (every member of a workspace may see its
 * dashboards); the client only names the dashboard.
 */
export function handleDashboardEvents(
  socket: RealtimeSocket,
  { io, db, dashboardPresence }: { io: RealtimeIo; db: Database; dashboardPresence: DashboardPresenceBroadcaster },
) {
  // A later dashboard.view wins even if an earlier one's lookup finishes after it.
  let latestView = 0;

  socket.on("dashboard.view", (...args: unknown[]) => {
    const { request, reply } = incoming<typeof dashboardViewRequestSchema, DashboardPresence>(args, dashboardViewRequestSchema);
    if (!request) return reply({ ok: false, error: "invalid request" });
    const ticket = ++latestView;
    view(request.dashboardId, ticket).then(reply, (err: unknown) => {
      console.error("[realtime] dashboard.view failed:", err instanceof Error ? err.message : err);
      reply({ ok: false, error: "Who's here is unavailable right now. Try again." });
    });
  });

  async function view(dashboardId: string, ticket: number) {
    const workspaceId = await owningWorkspace(db, socket, dashboardId);
    if (ticket !== latestView) return { ok: false as const, error: "superseded by a later dashboard.view" };
    // Membership may have been revoked while the lookup ran; the room says so.
    if (!workspaceId || !socket.connected || !socket.rooms.has(workspaceRoom(workspaceId))) return { ok: false as const, error: "not found" };
    if (socket.data.viewingDashboard?.dashboardId !== dashboardId) {
      const previous = stopViewingDashboard(socket);
      socket.data.viewingDashboard = { workspaceId, dashboardId };
      socket.join(dashboardRoom(dashboardId));
      if (previous) void dashboardPresence.broadcast(previous);
    }
    await dashboardPresence.broadcast(dashboardId);
    return { ok: true as const, data: await dashboardPresenceOf(io, dashboardId) };
  }

  socket.on("dashboard.leave", (...args: unknown[]) => {
    const { request, reply } = incoming<typeof dashboardViewRequestSchema, null>(args, dashboardViewRequestSchema);
    if (!request) return reply({ ok: false, error: "invalid request" });
    // A view still being checked must not land after the leave.
    latestView++;
    if (socket.data.viewingDashboard?.dashboardId === request.dashboardId) {
      stopViewingDashboard(socket);
      void dashboardPresence.broadcast(request.dashboardId);
    }
    reply({ ok: true, data: null });
  });
}
