import { createAuth, type Auth } from "@tandem/auth";
import type { Database } from "@tandem/db";

export const TEST_PASSWORD = "correct-horse-battery-9";
export const TEST_BASE_URL = "http://localhost:3000";

export function createTestAuth(db: Database): Auth {
  return createAuth({
    db,
    secret: "integration-test-secret-0123456789abcdef",
    baseURL: TEST_BASE_URL,
    rateLimit: false,
  });
}

export interface TestUser {
  userId: string;
  name: string;
  email: string;
  /** Request headers carrying the user's session cookie, as a browser would send them. */
  headers: Headers;
  cookie: string;
}

/** Signs a user up through better-auth itself and returns the session cookie it set. */
export async function signUpUser(auth: Auth, { name, email, password = TEST_PASSWORD }: { name: string; email: string; password?: string }): Promise<TestUser> {
  const res = await auth.api.signUpEmail({ body: { name, email, password }, returnHeaders: true });
  const setCookies = res.headers.getSetCookie();
  const cookie = setCookies.map((c) => c.split(";")[0]).join("; ");
  if (!cookie) throw new Error("sign-up set no session cookie");
  const headers = new Headers({ cookie, origin: TEST_BASE_URL });
  return { userId: res.response.user.id, name, email, headers, cookie };
}

/** A second session for an existing user: signs in through better-auth and returns its cookie. */
export async function signInUser(auth: Auth, email: string, password = TEST_PASSWORD): Promise<{ headers: Headers; cookie: string }> {
  const res = await auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (!cookie) throw new Error("sign-in set no session cookie");
  return { headers: new Headers({ cookie, origin: TEST_BASE_URL }), cookie };
}
