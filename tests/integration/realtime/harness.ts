import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import type { Auth } from "@tandem/auth";
import type { Database } from "@tandem/db";
import { addMember, createWorkspace, listMembers } from "@tandem/db/queries";
import { createRealtimeServer, type RealtimeDeps, type RealtimeServer } from "@tandem/realtime/server";
import type { ClientToServerEvents, ConnectErrorData, PresenceState, ServerToClientEvents } from "@tandem/realtime-contract";
import { io as connect, type Socket } from "socket.io-client";

export const INTERNAL_SECRET = "integration-internal-secret-0123456789";

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Node {
  url: string;
  port: number;
  realtime: RealtimeServer;
  close: () => Promise<void>;
}

/** A realtime node on an ephemeral port (or the given one), built by the same factory index.ts uses. */
export async function startNode({
  port: wanted = 0,
  ...deps
}: Omit<RealtimeDeps, "internalSecret"> & { internalSecret?: string; port?: number }): Promise<Node> {
  const httpServer = createServer();
  const realtime = createRealtimeServer(httpServer, { internalSecret: INTERNAL_SECRET, ...deps });
  await realtime.ready;
  await new Promise<void>((resolve) => httpServer.listen(wanted, "127.0.0.1", resolve));
  const { port } = httpServer.address() as AddressInfo;
  let closed = false;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    realtime,
    close: async () => {
      if (closed) return;
      closed = true;
      await realtime.close();
    },
  };
}

/** Every client made through connectClient, so afterAll can close them all. */
export class Clients {
  private all: Client[] = [];

  /** Connects and resolves once the server accepted the handshake; rejects with the connect_error. */
  async connect(
    node: Node,
    {
      cookie,
      origin,
      transport = "websocket",
      reconnect = false,
    }: { cookie?: string; origin?: string; transport?: "websocket" | "polling"; reconnect?: boolean } = {},
  ) {
    const headers: Record<string, string> = {};
    if (cookie) headers.cookie = cookie;
    if (origin) headers.origin = origin;
    const client: Client = connect(node.url, {
      transports: [transport],
      extraHeaders: headers,
      reconnection: reconnect,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
      forceNew: true,
      timeout: 5_000,
    });
    this.all.push(client);
    const presence = recordPresence(client);
    await new Promise<void>((resolve, reject) => {
      client.once("connect", () => resolve());
      client.once("connect_error", (err) => reject(err));
    });
    return { client, presence };
  }

  closeAll() {
    for (const c of this.all) c.disconnect();
    this.all = [];
  }
}

export type PresenceLog = ReturnType<typeof recordPresence>;

/** Keeps every presence.state a client receives, and waits for one that matches. */
export function recordPresence(client: Client) {
  const states: PresenceState[] = [];
  const waiters: { match: (s: PresenceState) => boolean; resolve: (s: PresenceState) => void }[] = [];
  client.on("presence.state", (state) => {
    states.push(state);
    for (const w of [...waiters]) {
      if (w.match(state)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(state);
      }
    }
  });
  return {
    states,
    /** The latest state for a workspace, if any arrived. */
    latest: (workspaceId: string) => states.filter((s) => s.workspaceId === workspaceId).at(-1),
    /** Resolves with the first state (already received or future) for which match is true. */
    waitFor(workspaceId: string, match: (userIds: string[]) => boolean, timeoutMs = 5_000): Promise<PresenceState> {
      const test = (s: PresenceState) => s.workspaceId === workspaceId && match(s.users.map((u) => u.userId).sort());
      const latest = states.filter((s) => s.workspaceId === workspaceId).at(-1);
      if (latest && test(latest)) return Promise.resolve(latest);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching presence.state for ${workspaceId} within ${timeoutMs} ms; got ${JSON.stringify(states)}`)),
          timeoutMs,
        );
        waiters.push({
          match: test,
          resolve: (s) => {
            clearTimeout(timer);
            resolve(s);
          },
        });
      });
    },
  };
}

export function expectConnectError(err: unknown): { message: string; data?: ConnectErrorData } {
  return err as { message: string; data?: ConnectErrorData };
}

/** Resolves with the next occurrence of an event, or rejects after timeoutMs. */
export function nextEvent<T>(client: Client, event: string, timeoutMs = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    (client as unknown as { once: (e: string, f: (v: T) => void) => void }).once(event, (v: T) => {
      clearTimeout(timer);
      resolve(v);
    });
  });
}

/** Waits long enough for an event that should not come to have arrived if it were coming. */
export const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

export async function makeWorkspace(db: Database, ownerId: string, side: "marketing" | "it" | "leadership" = "marketing") {
  const slug = `ws-${randomBytes(4).toString("hex")}`;
  return createWorkspace(db, { slug, name: slug, ownerId, ownerSide: side });
}

export async function join(db: Database, workspaceId: string, userId: string, side: "marketing" | "it" | "leadership" = "it") {
  const row = await addMember(db, { workspaceId, userId, side, role: "member" });
  if (!row) throw new Error("member already exists");
  return row;
}

export async function memberId(db: Database, workspaceId: string, userId: string) {
  const m = (await listMembers(db, { workspaceId })).find((r) => r.userId === userId);
  if (!m) throw new Error("not a member");
  return m.id;
}

export async function poke(node: Node, body: unknown, secret = INTERNAL_SECRET) {
  const res = await fetch(`${node.url}/internal/poke`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-tandem-internal": secret },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

let emailSeq = 0;
export const uniqueEmail = (name: string) => `${name.toLowerCase()}-${process.pid}-${++emailSeq}@example.com`;

export type { Auth };
