import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Auth } from "@tandem/auth";
import { removeMember, updateMember } from "@tandem/db/queries";
import type { SessionRevoked } from "@tandem/realtime-contract";

import { createTestAuth, signUpUser, type TestUser } from "../support/auth";
import { startTestDb, type TestDb } from "../support/db";
import { Clients, join, makeWorkspace, memberId, nextEvent, poke, settle, startNode, uniqueEmail, type Node } from "./harness";

describe("realtime /internal/poke (pglite)", () => {
  let t: TestDb;
  let auth: Auth;
  let node: Node;
  let ada: TestUser;
  let bo: TestUser;
  const clients = new Clients();

  beforeAll(async () => {
    t = await startTestDb("pglite");
    auth = createTestAuth(t.db);
    node = await startNode({ db: t.db, auth });
    ada = await signUpUser(auth, { name: "Ada", email: uniqueEmail("ada") });
    bo = await signUpUser(auth, { name: "Bo", email: uniqueEmail("bo") });
  });
  afterAll(async () => {
    clients.closeAll();
    await node?.close();
    await t?.close();
  });

  it("revokes a removed member: session.revoked, out of the room, no more presence, others updated", async () => {
    const ws = (await makeWorkspace(t.db, ada.userId, "marketing")).id;
    const other = (await makeWorkspace(t.db, ada.userId, "marketing")).id;
    await join(t.db, ws, bo.userId, "it");
    await join(t.db, other, bo.userId, "it");

    const a = await clients.connect(node, { cookie: ada.cookie });
    const b = await clients.connect(node, { cookie: bo.cookie });
    await a.presence.waitFor(ws, (ids) => ids.includes(bo.userId));
    await b.presence.waitFor(ws, (ids) => ids.length === 2);

    await removeMember(t.db, { workspaceId: ws, memberId: await memberId(t.db, ws, bo.userId) });
    const revoked = nextEvent<SessionRevoked>(b.client, "session.revoked");
    expect(await poke(node, { workspaceId: ws })).toEqual({ status: 200, body: { ok: true } });
    expect(await revoked).toEqual({ reason: "You were removed from this workspace.", workspaceId: ws });

    const afterRemoval = await a.presence.waitFor(ws, (ids) => ids.length === 1);
    expect(afterRemoval.users.map((u) => u.userId)).toEqual([ada.userId]);
    expect(await b.client.emitWithAck("presence.get", { workspaceId: ws })).toEqual({ ok: false, error: "not found" });

    // Bo still belongs to the other workspace, so his socket stays open for it only.
    expect(b.client.connected).toBe(true);
    expect(await b.client.emitWithAck("presence.get", { workspaceId: other })).toMatchObject({ ok: true });
    const seenBefore = b.presence.states.filter((s) => s.workspaceId === ws).length;
    const carl = await signUpUser(auth, { name: "Carl", email: uniqueEmail("carl") });
    await join(t.db, ws, carl.userId, "leadership");
    await clients.connect(node, { cookie: carl.cookie });
    await a.presence.waitFor(ws, (ids) => ids.includes(carl.userId));
    await settle(200);
    expect(b.presence.states.filter((s) => s.workspaceId === ws).length).toBe(seenBefore);
  });

  it("disconnects a socket whose user has no workspace left", async () => {
    const dee = await signUpUser(auth, { name: "Dee", email: uniqueEmail("dee") });
    const ws = (await makeWorkspace(t.db, ada.userId, "marketing")).id;
    await join(t.db, ws, dee.userId, "it");
    const d = await clients.connect(node, { cookie: dee.cookie });
    await d.presence.waitFor(ws, (ids) => ids.includes(dee.userId));

    await removeMember(t.db, { workspaceId: ws, memberId: await memberId(t.db, ws, dee.userId) });
    const revoked = nextEvent<SessionRevoked>(d.client, "session.revoked");
    const closed = nextEvent<string>(d.client, "disconnect");
    expect((await poke(node, { workspaceId: ws })).status).toBe(200);
    expect((await revoked).workspaceId).toBe(ws);
    expect(await closed).toBe("io server disconnect");
  });

  it("refreshes sides on a poke", async () => {
    const ws = (await makeWorkspace(t.db, ada.userId, "marketing")).id;
    const boMember = await join(t.db, ws, bo.userId, "it");
    const a = await clients.connect(node, { cookie: ada.cookie });
    await clients.connect(node, { cookie: bo.cookie });
    await a.presence.waitFor(ws, (ids) => ids.includes(bo.userId));

    await updateMember(t.db, { workspaceId: ws, memberId: boMember.id, side: "leadership" });
    expect((await poke(node, { workspaceId: ws })).status).toBe(200);
    const ack = await a.client.emitWithAck("presence.get", { workspaceId: ws });
    expect(ack.ok && ack.data.users.find((u) => u.userId === bo.userId)?.side).toBe("leadership");
    expect(a.presence.latest(ws)?.users.find((u) => u.userId === bo.userId)?.side).toBe("leadership");
  });

  it("refuses a wrong or missing secret with 403 and a bad body with 400, changing nothing", async () => {
    const ws = (await makeWorkspace(t.db, ada.userId, "marketing")).id;
    await join(t.db, ws, bo.userId, "it");
    const b = await clients.connect(node, { cookie: bo.cookie });
    await b.presence.waitFor(ws, (ids) => ids.includes(bo.userId));
    await removeMember(t.db, { workspaceId: ws, memberId: await memberId(t.db, ws, bo.userId) });
    let revokedSeen = false;
    b.client.on("session.revoked", () => (revokedSeen = true));

    expect((await poke(node, { workspaceId: ws }, "wrong-secret")).status).toBe(403);
    const noHeader = await fetch(`${node.url}/internal/poke`, { method: "POST", body: JSON.stringify({ workspaceId: ws }) });
    expect(noHeader.status).toBe(403);
    for (const bad of ["{not json", JSON.stringify({ workspaceId: "nope" }), JSON.stringify({}), ""]) {
      expect((await poke(node, bad)).status, bad).toBe(400);
    }
    expect((await poke(node, "x".repeat(64 * 1024))).status).toBe(413);
    expect((await fetch(`${node.url}/internal/poke`)).status).toBe(405);
    await settle(200);
    expect(revokedSeen).toBe(false);
    expect(await b.client.emitWithAck("presence.get", { workspaceId: ws })).toMatchObject({ ok: true });
  });
});
