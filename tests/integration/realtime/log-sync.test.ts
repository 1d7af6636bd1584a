import { beforeAll, describe, expect, it } from "vitest";

import type { Auth } from "@tandem/auth";
import type { RealtimeNotifier } from "@tandem/api";
import { appendLogEntry, listLogAfter } from "@tandem/db/queries";
import { MAX_LOG_SYNC_ENTRIES } from "@tandem/realtime-contract";

import type { TestDb } from "../support/db";
import type { Fixture } from "../support/workspace";
import type { Node } from "./harness";
import { apiAs, headSeq, newProject, newTask, notifierFor, range } from "./log-harness";
import { realtimeSuite } from "./suite";

describe("log.sync (postgres)", () => {
  let t: TestDb;
  let auth: Auth;
  let node: Node;
  let a: Fixture;
  let b: Fixture;
  let notifier: RealtimeNotifier;
  const suite = realtimeSuite("postgres", { slugs: ["sync-a", "sync-b"] });
  const clients = suite.clients;

  beforeAll(() => {
    ({ t, auth, node } = suite);
    [a, b] = suite.fixtures as [Fixture, Fixture];
    notifier = notifierFor(node);
  });

  it("returns exactly the entries after a seq, oldest first, as stored", async () => {
    const api = await apiAs(t.db, auth, a.mLead, notifier);
    const project = await newProject(api, a);
    for (const i of range(1, 5)) await newTask(api, a, project.id, `task ${i}`);
    const head = await headSeq(t.db, a.workspaceId);
    const { client } = await clients.connect(node, { cookie: a.iLead.cookie });

    const res = await client.emitWithAck("log.sync", { workspaceId: a.workspaceId, afterSeq: head - 3 });
    if (!res.ok) throw new Error(res.error);
    expect(res.data.entries.map((e) => e.seq)).toEqual([head - 2, head - 1, head]);
    expect(res.data).toMatchObject({ headSeq: head, hasMore: false });
    const rows = await listLogAfter(t.db, { workspaceId: a.workspaceId, afterSeq: head - 3 });
    expect(res.data.entries).toEqual(rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })));

    const upToDate = await client.emitWithAck("log.sync", { workspaceId: a.workspaceId, afterSeq: head });
    expect(upToDate).toEqual({ ok: true, data: { entries: [], headSeq: head, hasMore: false } });
  });

  it("pages a long history MAX_LOG_SYNC_ENTRIES at a time", async () => {
    const before = await headSeq(t.db, a.workspaceId);
    const count = MAX_LOG_SYNC_ENTRIES + 20;
    await t.db.transaction(async (tx) => {
      for (const i of range(1, count)) {
        await appendLogEntry(tx, {
          workspaceId: a.workspaceId,
          actor: { id: null, name: "Import", side: null },
          action: "task.moved",
          entityId: `import-${i}`,
          summary: {
            label: `imported ${i}`,
            before: { status: "todo", position: i },
            after: { status: "done", position: i, updatedAt: new Date().toISOString() },
          },
        });
      }
    });
    const { client } = await clients.connect(node, { cookie: a.viewer.cookie });
    const first = await client.emitWithAck("log.sync", { workspaceId: a.workspaceId, afterSeq: before });
    if (!first.ok) throw new Error(first.error);
    expect(first.data.entries.map((e) => e.seq)).toEqual(range(before + 1, before + MAX_LOG_SYNC_ENTRIES));
    expect(first.data).toMatchObject({ hasMore: true, headSeq: before + count });
    const second = await client.emitWithAck("log.sync", { workspaceId: a.workspaceId, afterSeq: first.data.entries.at(-1)!.seq });
    if (!second.ok) throw new Error(second.error);
    expect(second.data.entries.map((e) => e.seq)).toEqual(range(before + MAX_LOG_SYNC_ENTRIES + 1, before + count));
    expect(second.data.hasMore).toBe(false);
  });

  it("refuses a workspace the socket is not in, one that does not exist, and malformed requests", async () => {
    await newProject(await apiAs(t.db, auth, a.mLead, notifier), a, "Secret");
    const { client } = await clients.connect(node, { cookie: b.mLead.cookie });
    expect(await client.emitWithAck("log.sync", { workspaceId: a.workspaceId, afterSeq: 0 })).toEqual({ ok: false, error: "not found" });
    expect(await client.emitWithAck("log.sync", { workspaceId: "6f1c1a8e-2b0a-4c41-9a57-000000000000", afterSeq: 0 })).toEqual({
      ok: false,
      error: "not found",
    });
    for (const bad of [
      { workspaceId: b.workspaceId, afterSeq: -1 },
      { workspaceId: b.workspaceId, afterSeq: 1.5 },
      { workspaceId: b.workspaceId },
      { workspaceId: "x", afterSeq: 0 },
      null,
      "b",
    ]) {
      expect(await (client.emitWithAck as (e: string, p: unknown) => Promise<unknown>)("log.sync", bad), JSON.stringify(bad)).toEqual({
        ok: false,
        error: "invalid request",
      });
    }
    expect(await client.emitWithAck("log.sync", { workspaceId: b.workspaceId, afterSeq: 0 })).toMatchObject({ ok: true });
  });
});
