import { clientAddress } from "@tandem/api";
import { toNextJsHandler } from "better-auth/next-js";

import { getAuth } from "~/server/auth";
import { guarded } from "~/server/guard";
import { refusedByLimits } from "~/server/rate-limits";

/** Sign-in and sign-up take a few short fields. */
const AUTH_BODY_MAX_BYTES = 64 * 1024;

// Built on first request, not at import: `next build` loads this module without a database.
const handler = () => toNextJsHandler(getAuth());

export const GET = guarded((req) => handler().GET(req), AUTH_BODY_MAX_BYTES);
/** New accounts are limited per address; sign-in attempts by better-auth's own limiter. */
async function post(req: Request) {
  if (new URL(req.url).pathname.endsWith("/sign-up/email")) {
    const refused = await refusedByLimits("new accounts from this address", [["signUp", clientAddress(req.headers)]]);
    if (refused) return refused;
  }
  return handler().POST(req);
}

export const POST = guarded(post, AUTH_BODY_MAX_BYTES);
