import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Auth } from "@tandem/auth";
import { sql } from "drizzle-orm";

import { createTestAuth } from "../support/auth";
import { startTestDb, type TestDb } from "../support/db";
import { createFixture, type Fixture, type Person } from "../support/workspace";
import { Clients, settle, startNode, type Node } from "./harness";
import { apiAs, deadNotifier, headSeq, newProject, newTask, range, recordLog } from "./log-harness";

// LISTEN/NOTIFY needs a real PostgreSQL: embedded PGlite keeps pokes and the safety read.
describe("log delivery by LISTEN/NOTIFY on postgres", () => {
  let t: TestDb;
  let auth: Auth;
  let node: Node;
  let f: Fixture;
  const clients = new Clients();
  // No poke reaches the node and its safety read is a minute away: only NOTIFY can deliver.
  const api = async (p: Person) => apiAs(t.db, auth, p, await deadNotifier());

  beforeAll(async () => {
    t = await startTestDb("postgres");
    auth = createTestAuth(t.db);
    node = await startNode({ db: t.db, auth, logPollMs: 60_000, logListenUrl: t.url });
    f = await createFixture(t.db, auth, "notify");
    await settle(200); // the listener's LISTEN is in place
  });
  afterAll(async () => {
    clients.closeAll();
    await node?.close();
    await t?.close();
  });

  const watch = async (p: Person) => {
    const c = await clients.connect(node, { cookie: p.cookie });
    return { ...c, log: recordLog(c.client) };
  };

  it("delivers entries at commit with no poke, in seq order under concurrency, without a read per entry", async () => {
    const cmo = await watch(f.mLead);
    const cio = await watch(f.iLead);
    const before = await headSeq(t.db, f.workspaceId);
    const project = await newProject(await api(f.mLead), f, "Notified");
    const callers = await Promise.all([f.mLead, f.iLead, f.mMember, f.iMember].map((p) => api(p)));
    await Promise.all(range(1, 30).map((i) => newTask(callers[i % callers.length]!, f, project.id, `notified ${i}`)));
    const head = await headSeq(t.db, f.workspaceId);
    expect(head).toBe(before + 31);
    for (const w of [cmo, cio]) {
      await w.log.waitFor(f.workspaceId, head, { timeoutMs: 2_000 });
      await settle(100);
      expect(w.log.seqs(f.workspaceId)).toEqual(range(before + 1, head));
    }
  });

  it("an entry too large for a notice is announced by seq and read from the log", async () => {
    const cmo = await watch(f.mLead);
    const project = await newProject(await api(f.mLead), f, "Large");
    const description = "x".repeat(9_000);
    const caller = await api(f.iLead);
    const task = await caller.task.create({ workspaceSlug: f.slug, projectId: project.id, title: "Large", side: "it", description });
    const head = await headSeq(t.db, f.workspaceId);
    await cmo.log.waitFor(f.workspaceId, head, { timeoutMs: 2_000 });
    expect(cmo.log.entries.at(-1)).toMatchObject({ seq: head, entityId: task.id });
  });

  it("after its listening connection is cut, the node reconnects and delivers what it missed", async () => {
    const cmo = await watch(f.mLead);
    const before = await headSeq(t.db, f.workspaceId);
    await t.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where query = 'listen tandem_log' and datname = current_database()`);
    const project = await newProject(await api(f.mLead), f, "Missed");
    await newTask(await api(f.iLead), f, project.id, "missed while down");
    await cmo.log.waitFor(f.workspaceId, before + 2, { timeoutMs: 5_000 });
    expect(cmo.log.seqs(f.workspaceId)).toEqual(range(before + 1, before + 2));
  });
});
