import { createCaller, createTRPCContext } from "@tandem/api";
import type { Auth } from "@tandem/auth";
import type { Database } from "@tandem/db";
import { TRPCError } from "@trpc/server";

import type { TestUser } from "./auth";

/**
 * A tRPC caller as the given user (or signed out), built exactly as the HTTP handler builds it:
 * each call is its own request, with a fresh context (what a context remembers lasts one request).
 */
export async function callerFor(db: Database, auth: Auth, user?: TestUser) {
  return createCaller(() => createTRPCContext({ headers: user?.headers ?? new Headers(), db, auth }));
}

/** Awaits a call that must fail and returns its tRPC error code. */
export async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return err.code;
    throw err;
  }
  throw new Error("expected the call to fail, it succeeded");
}

export async function trpcError(p: Promise<unknown>): Promise<TRPCError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return err;
    throw err;
  }
  throw new Error("expected the call to fail, it succeeded");
}
