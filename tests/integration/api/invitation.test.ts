import type { Auth } from "@tandem/auth";
import { schema } from "@tandem/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callerFor, errorCode, trpcError } from "../support/api";
import { createTestAuth, signUpUser, type TestUser } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";

describe.each(DB_KINDS)("invitations on %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let admin: TestUser;
  let n = 0;
  const slug = "umbrella";
  const newUser = () => signUpUser(auth, { name: `Joiner ${++n}`, email: `joiner${n}@i.test` });

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    admin = await signUpUser(auth, { name: "Admin", email: "admin@i.test" });
    await (await callerFor(t.db, auth, admin)).workspace.create({ name: "Umbrella", slug, side: "marketing" });
  });
  afterAll(async () => t?.close());

  const invite = async (side: "marketing" | "it" | "leadership" = "it", role: "admin" | "lead" | "member" | "viewer" = "member") =>
    (await callerFor(t.db, auth, admin)).invitation.create({ workspaceSlug: slug, side, role, expiresInDays: 7 });

  it("joins a user with the invited side and role, and the link works once only", async () => {
    const { token } = await invite("it", "lead");
    const joiner = await newUser();
    const api = await callerFor(t.db, auth, joiner);
    expect(await api.invitation.preview({ token })).toMatchObject({ workspaceName: "Umbrella", side: "it", role: "lead", state: "open" });
    expect(await api.invitation.accept({ token })).toEqual({ workspaceSlug: slug });
    expect((await api.workspace.get({ workspaceSlug: slug })).me).toMatchObject({ side: "it", role: "lead" });
    const second = await newUser();
    const err = await trpcError((await callerFor(t.db, auth, second)).invitation.accept({ token }));
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toMatch(/already been used/);
  });

  it("stores only a hash of the token", async () => {
    const { token, id } = await invite();
    const [row] = await t.db.select().from(schema.invitation).where(eq(schema.invitation.id, id));
    expect(row!.tokenHash).not.toContain(token);
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses expired and revoked links with a message that says what to do", async () => {
    const expired = await invite();
    await t.db
      .update(schema.invitation)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.invitation.id, expired.id));
    const api = await callerFor(t.db, auth, await newUser());
    expect((await api.invitation.preview({ token: expired.token })).state).toBe("expired");
    expect((await trpcError(api.invitation.accept({ token: expired.token }))).message).toMatch(/expired.*Ask an admin/);

    const revoked = await invite();
    await (await callerFor(t.db, auth, admin)).invitation.revoke({ workspaceSlug: slug, id: revoked.id });
    expect((await trpcError(api.invitation.accept({ token: revoked.token }))).message).toMatch(/revoked/);
    expect(await errorCode(api.invitation.accept({ token: "x".repeat(32) }))).toBe("NOT_FOUND");
  });

  it("lets exactly one of two users racing with one link join", async () => {
    const { token } = await invite();
    const [a, b] = await Promise.all([newUser(), newUser()]);
    const results = await Promise.allSettled([
      (await callerFor(t.db, auth, a)).invitation.accept({ token }),
      (await callerFor(t.db, auth, b)).invitation.accept({ token }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("keeps invitations admin-only and refuses leadership invites as leads", async () => {
    const { token } = await invite("marketing", "member");
    const mem = await newUser();
    const api = await callerFor(t.db, auth, mem);
    await api.invitation.accept({ token });
    expect(await errorCode(api.invitation.create({ workspaceSlug: slug, side: "it", role: "admin", expiresInDays: 1 }))).toBe("FORBIDDEN");
    expect(await errorCode(api.invitation.list({ workspaceSlug: slug }))).toBe("FORBIDDEN");
    expect(await errorCode(invite("leadership", "lead"))).toBe("BAD_REQUEST");
    const open = await (await callerFor(t.db, auth, admin)).invitation.list({ workspaceSlug: slug });
    expect(open.every((i) => !i.acceptedAt && !i.revokedAt)).toBe(true);
    expect(
      await errorCode((await callerFor(t.db, auth, admin)).invitation.create({ workspaceSlug: slug, side: "it", role: "member", expiresInDays: 365 })),
    ).toBe("BAD_REQUEST");
  });

  it("tells an existing member they are already in", async () => {
    const { token } = await invite();
    const err = await trpcError((await callerFor(t.db, auth, admin)).invitation.accept({ token }));
    expect(err.message).toMatch(/already a member/);
  });
});
