import type { Auth } from "@tandem/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callerFor } from "../support/api";
import { createTestAuth, signUpUser } from "../support/auth";
import { startTestDb, type TestDb } from "../support/db";
import { createFixture, type Fixture } from "../support/workspace";

describe("membership changes take the one data path", () => {
  let t: TestDb;
  let auth: Auth;
  let f: Fixture;
  beforeAll(async () => {
    t = await startTestDb("pglite");
    auth = createTestAuth(t.db);
    f = await createFixture(t.db, auth, "mlog");
  });
  afterAll(async () => t?.close());

  it("logs invitations, joins, role changes and removals — never the invite token", async () => {
    const admin = await callerFor(t.db, auth, f.admin);
    const { token, id } = await admin.invitation.create({ workspaceSlug: f.slug, side: "it", role: "member", expiresInDays: 3 });
    const joiner = await signUpUser(auth, { name: "Joiner", email: "joiner@mlog.test" });
    await (await callerFor(t.db, auth, joiner)).invitation.accept({ token });
    await admin.member.update({ workspaceSlug: f.slug, memberId: f.iMember.memberId, role: "lead" });
    await admin.member.remove({ workspaceSlug: f.slug, memberId: f.mMember.memberId });
    const { token: t2, id: id2 } = await admin.invitation.create({ workspaceSlug: f.slug, side: "marketing", role: "viewer", expiresInDays: 1 });
    await admin.invitation.revoke({ workspaceSlug: f.slug, id: id2 });

    const { entries } = await admin.log.list({ workspaceSlug: f.slug, limit: 10 });
    expect(entries.map((e) => e.action)).toEqual([
      "invitation.revoked",
      "invitation.created",
      "member.removed",
      "member.updated",
      "member.joined",
      "invitation.created",
    ]);
    expect(entries.find((e) => e.action === "member.joined")).toMatchObject({
      actorName: "Joiner",
      summary: { label: "Joiner", after: { side: "it", role: "member", invitationId: id } },
    });
    expect(entries.find((e) => e.action === "member.updated")?.summary).toMatchObject({ before: { role: "member" }, after: { role: "lead" } });
    const text = JSON.stringify(entries);
    expect(text).not.toContain(token);
    expect(text).not.toContain(t2);
  });
});
