import type { Auth } from "@tandem/auth";
import type { Database } from "@tandem/db";
import { listWorkspacesForUser } from "@tandem/db/queries";
import { workspaceRoom, type ConnectErrorData, type SocketData } from "@tandem/realtime-contract";
import type { ExtendedError } from "socket.io";

import type { ConnectionLimits } from "./connection-limits";
import type { RealtimeSocket } from "./types";
import { failure, log } from "./log";

export function connectError(data: ConnectErrorData): ExtendedError {
  const err: ExtendedError = new Error(data.code === "UNAUTHORIZED" ? "unauthorized" : "unavailable");
  err.data = data;
  return err;
}

/** The user's side in each workspace they belong to, straight from the member table. */
export async function loadSides(db: Database, userId: string): Promise<SocketData["sides"]> {
  const rows = await listWorkspacesForUser(db, userId);
  return Object.fromEntries(rows.map((r) => [r.id, r.side]));
}

/**
 * Handshake middleware: the session cookie decides who the socket is, and the member table
 * decides which rooms it is in. Clients never name rooms.
 */
export function authenticate({
  db,
  auth,
  ready,
  beforeJoin,
  membershipEpoch = () => 0,
  limits,
  onRefused,
}: {
  db: Database;
  auth: Auth;
  ready: Promise<void>;
  /** Counts membership rechecks: one that ran during this handshake could not see this socket yet. */
  membershipEpoch?: () => number;
  /** Runs before the socket joins its workspace rooms: the log tailer needs its cursors first. */
  beforeJoin: (workspaceIds: string[]) => Promise<void>;
  /** Connection rate limits and the per-person socket cap; none when absent. */
  limits?: ConnectionLimits;
  /** Told the code of every refused handshake (the metrics). */
  onRefused?: (code: string) => void;
}) {
  return (socket: RealtimeSocket, next: (err?: ExtendedError) => void) => {
    const refuse = (err: ExtendedError) => {
      onRefused?.((err.data as ConnectErrorData | undefined)?.code ?? "UNKNOWN");
      next(err);
    };
    run(socket).then(
      (err) => (err ? refuse(err) : next()),
      (cause: unknown) => {
        log.error(failure(cause), "handshake failed");
        refuse(connectError({ code: "UNAVAILABLE", message: "Live updates are unavailable right now. Retrying shortly." }));
      },
    );
  };

  async function run(socket: RealtimeSocket): Promise<ExtendedError | undefined> {
    const flood = await limits?.byAddress(socket);
    if (flood) return flood;
    const cookie = socket.request.headers.cookie;
    if (!cookie) return connectError({ code: "UNAUTHORIZED", message: "Sign in to connect." });
    // Joining rooms before the adapter is in place would lose them when it is swapped in.
    await ready;
    const session = await auth.api.getSession({ headers: new Headers({ cookie }) });
    if (!session) return connectError({ code: "UNAUTHORIZED", message: "Sign in to connect." });
    const epoch = membershipEpoch();
    const sides = await loadSides(db, session.user.id);
    socket.data = {
      userId: session.user.id,
      name: session.user.name,
      sessionId: session.session.id,
      sessionExpiresAt: new Date(session.session.expiresAt).getTime(),
      sides,
      viewing: null,
      editingTaskId: null,
      viewingDashboard: null,
    };
    await beforeJoin(Object.keys(sides));
    await socket.join(Object.keys(sides).map(workspaceRoom));
    // A membership change while this socket was being set up was rechecked without it (it was not
    // connected yet): read the sides again until no recheck overlapped, so no join or removal is missed.
    for (let seen = epoch; membershipEpoch() !== seen; ) {
      seen = membershipEpoch();
      const now = await loadSides(db, session.user.id);
      for (const id of Object.keys(socket.data.sides)) if (!now[id]) socket.leave(workspaceRoom(id));
      await beforeJoin(Object.keys(now));
      socket.data.sides = now;
      await socket.join(Object.keys(now).map(workspaceRoom));
    }
    // Last, so a socket counts as the person's only once nothing else can refuse it (a refused
    // socket never connects, and socket.io drops the rooms it joined).
    return limits?.byPerson(socket, session.user.id);
  }
}
