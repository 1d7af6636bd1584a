import { beforeAll, describe, expect, it } from "vitest";

import { schema } from "@tandem/db";
import { eq } from "drizzle-orm";

import { signInUser } from "../support/auth";
import { DB_KINDS } from "../support/db";
import type { Fixture } from "../support/workspace";
import { nextEvent, settle } from "./harness";
import { realtimeSuite } from "./suite";

describe.each(DB_KINDS)("sockets end with their session on %s", (kind) => {
  // The periodic sweep is a minute away: these tests trigger it themselves.
  const s = realtimeSuite(kind, { slugs: [`sess-${kind}`], node: { sessionCheckMs: 60_000 } });
  let f: Fixture;
  beforeAll(() => {
    f = s.fixtures[0]!;
  });

  it("signing out ends that session's sockets, and only those", async () => {
    const second = await signInUser(s.auth, f.mLead.email);
    const signedOut = await s.clients.connect(s.node, { cookie: second.cookie });
    const otherTab = await s.clients.connect(s.node, { cookie: f.mLead.cookie });
    const someoneElse = await s.clients.connect(s.node, { cookie: f.iLead.cookie });

    await s.auth.api.signOut({ headers: second.headers });
    const told = nextEvent<{ reason: string; workspaceId?: string }>(signedOut.client, "session.revoked");
    const gone = nextEvent<string>(signedOut.client, "disconnect");
    await s.node.realtime.checkSessions();
    expect(await told).toMatchObject({ reason: expect.stringMatching(/session has ended/i) });
    expect(await gone).toBe("io server disconnect");
    await settle(100);
    expect(otherTab.client.connected).toBe(true);
    expect(someoneElse.client.connected).toBe(true);
  });

  it("an expired session ends its sockets", async () => {
    const fresh = await signInUser(s.auth, f.iMember.email);
    const socket = await s.clients.connect(s.node, { cookie: fresh.cookie });
    await s.t.db
      .update(schema.session)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(schema.session.userId, f.iMember.userId));
    const gone = nextEvent<string>(socket.client, "disconnect");
    await s.node.realtime.checkSessions();
    expect(await gone).toBe("io server disconnect");
  });
});
