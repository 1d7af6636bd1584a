import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Auth } from "@tandem/auth";
import type { LogEntryPayload } from "@tandem/realtime-contract";

import { createTestAuth } from "../support/auth";
import { startTestDb, type TestDb } from "../support/db";
import { createFixture, type Fixture } from "../support/workspace";
import { Clients, nextEvent, startNode, type Client, type Node } from "./harness";
import { apiAs, headSeq, newProject, newTask, notifierFor, range } from "./log-harness";

/**
 * What the web client does: apply pushed entries in seq order, and on every (re)connect or gap
 * ask log.sync for everything after the last applied seq.
 */
function followLog(client: Client, workspaceId: string, startSeq: number) {
  const applied: number[] = [];
  const received: { seq: number; via: "push" | "sync" }[] = [];
  let lastSeq = startSeq;
  let syncing: Promise<void> = Promise.resolve();
  const apply = (e: LogEntryPayload, via: "push" | "sync") => {
    received.push({ seq: e.seq, via });
    if (e.seq === lastSeq + 1) {
      applied.push(e.seq);
      lastSeq = e.seq;
    } else if (e.seq > lastSeq + 1) {
      void sync();
    }
  };
  const sync = () =>
    (syncing = syncing.then(async () => {
      for (let page = 0; page < 20; page++) {
        const res = await client.emitWithAck("log.sync", { workspaceId, afterSeq: lastSeq });
        if (!res.ok) throw new Error(res.error);
        for (const e of res.data.entries) apply(e, "sync");
        if (!res.data.hasMore) return;
      }
    }));
  client.on("log.entry", (e) => e.workspaceId === workspaceId && apply(e, "push"));
  client.on("log.entries", (batch) => {
    for (const e of batch) if (e.workspaceId === workspaceId) apply(e, "push");
  });
  client.on("connect", () => void sync());
  return { applied, received, last: () => lastSeq, synced: () => syncing };
}

describe("a realtime restart (postgres)", () => {
  let t: TestDb;
  let auth: Auth;
  let f: Fixture;
  const clients = new Clients();
  const nodes: Node[] = [];

  beforeAll(async () => {
    t = await startTestDb("postgres");
    auth = createTestAuth(t.db);
    f = await createFixture(t.db, auth, "restart");
  });
  afterAll(async () => {
    clients.closeAll();
    for (const n of nodes) await n.close();
    await t?.close();
  });

  it("a client that reconnects to the restarted server gets every entry it missed by log.sync, once", async () => {
    const first = await startNode({ db: t.db, auth });
    nodes.push(first);
    const api = await apiAs(t.db, auth, f.mLead, notifierFor(first));
    const project = await newProject(api, f);
    const start = await headSeq(t.db, f.workspaceId);

    const { client } = await clients.connect(first, { cookie: f.iLead.cookie, reconnect: true });
    const follower = followLog(client, f.workspaceId, start);
    await newTask(api, f, project.id, "before the restart");
    await expect.poll(() => follower.last(), { timeout: 3_000 }).toBe(start + 1);

    const dropped = nextEvent<string>(client, "disconnect");
    await first.close();
    // Not "io server disconnect": that would stop socket.io-client from reconnecting.
    expect(await dropped).toBe("transport close");
    for (const i of range(1, 7)) await newTask(api, f, project.id, `while down ${i}`);

    const second = await startNode({ db: t.db, auth, port: first.port });
    nodes.push(second);
    await nextEvent(client, "connect", 10_000);
    await expect.poll(() => follower.last(), { timeout: 5_000 }).toBe(start + 8);
    await follower.synced();

    // And pushes resume on the new server.
    await newTask(await apiAs(t.db, auth, f.mLead, notifierFor(second)), f, project.id, "after the restart");
    await expect.poll(() => follower.last(), { timeout: 3_000 }).toBe(start + 9);
    expect(follower.applied).toEqual(range(start + 1, start + 9));
    expect(follower.received.map((r) => r.seq)).toEqual(range(start + 1, start + 9));
    expect(follower.received.filter((r) => r.via === "sync").map((r) => r.seq)).toEqual(range(start + 2, start + 8));
  });
});
