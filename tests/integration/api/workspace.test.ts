import type { Auth } from "@tandem/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callerFor, errorCode, trpcError } from "../support/api";
import { createTestAuth, signUpUser, type TestUser } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";

describe.each(DB_KINDS)("workspaces on %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let ann: TestUser;
  let ben: TestUser;

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    ann = await signUpUser(auth, { name: "Ann", email: "ann@ws.test" });
    ben = await signUpUser(auth, { name: "Ben", email: "ben@ws.test" });
  });
  afterAll(async () => t?.close());

  it("creates a workspace whose creator is its first admin, and lists it for them only", async () => {
    const api = await callerFor(t.db, auth, ann);
    const ws = await api.workspace.create({ name: "Globex", slug: "globex", side: "marketing" });
    expect(ws.slug).toBe("globex");
    expect(await api.workspace.list()).toEqual([expect.objectContaining({ slug: "globex", name: "Globex", side: "marketing", role: "admin" })]);
    const got = await api.workspace.get({ workspaceSlug: "globex" });
    expect(got.me).toMatchObject({ side: "marketing", role: "admin", userId: ann.userId });
    expect(got.membersBySide).toEqual({ marketing: 1 });
    expect(await (await callerFor(t.db, auth, ben)).workspace.list()).toEqual([]);
  });

  it("refuses a taken address with CONFLICT and a malformed one with a field error", async () => {
    const api = await callerFor(t.db, auth, ben);
    expect(await errorCode(api.workspace.create({ name: "Globex 2", slug: "globex", side: "it" }))).toBe("CONFLICT");
    const bad = await trpcError(api.workspace.create({ name: "x", slug: "Not A Slug!", side: "it" }));
    expect(bad.code).toBe("BAD_REQUEST");
  });

  it("creates exactly one workspace when two users race for the same address", async () => {
    const [a, b] = await Promise.all([callerFor(t.db, auth, ann), callerFor(t.db, auth, ben)]);
    const results = await Promise.allSettled([
      a.workspace.create({ name: "Race", slug: "race", side: "it" }),
      b.workspace.create({ name: "Race", slug: "race", side: "it" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason.code).toBe("CONFLICT");
  });

  it("answers a signed-out caller with UNAUTHORIZED and a non-member with NOT_FOUND", async () => {
    const anon = await callerFor(t.db, auth);
    expect(await anon.session.me()).toBeNull();
    expect(await errorCode(anon.workspace.list())).toBe("UNAUTHORIZED");
    const api = await callerFor(t.db, auth, ben);
    expect(await errorCode(api.workspace.get({ workspaceSlug: "globex" }))).toBe("NOT_FOUND");
    expect(await errorCode(api.workspace.get({ workspaceSlug: "does-not-exist" }))).toBe("NOT_FOUND");
  });
});
