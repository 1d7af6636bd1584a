import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Auth } from "@tandem/auth";
import { removeMember } from "@tandem/db/queries";
import type { SessionRevoked } from "@tandem/realtime-contract";

import { createTestAuth, signUpUser, type TestUser } from "../support/auth";
import { startTestDb, type TestDb } from "../support/db";
import { Clients, join, makeWorkspace, memberId, nextEvent, poke, startNode, uniqueEmail, type Node } from "./harness";

const redisUrl = process.env.TEST_REDIS_URL;

describe("two realtime nodes sharing Redis (pglite)", () => {
  let t: TestDb;
  let auth: Auth;
  let node1: Node;
  let node2: Node;
  let ada: TestUser;
  let bo: TestUser;
  let ws: string;
  const clients = new Clients();

  beforeAll(async () => {
    if (!redisUrl) throw new Error("TEST_REDIS_URL is not set: run the suite through `npm test`, which starts Redis.");
    t = await startTestDb("pglite");
    auth = createTestAuth(t.db);
    // A key of our own, so nodes left by other runs on the same Redis are not counted as peers.
    const redisKey = `tandem-test-${randomBytes(4).toString("hex")}`;
    node1 = await startNode({ db: t.db, auth, redisUrl, redisKey });
    node2 = await startNode({ db: t.db, auth, redisUrl, redisKey });
    ada = await signUpUser(auth, { name: "Ada", email: uniqueEmail("ada") });
    bo = await signUpUser(auth, { name: "Bo", email: uniqueEmail("bo") });
    ws = (await makeWorkspace(t.db, ada.userId, "marketing")).id;
    await join(t.db, ws, bo.userId, "it");
  });
  afterAll(async () => {
    clients.closeAll();
    await node1?.close();
    await node2?.close();
    await t?.close();
  });

  it("shows a user on node 2 to a user on node 1 and back, and their leaving", async () => {
    const a = await clients.connect(node1, { cookie: ada.cookie });
    await a.presence.waitFor(ws, (ids) => ids.length === 1);
    const b = await clients.connect(node2, { cookie: bo.cookie });

    const seenOnNode1 = await a.presence.waitFor(ws, (ids) => ids.length === 2);
    expect(seenOnNode1.users).toEqual([
      { userId: ada.userId, name: "Ada", side: "marketing" },
      { userId: bo.userId, name: "Bo", side: "it" },
    ]);
    await b.presence.waitFor(ws, (ids) => ids.length === 2);
    const fromNode2 = await b.client.emitWithAck("presence.get", { workspaceId: ws });
    expect(fromNode2.ok && fromNode2.data.users.map((u) => u.userId).sort()).toEqual([ada.userId, bo.userId].sort());

    b.client.disconnect();
    await a.presence.waitFor(ws, (ids) => ids.length === 1 && ids[0] === ada.userId);
    a.client.disconnect();
  });

  it("a poke on node 1 revokes a removed member connected to node 2", async () => {
    const a = await clients.connect(node1, { cookie: ada.cookie });
    const b = await clients.connect(node2, { cookie: bo.cookie });
    await a.presence.waitFor(ws, (ids) => ids.length === 2);

    await removeMember(t.db, { workspaceId: ws, memberId: await memberId(t.db, ws, bo.userId) });
    const revoked = nextEvent<SessionRevoked>(b.client, "session.revoked");
    const closed = nextEvent<string>(b.client, "disconnect");
    expect((await poke(node1, { workspaceId: ws })).status).toBe(200);
    expect((await revoked).workspaceId).toBe(ws);
    expect(await closed).toBe("io server disconnect");
    await a.presence.waitFor(ws, (ids) => ids.length === 1 && ids[0] === ada.userId);
  });
});
