import { createRateLimits } from "@tandem/api/rate-limit";
import type { Auth } from "@tandem/auth";
import { schema } from "@tandem/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestAuth, signUpUser, type TestUser } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";
import { Clients, expectConnectError, makeWorkspace, startNode, uniqueEmail, type Node } from "./harness";

describe.each(DB_KINDS)("realtime connection limits against %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let ada: TestUser;
  const nodes: Node[] = [];
  const clients = new Clients();

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    ada = await signUpUser(auth, { name: "Ada", email: uniqueEmail("ada") });
    await makeWorkspace(t.db, ada.userId, "marketing");
  });
  afterAll(async () => {
    clients.closeAll();
    for (const n of nodes) await n.close();
    await t?.close();
  });

  const refusal = async (attempt: Promise<unknown>) =>
    expectConnectError(await attempt.catch((e: unknown) => e)).data as { code: string; message: string; retryAfterSeconds: number };

  it("caps the sockets one person holds at once, and counts their connection attempts", async () => {
    await t.db.delete(schema.rateLimit);
    const node = await startNode({ db: t.db, auth, limits: createRateLimits(t.db, { socketConnect: { points: 3, duration: 60 } }), maxSocketsPerUser: 2 });
    nodes.push(node);
    const first = await clients.connect(node, { cookie: ada.cookie });
    await clients.connect(node, { cookie: ada.cookie });
    // A third tab at once is over the cap: refused, and not counted as an attempt.
    const capped = await refusal(clients.connect(node, { cookie: ada.cookie }));
    expect(capped).toMatchObject({ code: "RATE_LIMITED", message: "You have 2 live tabs open already. Close some, and this one reconnects." });
    expect(capped.retryAfterSeconds).toBeGreaterThan(0);
    // A tab closes: its place is free again.
    first.client.close();
    await expect.poll(() => node.realtime.io.of("/").sockets.size).toBe(1);
    await clients.connect(node, { cookie: ada.cookie });
    // Three attempts made, the fourth in this minute is over the allowance.
    const tooOften = await refusal(clients.connect(node, { cookie: ada.cookie }));
    expect(tooOften.code).toBe("RATE_LIMITED");
    expect(tooOften.retryAfterSeconds).toBeGreaterThan(0);
    expect(tooOften.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("refuses a flood from one address before reading any session", async () => {
    await t.db.delete(schema.rateLimit);
    const node = await startNode({ db: t.db, auth, limits: createRateLimits(t.db, { socketConnectByIp: { points: 2, duration: 60 } }) });
    nodes.push(node);
    expect((await refusal(clients.connect(node))).code).toBe("UNAUTHORIZED");
    await clients.connect(node, { cookie: ada.cookie });
    const flood = await refusal(clients.connect(node, { cookie: ada.cookie }));
    expect(flood).toMatchObject({ code: "RATE_LIMITED", message: "Too many connections from this address. Reconnecting shortly." });
  });
});
