import type { Auth } from "@tandem/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestAuth, signUpUser } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";
import { Clients, makeWorkspace, startNode, uniqueEmail } from "./harness";

const statusOf = async (url: string) => (await fetch(url)).status;

describe.each(DB_KINDS)("realtime liveness and readiness against %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  const clients = new Clients();

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
  });
  afterAll(async () => {
    clients.closeAll();
    await t?.close();
  });

  it("is live and ready while serving, and never says ready again once it starts closing", async () => {
    const node = await startNode({ db: t.db, auth });
    const ada = await signUpUser(auth, { name: "Ada", email: uniqueEmail("ada") });
    await makeWorkspace(t.db, ada.userId, "it");
    await clients.connect(node, { cookie: ada.cookie });
    expect(await statusOf(`${node.url}/health/live`)).toBe(200);
    expect(await (await fetch(`${node.url}/health/ready`)).json()).toEqual({ ok: true, connections: 1 });

    const closing = node.close();
    // While it lets its clients go it answers 503; once its server has closed, nothing answers.
    const ready = await fetch(`${node.url}/health/ready`).catch(() => null);
    expect(ready?.status ?? "refused").not.toBe(200);
    await closing;
  });

  it("stays live but is not ready when its database stops answering", async () => {
    const own = await startTestDb(kind);
    const node = await startNode({ db: own.db, auth: createTestAuth(own.db) });
    expect(await statusOf(`${node.url}/health/ready`)).toBe(200);
    await own.close();
    const res = await fetch(`${node.url}/health/ready`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, error: "database unavailable" });
    expect(await statusOf(`${node.url}/health/live`)).toBe(200);
    await node.close();
  });
});
