import type { IncomingMessage, Server as HttpServer, ServerResponse } from "node:http";

import type { Auth } from "@tandem/auth";
import type { Database } from "@tandem/db";
import {
  MAX_CLIENT_MESSAGE_BYTES,
  peerLogAppendedSchema,
  peerMembershipChangedSchema,
  presenceRequestSchema,
  safeParse,
  workspaceRoom,
  type Ack,
  type PresenceState,
} from "@tandem/realtime-contract";
import { listenForLog } from "@tandem/db/notify";
import { pingDb } from "@tandem/db/queries";
import { Server } from "socket.io";

import type { RateLimits } from "@tandem/api/rate-limit";

import { createConnectionLimits } from "./connection-limits";
import { createRealtimeMetrics, type RealtimeMetrics } from "./metrics";
import { createDashboardPresenceBroadcaster, handleDashboardEvents } from "./dashboard-view";
import { authenticate } from "./handshake";
import { createHttpRoutes } from "./http-routes";
import { handleLogSync } from "./log-sync";
import { createLogTailer } from "./log-tailer";
import { reconcileWorkspace, type ReconcileHooks } from "./membership";
import { isOriginAllowed, normalizeOrigins } from "./origin";
import { createPresenceBroadcaster, presenceOf } from "./presence";
import { createProjectPresenceBroadcaster } from "./project-presence";
import { createSessionSweep } from "./session-sweep";
import { handleProjectEvents } from "./project-view";
import { attachRedisAdapter } from "./redis";
import type { RealtimeIo, RealtimeSocket } from "./types";
import { failure, log } from "./log";

/** How long readiness waits for the database before saying it is unavailable. */
const READY_DB_TIMEOUT_MS = 1_500;

/** Whether a check settles successfully within ms. */
function answersWithin(check: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  return Promise.race([
    check.then(
      () => true,
      () => false,
    ),
    late,
  ]).finally(() => clearTimeout(timer));
}

/** How long close() waits for clients' transports to shut before closing the server anyway. */
const CLOSE_GRACE_MS = 2_000;

export interface RealtimeDeps {
  db: Database;
  auth: Auth;
  /** Browser origins allowed besides pages served from the realtime server's own hostname. */
  allowedOrigins?: string[];
  /** Shared with the API; required in the x-tandem-internal header of /internal/poke. */
  internalSecret: string;
  /** When set, nodes share rooms and presence through the socket.io Redis adapter. */
  redisUrl?: string;
  /** Redis channel prefix; lets separate deployments (or test runs) share one Redis. */
  redisKey?: string;
  /** How often each workspace's log is read without a wake-up (default 1000 ms). */
  logPollMs?: number;
  /**
   * A PostgreSQL URL to LISTEN on for log entries at commit (a dedicated connection). Leave unset
   * for embedded PGlite, whose socket server does not deliver notifications between connections:
   * pokes and the safety read carry delivery there.
   */
  logListenUrl?: string;
  /** How often each node rechecks its sockets' sessions, ending those signed out or expired (default 15 s). */
  sessionCheckMs?: number;
  /** Connection attempts per person and per address (shared by every node); unlimited when absent. */
  limits?: RateLimits;
  /** Open sockets one person may hold on this node (default MAX_SOCKETS_PER_USER). */
  maxSocketsPerUser?: number;
  /** Bearer token for GET /metrics; metrics are not served without one. */
  metricsToken?: string;
}

export interface RealtimeServer {
  io: RealtimeIo;
  /** Settles once the adapter is in place; handshakes wait for it. Rejects if Redis fails to connect. */
  ready: Promise<void>;
  /** What a "membership" poke does: recheck membership on every node, then re-emit presence. */
  pokeWorkspace: (workspaceId: string) => Promise<void>;
  /** What a "log" poke does: wake this node's and its peers' log readers for the workspace. */
  logAppended: (workspaceId: string, seq?: number) => Promise<void>;
  /** Rechecks every local socket's session now (the periodic sweep does the same). */
  checkSessions: () => Promise<void>;
  /** Resolves once this node's presence broadcasts in flight have been emitted. */
  presenceIdle: () => Promise<void>;
  /** Disconnects this node's sockets, closes socket.io (and with it the http server) and Redis. */
  close: () => Promise<void>;
}

