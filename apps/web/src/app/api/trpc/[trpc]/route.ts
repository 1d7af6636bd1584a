import { appRouter, createTRPCContext, retryAfterMeta } from "@tandem/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { env } from "~/env";
import { getAuth } from "~/server/auth";
import { getDb } from "~/server/db";
import { guarded } from "~/server/guard";
import { getRateLimits } from "~/server/rate-limits";
import { getRealtimeNotifier } from "~/server/realtime";
import { getLogSigner } from "~/server/signer";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () =>
      createTRPCContext({
        headers: req.headers,
        db: getDb(),
        auth: getAuth(),
        realtime: getRealtimeNotifier(),
        signer: getLogSigner(),
        limits: getRateLimits(),
      }),
    responseMeta: retryAfterMeta,
    onError: ({ path, error }) => {
      // Expected refusals are logged by the API itself; only surprises go to the server log.
      if (error.code === "INTERNAL_SERVER_ERROR" || env().NODE_ENV === "development") {
        console.error(`[trpc] ${path ?? "<no-path>"}: ${error.message}`);
      }
    },
  });
}

const guardedHandler = guarded(handler);
export { guardedHandler as GET, guardedHandler as POST };
