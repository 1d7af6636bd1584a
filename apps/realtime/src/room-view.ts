import type { Database } from "@tandem/db";
import { type Infer, type Schema, workspaceRoom } from "@tandem/realtime-contract";

import { incoming } from "./incoming";
import type { RealtimeIo, RealtimeSocket } from "./types";
import { failure, log } from "./log";

/** What a socket has open: a thing's id and the workspace it belongs to. */
export interface Viewing {
  workspaceId: string;
  id: string;
}

/**
 * A thing of a workspace that a page opens and leaves (a project, a dashboard), with a room of the
 * sockets that have it open. Each kind says how it is found and where a socket keeps it; the view
 * and leave events, their checks and races are the same for all (handleRoomView).
 */
export interface RoomView<S extends Schema, P> {
  /** The events are `<event>.view` and `<event>.leave`. */
  event: "project" | "dashboard";
  schema: S;
  idOf: (request: Infer<S>) => string;
  room: (id: string) => string;
  /** The thing in that workspace, or null. */
  find: (db: Database, workspaceId: string, id: string) => Promise<unknown>;
  get: (socket: RealtimeSocket) => Viewing | null;
  /** Keeps what the socket has open (null: nothing), and clears what depended on it. */
  set: (socket: RealtimeSocket, viewing: Viewing | null) => void;
  presenceOf: (io: RealtimeIo, id: string) => Promise<P>;
}

/** Takes a socket out of the thing of this kind it has open; returns that thing's id, if any. */
export function stopViewingRoom<S extends Schema, P>(socket: RealtimeSocket, kind: RoomView<S, P>): string | null {
  const viewing = kind.get(socket);
  if (!viewing) return null;
  socket.leave(kind.room(viewing.id));
  kind.set(socket, null);
  return viewing.id;
}

/** The workspace (among those whose room the socket is in) that owns the thing, or null. */
async function owningWorkspace<S extends Schema, P>(db: Database, socket: RealtimeSocket, kind: RoomView<S, P>, id: string): Promise<string | null> {
  const workspaceIds = Object.keys(socket.data.sides).filter((ws) => socket.rooms.has(workspaceRoom(ws)));
  const rows = await Promise.all(workspaceIds.map(async (workspaceId) => ((await kind.find(db, workspaceId, id)) ? workspaceId : null)));
  return rows.find((ws) => ws !== null) ?? null;
}

/** The events named at run time; each handler validates its own arguments (incoming). */
type LooseOn = (event: string, listener: (...args: unknown[]) => void) => void;

/**
 * `<event>.view` / `<event>.leave` for one socket. The server checks the thing against the
 * workspaces it put the socket in (every member of a workspace may open its projects and
 * dashboards); the client only names it. A later view wins even if an earlier one's lookup
 * finishes after it, and a leave cancels a view still being checked.
 */
export function handleRoomView<S extends Schema, P>(
  socket: RealtimeSocket,
  kind: RoomView<S, P>,
  { io, db, broadcast }: { io: RealtimeIo; db: Database; broadcast: (id: string) => Promise<void> },
) {
  const on = socket.on.bind(socket) as unknown as LooseOn;
  let latestView = 0;

  on(`${kind.event}.view`, (...args) => {
    const { request, reply } = incoming<S, P>(args, kind.schema);
    if (!request) return reply({ ok: false, error: "invalid request" });
    const ticket = ++latestView;
    view(kind.idOf(request), ticket).then(reply, (err: unknown) => {
      log.error({ event: `${kind.event}.view`, ...failure(err) }, "view failed");
      reply({ ok: false, error: "Who's here is unavailable right now. Try again." });
    });
  });

  async function view(id: string, ticket: number) {
    const workspaceId = await owningWorkspace(db, socket, kind, id);
    if (ticket !== latestView) return { ok: false as const, error: `superseded by a later ${kind.event}.view` };
    // Membership may have been revoked while the lookup ran; the room says so.
    if (!workspaceId || !socket.connected || !socket.rooms.has(workspaceRoom(workspaceId))) return { ok: false as const, error: "not found" };
    if (kind.get(socket)?.id !== id) {
      const previous = stopViewingRoom(socket, kind);
      kind.set(socket, { workspaceId, id });
      socket.join(kind.room(id));
      if (previous) void broadcast(previous);
    }
    await broadcast(id);
    return { ok: true as const, data: await kind.presenceOf(io, id) };
  }

  on(`${kind.event}.leave`, (...args) => {
    const { request, reply } = incoming<S, null>(args, kind.schema);
    if (!request) return reply({ ok: false, error: "invalid request" });
    latestView++;
    const id = kind.idOf(request);
    if (kind.get(socket)?.id === id) {
      stopViewingRoom(socket, kind);
      void broadcast(id);
    }
    reply({ ok: true, data: null });
  });
}
