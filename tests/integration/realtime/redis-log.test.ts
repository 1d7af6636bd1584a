import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Auth } from "@tandem/auth";

import { createTestAuth } from "../support/auth";
import { startTestDb, type TestDb } from "../support/db";
import { createFixture, type Fixture, type Person } from "../support/workspace";
import { Clients, settle, startNode, type Node } from "./harness";
import { apiAs, headSeq, newProject, newTask, notifierFor, range, recordLog } from "./log-harness";

const redisUrl = process.env.TEST_REDIS_URL;

describe("log delivery across two nodes sharing Redis (postgres)", () => {
  let t: TestDb;
  let auth: Auth;
  let node1: Node;
  let node2: Node;
  let f: Fixture;
  const clients = new Clients();

  beforeAll(async () => {
    if (!redisUrl) throw new Error("TEST_REDIS_URL is not set: run the suite through `npm test`, which starts Redis.");
    t = await startTestDb("postgres");
    auth = createTestAuth(t.db);
    const redisKey = `tandem-test-${randomBytes(4).toString("hex")}`;
    // Safety reads a minute apart: anything delivered within seconds came from a (forwarded) poke.
    node1 = await startNode({ db: t.db, auth, redisUrl, redisKey, logPollMs: 60_000 });
    node2 = await startNode({ db: t.db, auth, redisUrl, redisKey, logPollMs: 60_000 });
    f = await createFixture(t.db, auth, "redis-log");
  });
  afterAll(async () => {
    clients.closeAll();
    await node1?.close();
    await node2?.close();
    await t?.close();
  });

  const watch = async (p: Person, node: Node) => recordLog((await clients.connect(node, { cookie: p.cookie })).client);

  it("each client gets each entry exactly once, whichever node it is on and whichever node was poked", async () => {
    const watchers = [
      { name: "cmo@1", log: await watch(f.mLead, node1) },
      { name: "cio@2", log: await watch(f.iLead, node2) },
      { name: "ceo@1", log: await watch(f.viewer, node1) },
      { name: "ceo@2", log: await watch(f.viewer, node2) },
    ];
    const before = await headSeq(t.db, f.workspaceId);
    const via1 = await apiAs(t.db, auth, f.mLead, notifierFor(node1));
    const via2 = await apiAs(t.db, auth, f.iLead, notifierFor(node2));
    const project = await newProject(via1, f, "Two nodes");
    await Promise.all(range(1, 30).map((i) => newTask(i % 2 ? via1 : via2, f, project.id, `task ${i}`)));
    const head = await headSeq(t.db, f.workspaceId);
    expect(head).toBe(before + 31);

    for (const w of watchers) await w.log.waitFor(f.workspaceId, head, { timeoutMs: 5_000 });
    await settle(500);
    for (const w of watchers) expect(w.log.seqs(f.workspaceId), w.name).toEqual(range(before + 1, head));
  });

  it("a poke to one node wakes the other's reader", async () => {
    const onNode2 = await watch(f.mMember, node2);
    await newProject(await apiAs(t.db, auth, f.mLead, notifierFor(node1)), f, "Forwarded");
    const head = await headSeq(t.db, f.workspaceId);
    await onNode2.waitFor(f.workspaceId, head, { timeoutMs: 3_000 });
    expect(onNode2.seqs(f.workspaceId)).toEqual([head]);
  });
});
