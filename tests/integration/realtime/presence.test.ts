import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Auth } from "@tandem/auth";
import type { PresenceState } from "@tandem/realtime-contract";

import { createTestAuth, signUpUser, type TestUser } from "../support/auth";
import { startTestDb, type TestDb } from "../support/db";
import { Clients, join, makeWorkspace, settle, startNode, uniqueEmail, type Node } from "./harness";

describe("realtime presence (pglite)", () => {
  let t: TestDb;
  let auth: Auth;
  let node: Node;
  let ada: TestUser; // workspace A (marketing)
  let bo: TestUser; // workspace A (it)
  let cy: TestUser; // workspace B only
  let wsA: string;
  let wsB: string;
  const clients = new Clients();

  beforeAll(async () => {
    t = await startTestDb("pglite");
    auth = createTestAuth(t.db);
    node = await startNode({ db: t.db, auth });
    ada = await signUpUser(auth, { name: "Ada", email: uniqueEmail("ada") });
    bo = await signUpUser(auth, { name: "Bo", email: uniqueEmail("bo") });
    cy = await signUpUser(auth, { name: "Cy", email: uniqueEmail("cy") });
    wsA = (await makeWorkspace(t.db, ada.userId, "marketing")).id;
    await join(t.db, wsA, bo.userId, "it");
    wsB = (await makeWorkspace(t.db, cy.userId, "leadership")).id;
  });
  afterAll(async () => {
    clients.closeAll();
    await node?.close();
    await t?.close();
  });

  it("shows a second user arriving and leaving, one entry per user however many tabs", async () => {
    const a = await clients.connect(node, { cookie: ada.cookie });
    await a.presence.waitFor(wsA, (ids) => ids.length === 1 && ids[0] === ada.userId);

    const boTab1 = await clients.connect(node, { cookie: bo.cookie });
    const both = await a.presence.waitFor(wsA, (ids) => ids.length === 2);
    expect(both.users).toEqual([
      { userId: ada.userId, name: "Ada", side: "marketing" },
      { userId: bo.userId, name: "Bo", side: "it" },
    ]);
    await boTab1.presence.waitFor(wsA, (ids) => ids.length === 2);

    const boTab2 = await clients.connect(node, { cookie: bo.cookie });
    await node.realtime.presenceIdle();
    await settle(100);
    const withTwoTabs = a.presence.latest(wsA)!;
    expect(withTwoTabs.users.map((u) => u.userId).sort()).toEqual([ada.userId, bo.userId].sort());
    const ack = await a.client.emitWithAck("presence.get", { workspaceId: wsA });
    expect(ack.ok && ack.data.users.length).toBe(2);

    // Closing one of two tabs leaves Bo present.
    boTab1.client.disconnect();
    await node.realtime.presenceIdle();
    await settle(100);
    expect(a.presence.latest(wsA)!.users.map((u) => u.userId)).toContain(bo.userId);

    boTab2.client.disconnect();
    const after = await a.presence.waitFor(wsA, (ids) => ids.length === 1);
    expect(after.users).toEqual([{ userId: ada.userId, name: "Ada", side: "marketing" }]);
    a.client.disconnect();
  });

  it("never sends one workspace's presence to a member of another, and refuses presence.get for it", async () => {
    const c = await clients.connect(node, { cookie: cy.cookie });
    await c.presence.waitFor(wsB, (ids) => ids.length === 1);
    const a = await clients.connect(node, { cookie: ada.cookie });
    await a.presence.waitFor(wsA, (ids) => ids.includes(ada.userId));
    const b = await clients.connect(node, { cookie: bo.cookie });
    await a.presence.waitFor(wsA, (ids) => ids.includes(bo.userId));
    await node.realtime.presenceIdle();
    await settle(200);

    const seen = (states: PresenceState[]) => new Set(states.map((s) => s.workspaceId));
    expect(seen(c.presence.states)).toEqual(new Set([wsB]));
    expect(seen(a.presence.states)).toEqual(new Set([wsA]));
    expect(seen(b.presence.states)).toEqual(new Set([wsA]));

    expect(await a.client.emitWithAck("presence.get", { workspaceId: wsB })).toEqual({ ok: false, error: "not found" });
    expect(await c.client.emitWithAck("presence.get", { workspaceId: wsA })).toEqual({ ok: false, error: "not found" });
    const own = await c.client.emitWithAck("presence.get", { workspaceId: wsB });
    expect(own).toEqual({ ok: true, data: { workspaceId: wsB, users: [{ userId: cy.userId, name: "Cy", side: "leadership" }] } });
  });

  it("answers invalid presence.get payloads with an error ack", async () => {
    const { client } = await clients.connect(node, { cookie: ada.cookie });
    const emitAny = client.emitWithAck.bind(client) as unknown as (ev: string, ...args: unknown[]) => Promise<unknown>;
    for (const bad of [{ workspaceId: "not-a-uuid" }, { workspaceId: 42 }, null, "text", [], {}]) {
      expect(await emitAny("presence.get", bad)).toEqual({ ok: false, error: "invalid request" });
    }
    expect(await emitAny("presence.get")).toEqual({ ok: false, error: "invalid request" });
    expect(client.connected).toBe(true);
  });
});
