import { toNextJsHandler } from "better-auth/next-js";

import { getAuth } from "~/server/auth";

// Built on first request, not at import: `next build` loads this module without a database.
const handler = () => toNextJsHandler(getAuth());

export const GET = (req: Request) => handler().GET(req);
export const POST = (req: Request) => handler().POST(req);
