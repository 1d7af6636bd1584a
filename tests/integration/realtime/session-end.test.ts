import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Auth } from "@tandem/auth";
import { schema } from "@tandem/db";
import { eq } from "drizzle-orm";

import { createTestAuth, signInUser } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";
import { createFixture, type Fixture } from "../support/workspace";
import { Clients, nextEvent, settle, startNode, type Node } from "./harness";

describe.each(DB_KINDS)("sockets end with their session on %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let node: Node;
  let f: Fixture;
  const clients = new Clients();

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    // The periodic sweep is a minute away: these tests trigger it themselves.
    node = await startNode({ db: t.db, auth, sessionCheckMs: 60_000 });
    f = await createFixture(t.db, auth, `sess-${kind}`);
  });
  afterAll(async () => {
    clients.closeAll();
    await node?.close();
    await t?.close();
  });

  it("signing out ends that session's sockets, and only those", async () => {
    const second = await signInUser(auth, f.mLead.email);
    const signedOut = await clients.connect(node, { cookie: second.cookie });
    const otherTab = await clients.connect(node, { cookie: f.mLead.cookie });
    const someoneElse = await clients.connect(node, { cookie: f.iLead.cookie });

    await auth.api.signOut({ headers: second.headers });
    const told = nextEvent<{ reason: string; workspaceId?: string }>(signedOut.client, "session.revoked");
    const gone = nextEvent<string>(signedOut.client, "disconnect");
    await node.realtime.checkSessions();
    expect(await told).toMatchObject({ reason: expect.stringMatching(/session has ended/i) });
    expect(await gone).toBe("io server disconnect");
    await settle(100);
    expect(otherTab.client.connected).toBe(true);
    expect(someoneElse.client.connected).toBe(true);
  });

  it("an expired session ends its sockets", async () => {
    const fresh = await signInUser(auth, f.iMember.email);
    const socket = await clients.connect(node, { cookie: fresh.cookie });
    await t.db.update(schema.session).set({ expiresAt: new Date(Date.now() - 1_000) }).where(eq(schema.session.userId, f.iMember.userId));
    const gone = nextEvent<string>(socket.client, "disconnect");
    await node.realtime.checkSessions();
    expect(await gone).toBe("io server disconnect");
  });
});
