// valibot, not zod: the web app loads these schemas with its socket, and valibot's tree-shaken
// functions are a few KiB where zod's core is ~23 KiB plus its start-up work on a phone.
import type { ActionName, AfterOf, BeforeOf } from "@tandem/domain/actions";
import { SIDES } from "@tandem/domain/sides";
import * as v from "valibot";

/**
 * An RFC 9562 UUID (version 1–8, variant 10xx), or the nil or max UUID: the same check zod's
 * `z.uuid()` made before this contract moved to valibot, whose own `uuid()` accepts any hex of
 * that shape.
 */
const RFC_UUID =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/i;
const uuid = v.pipe(v.string(), v.regex(RFC_UUID));
/** A log entry's position in its workspace's log: 1, 2, 3… */
const seq = v.pipe(v.number(), v.safeInteger(), v.minValue(1));
/** Schema of a payload; what `incoming` and the browser's handlers validate against. */
export type Schema = v.GenericSchema;
export type Infer<S extends Schema> = v.InferOutput<S>;
export { safeParse } from "valibot";

/** The sides a member can be on, from the one definition in @tandem/domain. */
export const sideSchema = v.picklist(SIDES);

export const presenceUserSchema = v.object({
  userId: v.string(),
  name: v.string(),
  side: sideSchema,
});
export type PresenceUser = v.InferOutput<typeof presenceUserSchema>;

/** Who from a workspace is connected right now (one entry per user, however many tabs). */
export const presenceStateSchema = v.object({
  workspaceId: uuid,
  users: v.array(presenceUserSchema),
});
export type PresenceState = v.InferOutput<typeof presenceStateSchema>;

export const presenceRequestSchema = v.object({ workspaceId: uuid });
export type PresenceRequest = v.InferOutput<typeof presenceRequestSchema>;

/** One transparency-log entry as the server delivers it (`log.entry`, `log.sync`). */
export const logEntrySchema = v.object({
  workspaceId: uuid,
  /** Gapless per workspace: a client that sees seq n+2 after n asks `log.sync` for n+1. */
  seq,
  actorId: v.nullable(v.string()),
  actorName: v.string(),
  actorSide: v.nullable(sideSchema),
  /**
   * `domain.verb`, one of the registry's actions (@tandem/domain/actions): "task.created",
   * "project.health_posted"… Kept a string on the wire, so a client built before a new action still
   * reads the entry (and reads its domain again); `TypedLogEntry` is the entry once its name is known.
   */
  action: v.string(),
  entityType: v.string(),
  entityId: v.string(),
  projectId: v.nullable(uuid),
  summary: v.object({
    label: v.string(),
    before: v.nullish(v.record(v.string(), v.unknown())),
    after: v.nullish(v.record(v.string(), v.unknown())),
    /** User ids the change is addressed to: their inbox count changes. */
    notify: v.optional(v.array(v.string())),
  }),
  /** ISO 8601, UTC. */
  createdAt: v.string(),
  prevHash: v.string(),
  hash: v.string(),
});
export type LogEntryPayload = v.InferOutput<typeof logEntrySchema>;

/** An entry of a known action: its payload typed by the registry's schema. */
export type TypedLogEntry<A extends ActionName> = Omit<LogEntryPayload, "action" | "summary"> & {
  action: A;
  summary: { label: string; after: AfterOf<A>; before?: BeforeOf<A> | null; notify?: string[] };
};

/** A pushed `log.entry` payload as an entry, or null when it is not one. */
export function readLogEntry(payload: unknown): LogEntryPayload | null {
  const parsed = v.safeParse(logEntrySchema, payload);
  return parsed.success ? parsed.output : null;
}

/** Most entries one `log.sync` answer carries; `hasMore` says to ask again from the last seq. */
export const MAX_LOG_SYNC_ENTRIES = 500;

export const logSyncRequestSchema = v.object({
  workspaceId: uuid,
  /** The last seq the client applied for this workspace; 0 for "from the beginning". */
  afterSeq: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
});
export type LogSyncRequest = v.InferOutput<typeof logSyncRequestSchema>;

export interface LogSyncResult {
  /** Entries with seq > afterSeq, oldest first, at most MAX_LOG_SYNC_ENTRIES. */
  entries: LogEntryPayload[];
  /** The workspace's newest seq when the answer was read (entries may end before it). */
  headSeq: number;
  /** More entries follow the last one returned: call again with its seq. */
  hasMore: boolean;
}

export const projectViewRequestSchema = v.object({ projectId: uuid });
export type ProjectViewRequest = v.InferOutput<typeof projectViewRequestSchema>;

export const taskEditingRequestSchema = v.object({
  projectId: uuid,
  /** The task whose editor is open, or null when it closed. */
  taskId: v.nullable(uuid),
});
export type TaskEditingRequest = v.InferOutput<typeof taskEditingRequestSchema>;

export const projectViewerSchema = v.object({ ...presenceUserSchema.entries, editingTaskId: v.nullable(v.string()) });
export type ProjectViewer = v.InferOutput<typeof projectViewerSchema>;

/** Who has a project open right now (one entry per user, however many tabs), and what they edit. */
export const projectPresenceSchema = v.object({
  projectId: uuid,
  viewers: v.array(projectViewerSchema),
});
export type ProjectPresence = v.InferOutput<typeof projectPresenceSchema>;

export const dashboardViewRequestSchema = v.object({ dashboardId: uuid });
export type DashboardViewRequest = v.InferOutput<typeof dashboardViewRequestSchema>;

