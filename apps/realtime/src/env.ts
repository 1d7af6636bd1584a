import { authEnv } from "@tandem/auth/env";

import { parseRealtimeEnv } from "./config";

const result = parseRealtimeEnv(process.env);
if (!result.ok) {
  console.error(`[realtime] ${result.error}`);
  process.exit(1);
}
const parsed = result.config;

export const env = {
  port: parsed.REALTIME_PORT,
  databaseUrl: parsed.DATABASE_URL,
  redisUrl: parsed.REDIS_URL,
  logListen: parsed.REALTIME_LOG_LISTEN === "on",
  internalSecret: parsed.REALTIME_INTERNAL_SECRET,
  webOrigins: parsed.WEB_ORIGINS,
  rateLimit: parsed.RATE_LIMIT === "on",
  metricsToken: parsed.METRICS_TOKEN,
  rateLimitPoints: parsed.RATE_LIMIT_POINTS,
  auth: authEnv,
};
