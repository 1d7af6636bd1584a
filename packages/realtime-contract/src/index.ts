import { z } from "zod";

/** The sides a member can be on; mirrors @tandem/db's enum without importing the database. */
export const sideSchema = z.enum(["marketing", "it", "leadership"]);

export const presenceUserSchema = z.object({
  userId: z.string(),
  name: z.string(),
  side: sideSchema,
});
export type PresenceUser = z.infer<typeof presenceUserSchema>;

/** Who from a workspace is connected right now (one entry per user, however many tabs). */
export const presenceStateSchema = z.object({
  workspaceId: z.string().uuid(),
  users: z.array(presenceUserSchema),
});
export type PresenceState = z.infer<typeof presenceStateSchema>;

export const presenceRequestSchema = z.object({ workspaceId: z.string().uuid() });
export type PresenceRequest = z.infer<typeof presenceRequestSchema>;

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
}

export interface ClientToServerEvents {
  /** Asks for the current presence of a workspace the socket belongs to. */
  "presence.get": (req: PresenceRequest, ack: (res: Ack<PresenceState>) => void) => void;
}

export interface InterServerEvents {
  ping: () => void;
  /** A node that received a poke asks its peers to recheck their own sockets in that workspace. */
  "membership.changed": (workspaceId: string, done: (ok: boolean) => void) => void;
}

export interface SocketData {
  userId: string;
  name: string;
  /** workspaceId → the user's side in it, as the server decided at handshake. */
  sides: Record<string, z.infer<typeof sideSchema>>;
}

/** `err.data` of the connect_error a client gets when the handshake is refused. */
export interface ConnectErrorData {
  code: "UNAUTHORIZED" | "UNAVAILABLE";
  message: string;
}

export const workspaceRoom = (workspaceId: string) => `workspace:${workspaceId}`;

/** Body of the internal poke the API sends after membership changes. */
export const pokeSchema = z.object({ workspaceId: z.string().uuid() });
export type Poke = z.infer<typeof pokeSchema>;

/** Largest message the server accepts from a client, in bytes. */
export const MAX_CLIENT_MESSAGE_BYTES = 16 * 1024;
