import type { Database } from "@tandem/db";
import { getProjectRow, getTask } from "@tandem/db/queries";
import { projectRoom, projectViewRequestSchema, taskEditingRequestSchema } from "@tandem/realtime-contract";

import { incoming } from "./incoming";
import { projectPresenceOf, type ProjectPresenceBroadcaster } from "./project-presence";
import { handleRoomView, type RoomView, stopViewingRoom } from "./room-view";
import type { RealtimeIo, RealtimeSocket } from "./types";
import { failure, log } from "./log";

/** Projects as a room view: the socket keeps the one it has open, and the task whose editor is open there. */
export const projectView: RoomView<typeof projectViewRequestSchema, Awaited<ReturnType<typeof projectPresenceOf>>> = {
  event: "project",
  schema: projectViewRequestSchema,
  idOf: (r) => r.projectId,
  room: projectRoom,
  find: (db, workspaceId, projectId) => getProjectRow(db, { workspaceId, projectId }),
  get: (socket) => (socket.data.viewing ? { workspaceId: socket.data.viewing.workspaceId, id: socket.data.viewing.projectId } : null),
  set: (socket, viewing) => {
    socket.data.viewing = viewing ? { workspaceId: viewing.workspaceId, projectId: viewing.id } : null;
    socket.data.editingTaskId = null;
  },
  presenceOf: projectPresenceOf,
};

/** Takes a socket out of the project it has open; returns that project's id, if any. */
export const stopViewing = (socket: RealtimeSocket) => stopViewingRoom(socket, projectView);

/** project.view / project.leave (handleRoomView) and task.editing for one socket. */
export function handleProjectEvents(
  socket: RealtimeSocket,
  { io, db, projectPresence }: { io: RealtimeIo; db: Database; projectPresence: ProjectPresenceBroadcaster },
) {
  handleRoomView(socket, projectView, { io, db, broadcast: projectPresence.broadcast });

  // A later task.editing wins even if an earlier one's lookup finishes after it.
  let latestEdit = 0;

  socket.on("task.editing", (...args: unknown[]) => {
    const { request, reply } = incoming<typeof taskEditingRequestSchema, null>(args, taskEditingRequestSchema);
    if (!request) return reply({ ok: false, error: "invalid request" });
    const viewing = socket.data.viewing;
    if (viewing?.projectId !== request.projectId) return reply({ ok: false, error: "not viewing this project" });
    const ticket = ++latestEdit;
    setEditing(viewing, request.taskId, ticket).then(reply, (err: unknown) => {
      log.error(failure(err), "task.editing failed");
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
