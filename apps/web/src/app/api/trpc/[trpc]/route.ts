import { appRouter, createTRPCContext, retryAfterMeta } from "@tandem/api";
import { logger, REQUEST_ID_HEADER } from "@tandem/api/logger";
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
    // When to retry a rate-limited call, and the request's id for a report to quote.
    responseMeta: ({ ctx, errors }) => {
      const headers = new Headers(retryAfterMeta({ errors }).headers);
      if (ctx?.requestId) headers.set(REQUEST_ID_HEADER, ctx.requestId);
      return { headers };
    },
    onError: ({ path, error, ctx }) => {
      // Expected refusals are logged by the API itself; only surprises go to the server log.
      if (error.code === "INTERNAL_SERVER_ERROR" || env().NODE_ENV === "development") {
        (ctx?.log ?? logger).error({ path: path ?? null, code: error.code, err: error }, "procedure failed");
      }
    },
  });
}

const guardedHandler = guarded(handler);
export { guardedHandler as GET, guardedHandler as POST };
