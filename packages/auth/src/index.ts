import type { Database } from "@tandem/db";
import { schema } from "@tandem/db";
import { betterAuth } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { drizzleAdapter } from "better-auth/adapters/drizzle";

import { hashPassword, verifyPassword } from "./password";
import { PASSWORD_MAX, PASSWORD_MIN, passwordWeakness } from "./password-policy";

export interface AuthOptions {
  db: Database;
  secret: string;
  /** The web app's public URL, e.g. http://localhost:3000. */
  baseURL: string;
  /** Extra origins allowed to post to the auth routes. */
  trustedOrigins?: string[];
  /** better-auth's per-IP rate limit; off only for test rigs that sign in many times a second. */
  rateLimit?: boolean;
}

export const SESSION_COOKIE_PREFIX = "tandem";

export function createAuth({ db, secret, baseURL, trustedOrigins = [], rateLimit = true }: AuthOptions) {
  return betterAuth({
    appName: "Tandem",
    secret,
    baseURL,
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user: schema.user, session: schema.session, account: schema.account, verification: schema.verification },
    }),
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    // Same-origin requests are always allowed: the app may be opened by LAN address from a phone.
    trustedOrigins: (request) => {
      const host = request?.headers.get("host");
      return [baseURL, ...trustedOrigins, ...(host ? [`http://${host}`, `https://${host}`] : [])];
    },
    rateLimit: { enabled: rateLimit, window: 60, max: 100 },
    advanced: { cookiePrefix: SESSION_COOKIE_PREFIX, useSecureCookies: baseURL.startsWith("https://") },
    telemetry: { enabled: false },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-up/email") return;
        const body = ctx.body as { password?: unknown; email?: unknown } | undefined;
        if (typeof body?.password !== "string") return;
        const weakness = passwordWeakness(body.password, typeof body.email === "string" ? body.email : undefined);
        if (weakness) throw new APIError("BAD_REQUEST", { message: weakness, code: "WEAK_PASSWORD" });
      }),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
export type Session = NonNullable<Awaited<ReturnType<Auth["api"]["getSession"]>>>;
export { passwordWeakness, signInSchema, signUpSchema, PASSWORD_MIN, PASSWORD_MAX } from "./password-policy";
