import { seedDemo } from "@tandem/api/seed";
import type { Auth } from "@tandem/auth";
import { appendLogEntry, getWorkspaceBySlug, listFeed, listLogAfter } from "@tandem/db/queries";
import { FEED_KINDS } from "@tandem/domain/constants";
import { checkPayload, describeEntry, isActionName } from "@tandem/domain/actions";
import { feedKindsOf } from "@tandem/domain/feed-kinds";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestAuth } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";

describe.each(DB_KINDS)("the action registry against a real log on %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let workspaceId: string;
  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    await seedDemo(t.db, auth, { slug: "registry", name: "Registry", emailDomain: "registry.test" });
    workspaceId = (await getWorkspaceBySlug(t.db, "registry"))!.id;
  });
  afterAll(async () => t?.close());

  it("every entry the app wrote is a declared action whose payload fits its schema, and reads as a sentence", async () => {
    const entries = await listLogAfter(t.db, { workspaceId, afterSeq: 0, limit: 10_000 });
    expect(entries.length).toBeGreaterThan(20);
    for (const e of entries) {
      expect(isActionName(e.action), e.action).toBe(true);
      expect(() => checkPayload(e.action, e.summary), e.action).not.toThrow();
      const { text } = describeEntry({ actorName: e.actorName, actorId: e.actorId, action: e.action, summary: e.summary });
      expect(text.length, e.action).toBeGreaterThan(3);
      expect(text, e.action).not.toMatch(/undefined|\[object/);
    }
  });

  it("the feed's SQL (compiled from the feed rules) picks exactly the entries the browser's rule does, kind by kind", async () => {
    const entries = await listLogAfter(t.db, { workspaceId, afterSeq: 0, limit: 10_000 });
    for (const feedKind of FEED_KINDS) {
      const sql = (await listFeed(t.db, { workspaceId, filter: { kind: feedKind }, limit: 10_000 })).map((e) => e.seq).sort((a, b) => a - b);
      const js = entries.filter((e) => feedKindsOf(e).includes(feedKind)).map((e) => e.seq);
      expect(sql, feedKind).toEqual(js);
    }
    const all = (await listFeed(t.db, { workspaceId, limit: 10_000 })).map((e) => e.seq).sort((a, b) => a - b);
    expect(all).toEqual(entries.filter((e) => feedKindsOf(e).length > 0).map((e) => e.seq));
    // The demo has something of most kinds, so the comparison is not of empty lists.
    expect(new Set(entries.flatMap((e) => feedKindsOf(e))).size).toBeGreaterThanOrEqual(4);
  });
});

// Compile-time checks: `pnpm typecheck` fails if the writer accepts any of these. Never run.
export function payloadsThatDoNotTypecheck(tx: Parameters<typeof appendLogEntry>[0]) {
  const actor = { id: null, name: "Nobody", side: null };
  const base = { workspaceId: "w", actor, entityId: "e" };
  // @ts-expect-error: no such action is declared
  void appendLogEntry(tx, { ...base, action: "task.imported", summary: { label: "x", after: {} } });
  // @ts-expect-error: a move carries a status the board knows
  void appendLogEntry(tx, { ...base, action: "task.moved", summary: { label: "x", after: { status: "shipped", position: 1, updatedAt: "" } } });
  // @ts-expect-error: a comment carries its body
  void appendLogEntry(tx, { ...base, action: "comment.created", summary: { label: "x", after: { id: "c", projectId: "p", taskId: null } } });
  // @ts-expect-error: a health post names its side as a working side
  void appendLogEntry(tx, { ...base, action: "project.health_posted", summary: { label: "x", after: { side: "leadership" } } });
  // A payload that fits is accepted.
  void appendLogEntry(tx, { ...base, action: "task.moved", summary: { label: "x", after: { status: "done", position: 1, updatedAt: "" } } });
}
