import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Auth } from "@tandem/auth";
import { MAX_CLIENT_MESSAGE_BYTES } from "@tandem/realtime-contract";

import { createTestAuth, signUpUser, type TestUser } from "../support/auth";
import { startTestDb, type TestDb } from "../support/db";
import { Clients, join, makeWorkspace, nextEvent, startNode, uniqueEmail, type Client, type Node } from "./harness";

/** The engine.io socket under a client, to write frames the typed API would never produce. */
const engineOf = (client: Client) => (client.io as unknown as { engine: { write: (data: string) => void } }).engine;

describe("realtime server under hostile payloads (pglite)", () => {
  let t: TestDb;
  let auth: Auth;
  let node: Node;
  let ada: TestUser;
  let bo: TestUser;
  let ws: string;
  const clients = new Clients();

  beforeAll(async () => {
    t = await startTestDb("pglite");
    auth = createTestAuth(t.db);
    node = await startNode({ db: t.db, auth });
    ada = await signUpUser(auth, { name: "Ada", email: uniqueEmail("ada") });
    bo = await signUpUser(auth, { name: "Bo", email: uniqueEmail("bo") });
    ws = (await makeWorkspace(t.db, ada.userId, "marketing")).id;
    await join(t.db, ws, bo.userId, "it");
  });
  afterAll(async () => {
    clients.closeAll();
    await node?.close();
    await t?.close();
  });

  /** The node still serves: health answers and a fresh client gets presence. */
  async function stillServing() {
    expect((await fetch(`${node.url}/health`)).status).toBe(200);
    const { client } = await clients.connect(node, { cookie: ada.cookie });
    expect(await client.emitWithAck("presence.get", { workspaceId: ws })).toMatchObject({ ok: true });
  }

  for (const transport of ["websocket", "polling"] as const) {
    it(`drops a client that sends more than MAX_CLIENT_MESSAGE_BYTES over ${transport}, and keeps serving others`, async () => {
      const watcher = await clients.connect(node, { cookie: ada.cookie });
      const big = await clients.connect(node, { cookie: bo.cookie, transport });
      await watcher.presence.waitFor(ws, (ids) => ids.includes(bo.userId));
      const closed = nextEvent<string>(big.client, "disconnect");
      const emitAny = big.client.emit.bind(big.client) as unknown as (ev: string, ...args: unknown[]) => void;
      emitAny("presence.get", { workspaceId: ws, padding: "x".repeat(MAX_CLIENT_MESSAGE_BYTES * 2) }, () => {});
      expect(await closed).toMatch(/transport (close|error)/);
      await watcher.presence.waitFor(ws, (ids) => !ids.includes(bo.userId));
      await stillServing();
    });
  }

  it("closes a client that sends a malformed socket.io packet, and keeps serving others", async () => {
    const bad = await clients.connect(node, { cookie: bo.cookie });
    const closed = nextEvent<string>(bad.client, "disconnect");
    // Sent as an engine.io message: "2" claims a socket.io EVENT, but the JSON after it is broken.
    engineOf(bad.client).write('2["presence.get", {broken');
    expect(await closed).toBeTruthy();
    await stillServing();
  });

  it("ignores unknown events: a client cannot name its way into a room", async () => {
    const cy = await signUpUser(auth, { name: "Cy", email: uniqueEmail("cy") });
    const c = await clients.connect(node, { cookie: cy.cookie });
    const emitAny = c.client.emit.bind(c.client) as unknown as (ev: string, ...args: unknown[]) => void;
    emitAny("workspace.join", { workspaceId: ws });
    emitAny("join", `workspace:${ws}`);
    emitAny("presence.get", { workspaceId: ws });
    expect(await c.client.emitWithAck("presence.get", { workspaceId: ws })).toEqual({ ok: false, error: "not found" });
    expect(c.presence.states).toEqual([]);
    expect(c.client.connected).toBe(true);
    await stillServing();
  });
});
