import type { Database } from "@tandem/db";
import { getProjectRow, getTask } from "@tandem/db/queries";
import { projectRoom, projectViewRequestSchema, taskEditingRequestSchema, workspaceRoom, type ProjectPresence } from "@tandem/realtime-contract";

import { incoming } from "./incoming";
import { projectPresenceOf, type ProjectPresenceBroadcaster } from "./project-presence";
import type { RealtimeIo, RealtimeSocket } from "./types";

/** Takes a socket out of the project it has open; returns that project's id, if any. */
export function stopViewing(socket: RealtimeSocket): string | null {
  const viewing = socket.data.viewing;
  if (!viewing) return null;
  socket.leave(projectRoom(viewing.projectId));
  socket.data.viewing = null;
  socket.data.editingTaskId = null;
  return viewing.projectId;
}

/** The workspace (among those whose room the socket is in) that owns the project, or null. */
async function owningWorkspace(db: Database, socket: RealtimeSocket, projectId: string): Promise<string | null> {
  const workspaceIds = Object.keys(socket.data.sides).filter((id) => socket.rooms.has(workspaceRoom(id)));
  const rows = await Promise.all(workspaceIds.map((workspaceId) => getProjectRow(db, { workspaceId, projectId })));
  return rows.find((r) => r !== null)?.workspaceId ?? null;
}

/**
 * project.view / project.leave / task.editing for one socket. The server checks the project
 * against the workspaces it put the socket in; the client only names the project.
 */
export function handleProjectEvents(
  socket: RealtimeSocket,
  { io, db, projectPresence }: { io: RealtimeIo; db: Database; projectPresence: ProjectPresenceBroadcaster },
) {
  // A later project.view wins even if an earlier one's lookup finishes after it.
  let latestView = 0;

  socket.on("project.view", (...args: unknown[]) => {
    const { request, reply } = incoming<typeof projectViewRequestSchema, ProjectPresence>(args, projectViewRequestSchema);
    if (!request) return reply({ ok: false, error: "invalid request" });
    const { projectId } = request;
    const ticket = ++latestView;
    view(projectId, ticket).then(reply, (err: unknown) => {
      console.error("[realtime] project.view failed:", err instanceof Error ? err.message : err);
      reply({ ok: false, error: "Who's here is unavailable right now. Try again." });
    });
  });

  async function view(projectId: string, ticket: number) {
    const workspaceId = await owningWorkspace(db, socket, projectId);
    if (ticket !== latestView) return { ok: false as const, error: "superseded by a later project.view" };
    // Membership may have been revoked while the lookup ran; the room says so.
    if (!workspaceId || !socket.connected || !socket.rooms.has(workspaceRoom(workspaceId))) return { ok: false as const, error: "not found" };
    if (socket.data.viewing?.projectId !== projectId) {
      const previous = stopViewing(socket);
      socket.data.viewing = { workspaceId, projectId };
      socket.join(projectRoom(projectId));
      if (previous) void projectPresence.broadcast(previous);
    }
    await projectPresence.broadcast(projectId);
    return { ok: true as const, data: await projectPresenceOf(io, projectId) };
  }

  socket.on("project.leave", (...args: unknown[]) => {
    const { request, reply } = incoming<typeof projectViewRequestSchema, null>(args, projectViewRequestSchema);
    if (!request) return reply({ ok: false, error: "invalid request" });
    // A view still being checked must not land after the leave.
    latestView++;
    if (socket.data.viewing?.projectId === request.projectId) {
      stopViewing(socket);
      void projectPresence.broadcast(request.projectId);
    }
    reply({ ok: true, data: null });
  });

  // A later task.editing wins even if an earlier one's lookup finishes after it.
  let latestEdit = 0;

  socket.on("task.editing", (...args: unknown[]) => {
    const { request, reply } = incoming<typeof taskEditingRequestSchema, null>(args, taskEditingRequestSchema);
    if (!request) return reply({ ok: false, error: "invalid request" });
    const viewing = socket.data.viewing;
    if (viewing?.projectId !== request.projectId) return reply({ ok: false, error: "not viewing this project" });
    const ticket = ++latestEdit;
    setEditing(viewing, request.taskId, ticket).then(reply, (err: unknown) => {
      console.error("[realtime] task.editing failed:", err instanceof Error ? err.message : err);
      reply({ ok: false, error: "unavailable" });
    });
  });

  /** Only a task of the viewed project can be named: what others see is never a stranger's id. */
  async function setEditing(viewing: { workspaceId: string; projectId: string }, taskId: string | null, ticket: number) {
    if (taskId) {
      const task = await getTask(db, { workspaceId: viewing.workspaceId, taskId });
      if (!task || task.projectId !== viewing.projectId) return { ok: false as const, error: "not found" };
    }
    if (ticket !== latestEdit || socket.data.viewing?.projectId !== viewing.projectId) return { ok: false as const, error: "superseded" };
    if (socket.data.editingTaskId !== taskId) {
      socket.data.editingTaskId = taskId;
      void projectPresence.broadcast(viewing.projectId);
    }
    return { ok: true as const, data: null };
  }
}
