import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Auth } from "@tandem/auth";

import { createTestAuth, signUpUser, TEST_PASSWORD } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";

describe.each(DB_KINDS)("auth against %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
  });
  afterAll(async () => t?.close());

  it("signs up, stores an argon2id hash, and resolves the session from the cookie", async () => {
    const u = await signUpUser(auth, { name: "Ada", email: "ada@example.com" });
    const session = await auth.api.getSession({ headers: u.headers });
    expect(session?.user.email).toBe("ada@example.com");
    const { rows } = await t.pool.query("select password from account where user_id = $1", [u.userId]);
    expect(rows[0].password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("signs in with the right password and refuses a wrong one or an unknown email with the same message", async () => {
    await signUpUser(auth, { name: "Bo", email: "bo@example.com" });
    const ok = await auth.api.signInEmail({ body: { email: "bo@example.com", password: TEST_PASSWORD } });
    expect(ok.user.email).toBe("bo@example.com");
    const wrong = await auth.api.signInEmail({ body: { email: "bo@example.com", password: "not-the-password-1" } }).catch((e) => e);
    const unknown = await auth.api.signInEmail({ body: { email: "nobody@example.com", password: "not-the-password-1" } }).catch((e) => e);
    expect(wrong.status).toBe("UNAUTHORIZED");
    expect(unknown.status).toBe("UNAUTHORIZED");
    expect(wrong.message).toBe(unknown.message);
  });

  it("refuses weak passwords with a reason and a duplicate sign-up", async () => {
    const weak = await auth.api.signUpEmail({ body: { name: "C", email: "c@example.com", password: "password123" } }).catch((e) => e);
    expect(weak.status).toBe("BAD_REQUEST");
    expect(weak.message).toMatch(/too common/);
    const short = await auth.api.signUpEmail({ body: { name: "C", email: "c@example.com", password: "abc12" } }).catch((e) => e);
    expect(short.status).toBe("BAD_REQUEST");
    await signUpUser(auth, { name: "Dup", email: "dup@example.com" });
    const dup = await auth.api.signUpEmail({ body: { name: "Dup", email: "dup@example.com", password: TEST_PASSWORD } }).catch((e) => e);
    expect(dup.status).toBeDefined();
    expect(dup.body?.code).toBe("USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL");
  });
});
