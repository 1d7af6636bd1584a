import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Auth } from "@tandem/auth";
import type { RealtimeNotifier } from "@tandem/api";
import { listLogAfter } from "@tandem/db/queries";

import { createTestAuth } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";
import { createFixture, type Fixture, type Person } from "../support/workspace";
import { Clients, settle, startNode, type Node } from "./harness";
import { apiAs, deadNotifier, headSeq, newProject, newTask, notifierFor, range, recordLog } from "./log-harness";

describe.each(DB_KINDS)("log delivery on %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let node: Node;
  let f: Fixture;
  let notifier: RealtimeNotifier;
  const clients = new Clients();
  const api = (p: Person, realtime = notifier) => apiAs(t.db, auth, p, realtime);

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    node = await startNode({ db: t.db, auth });
    notifier = notifierFor(node);
    f = await createFixture(t.db, auth, `deliv-${kind}`);
  });
  afterAll(async () => {
    clients.closeAll();
    await node?.close();
    await t?.close();
  });

  const watch = async (p: Person, on = node) => {
    const c = await clients.connect(on, { cookie: p.cookie });
    return { ...c, log: recordLog(c.client) };
  };

  it("delivers a task created through tRPC to the CMO's and the CIO's sockets, in seq order, as the log has it", async () => {
    const cmo = await watch(f.mLead);
    const cio = await watch(f.iLead);
    const before = await headSeq(t.db, f.workspaceId);
    const project = await newProject(await api(f.mLead), f);
    const started = Date.now();
    const task = await newTask(await api(f.iLead), f, project.id, "Ship the consent banner");
    const head = await headSeq(t.db, f.workspaceId);
    expect(head).toBe(before + 2);

    for (const who of [cmo, cio]) {
      await who.log.waitFor(f.workspaceId, head, { timeoutMs: 2_000 });
      expect(who.log.seqs(f.workspaceId)).toEqual([before + 1, before + 2]);
    }
    const got = cio.log.entries.at(-1)!;
    // A poke makes delivery immediate; without it the safety read would take up to a second.
    expect(got.receivedAt - started).toBeLessThan(1_000);
    expect(got).toMatchObject({
      workspaceId: f.workspaceId,
      seq: head,
      action: "task.created",
      entityType: "task",
      entityId: task.id,
      projectId: project.id,
      actorId: f.iLead.userId,
      actorSide: "it",
    });
    expect(new Date(got.createdAt).toISOString()).toBe(got.createdAt);
    // The payload is the row itself: hashes and summary as stored.
    const [row] = await listLogAfter(t.db, { workspaceId: f.workspaceId, afterSeq: head - 1, limit: 1 });
    expect({ ...got, receivedAt: undefined }).toEqual({ ...row, createdAt: row!.createdAt.toISOString(), receivedAt: undefined });
  });

  it("delivers many concurrent mutations strictly in seq order, with no gap and no duplicate", async () => {
    const watchers = [await watch(f.mLead), await watch(f.iLead), await watch(f.viewer)];
    const before = await headSeq(t.db, f.workspaceId);
    const project = await newProject(await api(f.mLead), f, "Concurrent");
    const writers = [f.mLead, f.iLead, f.mMember, f.iMember, f.admin];
    const callers = await Promise.all(writers.map((w) => api(w)));
    await Promise.all(range(1, 40).map((i) => newTask(callers[i % callers.length]!, f, project.id, `task ${i}`)));
    const head = await headSeq(t.db, f.workspaceId);
    expect(head).toBe(before + 41);
    for (const w of watchers) await w.log.waitFor(f.workspaceId, head);
    await settle(300);
    for (const w of watchers) expect(w.log.seqs(f.workspaceId)).toEqual(range(before + 1, head));
  });

  it("still delivers when every poke is lost: the safety read finds the entry", async () => {
    const cmo = await watch(f.mLead);
    const silent = await deadNotifier();
    const project = await newProject(await api(f.mLead, silent), f, "Unpoked");
    const head = await headSeq(t.db, f.workspaceId);
    await cmo.log.waitFor(f.workspaceId, head, { timeoutMs: 3_000 });
    expect(cmo.log.entries.at(-1)).toMatchObject({ seq: head, action: "project.created", entityId: project.id });
  });

  it("sends a backlog read in one go as one log.entries packet, in seq order", async () => {
    const lazy = await startNode({ db: t.db, auth, logPollMs: 60_000 });
    try {
      const cmo = await watch(f.mLead, lazy);
      const silent = await deadNotifier();
      const before = await headSeq(t.db, f.workspaceId);
      const project = await newProject(await api(f.mLead, silent), f, "Backlog");
      for (const i of range(1, 4)) await newTask(await api(f.iLead, silent), f, project.id, `backlog ${i}`);
      await settle(200);
      expect(cmo.log.entries).toEqual([]);

      await lazy.realtime.logAppended(f.workspaceId);
      await cmo.log.waitFor(f.workspaceId, before + 5, { timeoutMs: 2_000 });
      expect(cmo.log.packets.batches).toBe(1);
      expect(cmo.log.seqs(f.workspaceId)).toEqual(range(before + 1, before + 5));
      expect(cmo.log.entries.map((e) => e.action)).toEqual(["project.created", "task.created", "task.created", "task.created", "task.created"]);
    } finally {
      await lazy.close();
    }
  });

  it("a log poke alone wakes a node whose safety read is a minute away", async () => {
    const lazy = await startNode({ db: t.db, auth, logPollMs: 60_000 });
    try {
      const cmo = await watch(f.mLead, lazy);
      const started = Date.now();
      await newProject(await api(f.mLead, notifierFor(lazy)), f, "Poked");
      await cmo.log.waitFor(f.workspaceId, await headSeq(t.db, f.workspaceId), { timeoutMs: 2_000 });
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await lazy.close();
    }
  });
});
