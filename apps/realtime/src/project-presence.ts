import { projectRoom, type ProjectPresence, type ProjectViewer } from "@tandem/realtime-contract";

import { createSingleFlight } from "./single-flight";
import type { RealtimeIo } from "./types";
import { failure, log } from "./log";

/** Distinct users with the project open on any node, and the task each is editing. */
export async function projectPresenceOf(io: RealtimeIo, projectId: string): Promise<ProjectPresence> {
  const sockets = await io.in(projectRoom(projectId)).fetchSockets();
  const viewers = new Map<string, ProjectViewer>();
  for (const { data } of sockets) {
    if (data.viewing?.projectId !== projectId) continue;
    const side = data.sides?.[data.viewing.workspaceId];
    if (!side) continue;
    const seen = viewers.get(data.userId);
    // One entry per user; a tab with an editor open wins over one without.
    if (seen && (seen.editingTaskId !== null || data.editingTaskId === null)) continue;
    viewers.set(data.userId, { userId: data.userId, name: data.name, side, editingTaskId: data.editingTaskId ?? null });
  }
  const list = [...viewers.values()].sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
  return { projectId, viewers: list };
}

/** Emits project.presence to a project room, coalescing bursts like the workspace presence. */
export function createProjectPresenceBroadcaster(io: RealtimeIo) {
  const flight = createSingleFlight(
    async (projectId) => {
      const state = await projectPresenceOf(io, projectId);
      io.to(projectRoom(projectId)).emit("project.presence", state);
    },
    (err) => log.error(failure(err), "project presence broadcast failed"),
  );
  return { broadcast: flight.run, idle: flight.idle };
}

export type ProjectPresenceBroadcaster = ReturnType<typeof createProjectPresenceBroadcaster>;
