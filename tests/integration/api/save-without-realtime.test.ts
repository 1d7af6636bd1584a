import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { createCaller, createRealtimeNotifier, createTRPCContext, type RealtimeNotifier } from "@tandem/api";
import type { Auth } from "@tandem/auth";
import { listLogAfter } from "@tandem/db/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callerFor } from "../support/api";
import { createTestAuth, signUpUser, type TestUser } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";

/**
 * A realtime server that takes pokes and never answers them, like a node that has hung. It keeps
 * each poke's request open until it closes, and counts those still waiting.
 */
async function hungRealtime() {
  const waiting = new Set<ServerResponse>();
  const bodies: unknown[] = [];
  const server: Server = createServer((req, res) => {
    waiting.add(res);
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => bodies.push(JSON.parse(body)));
    res.on("close", () => waiting.delete(res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    waiting,
    bodies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()) && server.closeAllConnections()),
  };
}

describe.each(DB_KINDS)("a save with a hung realtime server on %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let ann: TestUser;
  let realtime: Awaited<ReturnType<typeof hungRealtime>>;

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    ann = await signUpUser(auth, { name: "Ann", email: "ann@hung.test" });
    realtime = await hungRealtime();
  });
  afterAll(async () => {
    await realtime?.close();
    await t?.close();
  });

  it("answers while its poke is still waiting: the data is committed, the wake-up goes on without it", async () => {
    const inner = createRealtimeNotifier({ url: realtime.url, secret: "s" });
    // The pokes not finished yet (a hung node answers none; each gives up after its timeout).
    const unfinished = new Set<Promise<void>>();
    const track = (poke: Promise<void>) => {
      unfinished.add(poke);
      void poke.finally(() => unfinished.delete(poke));
      return poke;
    };
    const notifier: RealtimeNotifier = {
      logAppended: (id, seq) => track(inner.logAppended(id, seq)),
      membershipChanged: (id) => track(inner.membershipChanged(id)),
    };
    const api = createCaller(await createTRPCContext({ headers: ann.headers, db: t.db, auth, realtime: notifier }));
    const ws = await api.workspace.create({ name: "Hung Co", slug: `hung-${kind}`, side: "it" });
    // Had the save waited for its poke, that poke would be over (timed out) by now.
    expect(unfinished.size).toBe(1);
    const members = await (await callerFor(t.db, auth, ann)).member.list({ workspaceSlug: ws.slug });
    const updated = await api.member.update({ workspaceSlug: ws.slug, memberId: members[0]!.id, side: "marketing" });
    expect(updated).toMatchObject({ side: "marketing" });
    expect(unfinished.size).toBeGreaterThanOrEqual(2);
    const entries = await listLogAfter(t.db, { workspaceId: ws.id, afterSeq: 0 });
    expect(entries.map((e) => e.action)).toEqual(["workspace.created", "member.updated"]);
    // The pokes were sent all the same: the node hears of each write once it answers again.
    await expect.poll(() => [realtime.waiting.size, realtime.bodies.length]).toEqual([3, 3]);
    expect(realtime.bodies).toContainEqual({ workspaceId: ws.id, reason: "log", seq: 1 });
  });
});