/** Who has a dashboard open right now (one entry per user, however many tabs). */
export const dashboardPresenceSchema = v.object({
  dashboardId: uuid,
  viewers: v.array(presenceUserSchema),
});
export type DashboardPresence = v.InferOutput<typeof dashboardPresenceSchema>;

export interface SessionRevoked {
  reason: string;
  workspaceId?: string;
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: string };

export interface ServerToClientEvents {
  /** Sent to a workspace room whenever someone in it connects or leaves. */
  "presence.state": (state: PresenceState) => void;
  /**
   * Sent to a socket that lost access: with a workspaceId it was removed from that workspace
   * (the socket stays connected for its other workspaces); without one the server closes it next.
   */
  "session.revoked": (info: SessionRevoked) => void;
  /**
   * Each new log entry of a workspace the socket is in, in seq order, once. Entries committed
   * after the socket's connect are pushed; anything older (or missed) comes from `log.sync`.
   */
  "log.entry": (entry: LogEntryPayload) => void;
  /**
   * Several consecutive entries of one workspace in one packet, oldest first: what `log.entry`
   * would have sent one by one, when a node reads more than one entry at once (a burst, or
   * catching up). Apply them in order exactly as if each had come as `log.entry`.
   */
  "log.entries": (entries: LogEntryPayload[]) => void;
  /** Sent to a project room whenever someone opens or leaves the project or starts/stops editing a task. */
  "project.presence": (state: ProjectPresence) => void;
  /** Sent to a dashboard room whenever someone opens or leaves the dashboard. */
  "dashboard.presence": (state: DashboardPresence) => void;
}

export interface ClientToServerEvents {
  /** Asks for the current presence of a workspace the socket belongs to. */
  "presence.get": (req: PresenceRequest, ack: (res: Ack<PresenceState>) => void) => void;
  /** Entries after `afterSeq` of a workspace the socket is in, read from the log. */
  "log.sync": (req: LogSyncRequest, ack: (res: Ack<LogSyncResult>) => void) => void;
  /**
   * Opens a project of one of the socket's workspaces: leaves the project it viewed before (one
   * at a time per socket) and answers with the project's presence, also sent to the room.
   */
  "project.view": (req: ProjectViewRequest, ack: (res: Ack<ProjectPresence>) => void) => void;
  /** Closes the project if the socket is viewing it; the ack is optional. */
  "project.leave": (req: ProjectViewRequest, ack?: (res: Ack<null>) => void) => void;
  /** Says which task's editor is open in the viewed project; refused unless viewing it. The ack is optional. */
  "task.editing": (req: TaskEditingRequest, ack?: (res: Ack<null>) => void) => void;
  /**
   * Opens a dashboard of one of the socket's workspaces: leaves the dashboard it viewed before (one
   * at a time per socket, beside one project) and answers with the dashboard's presence, also sent to the room.
   */
  "dashboard.view": (req: DashboardViewRequest, ack: (res: Ack<DashboardPresence>) => void) => void;
  /** Closes the dashboard if the socket is viewing it; the ack is optional. */
  "dashboard.leave": (req: DashboardViewRequest, ack?: (res: Ack<null>) => void) => void;
}

export interface InterServerEvents {
  ping: () => void;
  /** A node that received a poke asks its peers to recheck their own sockets in that workspace. */
  "membership.changed": (workspaceId: string, done: (ok: boolean) => void) => void;
  /** A node that received a log poke wakes its peers' tailers for that workspace. */
  "log.appended": (workspaceId: string, seq?: number) => void;
}

/** What a peer sends with `membership.changed` and `log.appended`, checked before it is acted on. */
export const peerMembershipChangedSchema = v.object({ workspaceId: uuid });
export const peerLogAppendedSchema = v.object({ workspaceId: uuid, seq: v.optional(seq) });

export interface SocketData {
  userId: string;
  name: string;
  /** The better-auth session the socket connected with: signing out or expiry ends the socket too. */
  sessionId: string;
  sessionExpiresAt: number;
  /** workspaceId → the user's side in it, as the server decided at handshake. */
  sides: Record<string, v.InferOutput<typeof sideSchema>>;
  /** The project this socket has open (server-checked), or null. */
  viewing: { workspaceId: string; projectId: string } | null;
  /** The task whose editor is open in the viewed project, or null. */
  editingTaskId: string | null;
  /** The dashboard this socket has open (server-checked), or null. */
  viewingDashboard: { workspaceId: string; dashboardId: string } | null;
}

/** `err.data` of the connect_error a client gets when the handshake is refused. */
export interface ConnectErrorData {
  code: "UNAUTHORIZED" | "UNAVAILABLE" | "RATE_LIMITED";
  message: string;
  /** With RATE_LIMITED: when the limit lets a new attempt through. */
  retryAfterSeconds?: number;
}

export const workspaceRoom = (workspaceId: string) => `workspace:${workspaceId}`;
export const projectRoom = (projectId: string) => `project:${projectId}`;
export const dashboardRoom = (dashboardId: string) => `dashboard:${dashboardId}`;

/**
 * Body of the internal poke the API sends after a commit: "membership" rechecks who may hear the
 * workspace, "log" only wakes the nodes' log readers (no database read per socket).
 */
export const pokeSchema = v.object({
  workspaceId: uuid,
  reason: v.optional(v.picklist(["membership", "log"]), "membership"),
  /** For "log": the last seq committed; a node that has delivered it already skips the read. */
  seq: v.optional(seq),
});
export type Poke = v.InferOutput<typeof pokeSchema>;

/** Largest message the server accepts from a client, in bytes. */
export const MAX_CLIENT_MESSAGE_BYTES = 16 * 1024;
