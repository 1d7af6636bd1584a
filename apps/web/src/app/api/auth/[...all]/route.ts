import { toNextJsHandler } from "better-auth/next-js";

import { getAuth } from "~/server/auth";
import { guarded } from "~/server/guard";

/** Sign-in and sign-up take a few short fields. */
const AUTH_BODY_MAX_BYTES = 64 * 1024;

// Built on first request, not at import: `next build` loads this module without a database.
const handler = () => toNextJsHandler(getAuth());

export const GET = guarded((req) => handler().GET(req), AUTH_BODY_MAX_BYTES);
export const POST = guarded((req) => handler().POST(req), AUTH_BODY_MAX_BYTES);
