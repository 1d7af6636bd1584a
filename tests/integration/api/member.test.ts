import type { Auth } from "@tandem/auth";
import { addMember } from "@tandem/db/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callerFor, errorCode, trpcError } from "../support/api";
import { createTestAuth, signUpUser, type TestUser } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";

describe.each(DB_KINDS)("members on %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let admin: TestUser;
  let mem: TestUser;
  let other: TestUser;
  let wsId: string;
  const slug = "initech";

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    admin = await signUpUser(auth, { name: "Admin", email: "admin@m.test" });
    mem = await signUpUser(auth, { name: "Mem", email: "mem@m.test" });
    other = await signUpUser(auth, { name: "Other", email: "other@m.test" });
    const ws = await (await callerFor(t.db, auth, admin)).workspace.create({ name: "Initech", slug, side: "it" });
    wsId = ws.id;
    await addMember(t.db, { workspaceId: wsId, userId: mem.userId, side: "marketing", role: "member" });
  });
  afterAll(async () => t?.close());

  const memberIdOf = async (userId: string) => {
    const list = await (await callerFor(t.db, auth, admin)).member.list({ workspaceSlug: slug });
    return list.find((m) => m.userId === userId)!.id;
  };

  it("lists members with name, side and role to every member", async () => {
    const list = await (await callerFor(t.db, auth, mem)).member.list({ workspaceSlug: slug });
    expect(list.map((m) => [m.name, m.side, m.role])).toEqual([
      ["Mem", "marketing", "member"],
      ["Admin", "it", "admin"],
    ]);
  });

  it("lets an admin change side and role, and no one else", async () => {
    const id = await memberIdOf(mem.userId);
    const asMem = await callerFor(t.db, auth, mem);
    expect(await errorCode(asMem.member.update({ workspaceSlug: slug, memberId: id, role: "admin" }))).toBe("FORBIDDEN");
    const asAdmin = await callerFor(t.db, auth, admin);
    const updated = await asAdmin.member.update({ workspaceSlug: slug, memberId: id, side: "it", role: "lead" });
    expect(updated).toMatchObject({ side: "it", role: "lead" });
  });

  it("keeps leadership read-only: a leadership member cannot be a lead", async () => {
    const id = await memberIdOf(mem.userId);
    const err = await trpcError((await callerFor(t.db, auth, admin)).member.update({ workspaceSlug: slug, memberId: id, side: "leadership" }));
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.message).toMatch(/viewers/);
  });

  it("never lets the last admin demote or remove themself", async () => {
    const api = await callerFor(t.db, auth, admin);
    const id = await memberIdOf(admin.userId);
    const demote = await trpcError(api.member.update({ workspaceSlug: slug, memberId: id, role: "member" }));
    expect(demote.code).toBe("CONFLICT");
    expect(demote.message).toMatch(/at least one admin/);
    expect(await errorCode(api.member.remove({ workspaceSlug: slug, memberId: id }))).toBe("CONFLICT");
  });

  it("lets a member leave, and only an admin remove someone else", async () => {
    const otherId = (await addMember(t.db, { workspaceId: wsId, userId: other.userId, side: "it", role: "member" }))!.id;
    const asMem = await callerFor(t.db, auth, mem);
    expect(await errorCode(asMem.member.remove({ workspaceSlug: slug, memberId: otherId }))).toBe("FORBIDDEN");
    const asOther = await callerFor(t.db, auth, other);
    expect(await asOther.member.remove({ workspaceSlug: slug, memberId: otherId })).toEqual({ id: otherId, self: true });
    expect(await errorCode(asOther.member.list({ workspaceSlug: slug }))).toBe("NOT_FOUND");
  });

  it("never touches another workspace's member through its own slug (no IDOR)", async () => {
    const stranger = await signUpUser(auth, { name: "Stranger", email: "stranger@m.test" });
    const api = await callerFor(t.db, auth, stranger);
    await api.workspace.create({ name: "Elsewhere", slug: "elsewhere", side: "marketing" });
    const victim = await memberIdOf(mem.userId);
    expect(await errorCode(api.member.update({ workspaceSlug: "elsewhere", memberId: victim, role: "viewer" }))).toBe("NOT_FOUND");
    expect(await errorCode(api.member.remove({ workspaceSlug: "elsewhere", memberId: victim }))).toBe("NOT_FOUND");
    expect(await errorCode(api.member.remove({ workspaceSlug: slug, memberId: victim }))).toBe("NOT_FOUND");
    expect((await (await callerFor(t.db, auth, admin)).member.list({ workspaceSlug: slug })).some((m) => m.id === victim)).toBe(true);
  });

  it("rejects malformed input with BAD_REQUEST, never a server error", async () => {
    const api = await callerFor(t.db, auth, admin);
    const bad = [
      () => api.member.update({ workspaceSlug: slug, memberId: "not-a-uuid", role: "admin" }),
      () => api.member.update({ workspaceSlug: slug, memberId: "00000000-0000-4000-8000-000000000000" } as never),
      () => api.member.update({ workspaceSlug: slug, memberId: "00000000-0000-4000-8000-000000000000", role: "owner" } as never),
      () => api.member.list({ workspaceSlug: "x".repeat(500) }),
      () => api.member.list({ workspaceSlug: 42 } as never),
    ];
    for (const call of bad) expect(await errorCode(call())).toBe("BAD_REQUEST");
    expect(await errorCode(api.member.update({ workspaceSlug: slug, memberId: "00000000-0000-4000-8000-000000000000", role: "viewer" }))).toBe("NOT_FOUND");
  });
});