export function createRealtimeServer(httpServer: HttpServer, deps: RealtimeDeps): RealtimeServer {
  const { db, auth, internalSecret, redisUrl, redisKey, logPollMs = 1_000, logListenUrl, sessionCheckMs = 15_000 } = deps;
  const allowedOrigins = normalizeOrigins(deps.allowedOrigins ?? []);
  let state: "starting" | "ready" | "closing" = "starting";
  /** Set as close() begins: readiness says no at once, while the sockets are still being let go. */
  let draining = false;

  // Before socket.io attaches, so its wrapper hands every non-/socket.io/ request to ours.
  // Filled in once io exists; the routes only read it on a scrape.
  let metrics: RealtimeMetrics | undefined;
  installHttpRoutes(
    httpServer,
    createHttpRoutes({
      internalSecret,
      metrics: {
        token: deps.metricsToken,
        read: async () => ({ contentType: metrics!.registry.contentType, body: await metrics!.registry.metrics() }),
      },
      connections: () => (state === "ready" && !draining ? io.of("/").sockets.size : null),
      databaseOk: () => answersWithin(pingDb(db), READY_DB_TIMEOUT_MS),
      onPoke: (poke) => {
        metrics?.poked(poke.reason);
        return poke.reason === "log" ? logAppended(poke.workspaceId, poke.seq) : pokeWorkspace(poke.workspaceId);
      },
    }),
  );

  const io: RealtimeIo = new Server(httpServer, {
    maxHttpBufferSize: MAX_CLIENT_MESSAGE_BYTES,
    // CORS headers only for origins the policy allows; allowRequest refuses the handshake itself.
    cors: (req, callback) => {
      const allowed = isOriginAllowed(req.headers.origin, req.headers.host, allowedOrigins);
      callback(null, { origin: allowed && req.headers.origin ? req.headers.origin : false, credentials: true });
    },
    allowRequest: (req, callback) => {
      const allowed = isOriginAllowed(req.headers.origin, req.headers.host, allowedOrigins);
      callback(allowed ? null : "origin not allowed", allowed);
    },
  });

  const redis = redisUrl ? attachRedisAdapter(io, redisUrl, redisKey) : null;
  const ready = redis ? redis.ready : Promise.resolve();
  ready.then(
    () => {
      if (state === "starting") state = "ready";
    },
    (err: unknown) => log.error(failure(err), "redis adapter failed"),
  );

  const presence = createPresenceBroadcaster(io);
  const projectPresence = createProjectPresenceBroadcaster(io);
  const dashboardPresence = createDashboardPresenceBroadcaster(io);
  metrics = createRealtimeMetrics(io);
  const tailer = createLogTailer({ io, db, pollMs: logPollMs, onEmit: (workspaceId, entries) => metrics?.emitted(workspaceId, entries) });
  const sessions = createSessionSweep({ io, db, intervalMs: sessionCheckMs });
  // Every node listens for itself, so with NOTIFY no node depends on a poke or on its peers.
  const listener = logListenUrl
    ? listenForLog({
        url: logListenUrl,
        onNotice: (notice) => tailer.offer(notice),
        onConnect: () => tailer.wakeAll(),
        onError: (err) => log.error(failure(err), "log listener failed"),
      })
    : null;
  const reconcileHooks: ReconcileHooks = {
    beforeJoin: (workspaceId) => tailer.track(workspaceId),
    projectChanged: (projectId) => void projectPresence.broadcast(projectId),
    dashboardChanged: (dashboardId) => void dashboardPresence.broadcast(dashboardId),
  };

  // Bumped by every membership recheck on this node; handshakes in flight re-read their sides.
  let membershipEpoch = 0;

  async function pokeWorkspace(workspaceId: string) {
    membershipEpoch++;
    // Until the Redis adapter is in place there are no peers to ask, and asking would hang.
    await ready;
    const peers = redis ? askPeersToReconcile(workspaceId) : Promise.resolve();
    await Promise.all([reconcileWorkspace(io, db, workspaceId, reconcileHooks), peers]);
    await presence.broadcast(workspaceId);
  }

  async function logAppended(workspaceId: string, seq?: number) {
    await ready;
    tailer.wake(workspaceId, seq);
    // Every node tails on its own, so each needs the wake-up (unless it hears NOTIFY); none has to answer.
    if (redis && !listener) io.serverSideEmit("log.appended", workspaceId, seq);
  }

  async function askPeersToReconcile(workspaceId: string) {
    try {
      const results = await io.serverSideEmitWithAck("membership.changed", workspaceId);
      if (results.some((ok) => !ok)) log.error({ workspaceId }, "a peer failed its membership recheck");
    } catch (err) {
      // A node that did not answer in time keeps stale sockets until its clients reconnect.
      log.error({ workspaceId, ...failure(err) }, "peers did not confirm a membership recheck");
    }
  }

  io.on("membership.changed", (workspaceId, done) => {
    membershipEpoch++;
    const parsed = safeParse(peerMembershipChangedSchema, { workspaceId });
    if (!parsed.success) return done(false);
    reconcileWorkspace(io, db, parsed.output.workspaceId, reconcileHooks).then(
      () => done(true),
      (err: unknown) => {
        log.error(failure(err), "membership recheck failed");
        done(false);
      },
    );
  });

  io.on("log.appended", (workspaceId, seq) => {
    const parsed = safeParse(peerLogAppendedSchema, { workspaceId, seq });
    if (parsed.success) tailer.wake(parsed.output.workspaceId, parsed.output.seq);
  });

  const beforeJoin = async (workspaceIds: string[]) => {
    await Promise.all(workspaceIds.map((id) => tailer.track(id)));
  };
  const connectionLimits = createConnectionLimits({ limits: deps.limits, maxSocketsPerUser: deps.maxSocketsPerUser });
  io.use(
    authenticate({
      db,
      auth,
      ready,
      beforeJoin,
      membershipEpoch: () => membershipEpoch,
      limits: connectionLimits,
      onRefused: (code) => metrics?.refused(code),
    }),
  );
  io.on("connection", (socket) => {
    for (const workspaceId of Object.keys(socket.data.sides)) void presence.broadcast(workspaceId);
    socket.on("presence.get", (...args: unknown[]) => handlePresenceGet(io, socket, args));
    socket.on("log.sync", (...args: unknown[]) => handleLogSync(db, socket, args));
    handleProjectEvents(socket, { io, db, projectPresence });
    handleDashboardEvents(socket, { io, db, dashboardPresence });
    socket.on("disconnect", () => {
      if (state === "closing") return;
      for (const workspaceId of Object.keys(socket.data.sides)) void presence.broadcast(workspaceId);
      if (socket.data.viewing) void projectPresence.broadcast(socket.data.viewing.projectId);
      if (socket.data.viewingDashboard) void dashboardPresence.broadcast(socket.data.viewingDashboard.dashboardId);
    });
  });

  return {
    io,
    ready,
    pokeWorkspace,
    logAppended,
    checkSessions: () => sessions.sweep(),
    presenceIdle: async () => {
      await presence.idle();
      await projectPresence.idle();
      await dashboardPresence.idle();
    },
    async close() {
      draining = true;
      await listener?.close();
      await sessions.stop();
      await tailer.stop();
      // Dropping our sockets first lets the other nodes' clients see these users leave. Closing
      // the transport (not a socket.io disconnect, which clients take as final) lets the
      // clients reconnect, to another node or to this one restarted, and catch up by log.sync.
      if (state === "ready") {
        await closeTransports(io);
        await presence.idle();
        await projectPresence.idle();
        await dashboardPresence.idle();
      }
      state = "closing";
      await io.close();
      await redis?.close();
    },
  };
}

