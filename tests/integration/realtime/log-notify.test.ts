import { beforeAll, describe, expect, it } from "vitest";

import { sql } from "drizzle-orm";

import type { TestDb } from "../support/db";
import type { Fixture, Person } from "../support/workspace";
import { settle } from "./harness";
import { apiAs, deadNotifier, headSeq, newProject, newTask, range, recordLog } from "./log-harness";
import { realtimeSuite } from "./suite";

// LISTEN/NOTIFY needs a real PostgreSQL: embedded PGlite keeps pokes and the safety read.
describe("log delivery by LISTEN/NOTIFY on postgres", () => {
  // No poke reaches the node and its safety read is a minute away: only NOTIFY can deliver.
  const s = realtimeSuite("postgres", { slugs: ["notify"], node: (t) => ({ logPollMs: 60_000, logListenUrl: t.url }) });
  const api = async (p: Person) => apiAs(s.t.db, s.auth, p, await deadNotifier());
  let t: TestDb;
  let f: Fixture;
  beforeAll(async () => {
    ({ t } = s);
    f = s.fixtures[0]!;
    await settle(200); // the listener's LISTEN is in place
  });

  const watch = async (p: Person) => {
    const c = await s.clients.connect(s.node, { cookie: p.cookie });
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
