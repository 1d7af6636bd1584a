import { appRouter, createTRPCContext } from "@tandem/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { env } from "~/env";
import { getAuth } from "~/server/auth";
import { getDb } from "~/server/db";
import { guarded } from "~/server/guard";
import { getRealtimeNotifier } from "~/server/realtime";
import { getLogSigner } from "~/server/signer";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createTRPCContext({ headers: req.headers, db: getDb(), auth: getAuth(), realtime: getRealtimeNotifier(), signer: getLogSigner() }),
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