/** Closes every local socket's transport and waits (bounded) for socket.io to see them go. */
async function closeTransports(io: RealtimeIo) {
  const sockets = [...io.of("/").sockets.values()];
  const gone = sockets.map((socket) => new Promise<void>((resolve) => socket.once("disconnect", () => resolve())));
  for (const socket of sockets) socket.conn.close();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(gone), new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)))]);
  clearTimeout(timer);
}

/**
 * Puts our routes in front of any request listener already on the server. socket.io then
 * wraps the result and only claims /socket.io/ paths for itself.
 */
function installHttpRoutes(httpServer: HttpServer, routes: (req: IncomingMessage, res: ServerResponse) => boolean) {
  const previous = httpServer.listeners("request") as ((req: IncomingMessage, res: ServerResponse) => void)[];
  httpServer.removeAllListeners("request");
  httpServer.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (routes(req, res)) return;
    if (previous.length === 0) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ ok: false, error: "not found" }));
      return;
    }
    for (const listener of previous) listener.call(httpServer, req, res);
  });
}

/** Validates the payload and answers only for a workspace whose room the socket is in. */
function handlePresenceGet(io: RealtimeIo, socket: RealtimeSocket, args: unknown[]) {
  const ack = args.at(-1);
  if (typeof ack !== "function") return;
  const reply = ack as (res: Ack<PresenceState>) => void;
  const parsed = safeParse(presenceRequestSchema, args.length > 1 ? args[0] : undefined);
  if (!parsed.success) return reply({ ok: false, error: "invalid request" });
  const { workspaceId } = parsed.output;
  if (!socket.rooms.has(workspaceRoom(workspaceId))) return reply({ ok: false, error: "not found" });
  presenceOf(io, workspaceId).then(
    (data) => reply({ ok: true, data }),
    () => reply({ ok: false, error: "Presence is unavailable right now. Try again." }),
  );
}
