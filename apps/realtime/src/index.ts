import { createServer } from "node:http";

import { createRateLimits, parseLimitOverrides } from "@tandem/api/rate-limit";
import { createAuth } from "@tandem/auth";
import { createDb } from "@tandem/db";

import { env } from "./env";
import { createRealtimeServer } from "./server";
import { failure, log } from "./log";

const { db, close: closeDb } = createDb(env.databaseUrl, { max: 4 });
const auth = createAuth({ db, ...env.auth });
const httpServer = createServer();
const realtime = createRealtimeServer(httpServer, {
  db,
  auth,
  allowedOrigins: [env.auth.baseURL, ...env.webOrigins],
  internalSecret: env.internalSecret,
  redisUrl: env.redisUrl,
  logListenUrl: env.logListen ? env.databaseUrl : undefined,
  metricsToken: env.metricsToken,
  limits: env.rateLimit ? createRateLimits(db, parseLimitOverrides(env.rateLimitPoints)) : undefined,
});

httpServer.on("error", (err) => {
  log.fatal({ port: env.port, ...failure(err) }, "cannot listen");
  process.exit(1);
});

realtime.ready.then(
  () => {
    httpServer.listen(env.port, "0.0.0.0", () => log.info({ port: env.port }, `listening on :${env.port}`));
  },
  () => {
    log.fatal("could not start: Redis is unreachable at REDIS_URL");
    process.exit(1);
  },
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "closing");
  // A stuck client or Redis must not keep the process alive past the orchestrator's grace period.
  setTimeout(() => process.exit(1), 10_000).unref();
  await realtime.close();
  await closeDb();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
