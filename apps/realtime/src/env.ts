import { authEnv } from "@tandem/auth/env";
import { z } from "zod";

const DEV_INTERNAL_SECRET = "tandem-dev-internal-secret-change-me";

const commaList = z
  .string()
  .default("")
  .transform((s) => s.split(",").map((v) => v.trim()).filter(Boolean))
  .pipe(z.array(z.string().url()));

// PORT belongs to the web app; the realtime server listens on its own variable.
const schema = z.object({
  REALTIME_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  DATABASE_URL: z.string({ error: "is required: the realtime server reads sessions and members from it" }).min(1),
  REDIS_URL: z.string().url().optional(),
  REALTIME_INTERNAL_SECRET: z.string().min(16).default(DEV_INTERNAL_SECRET),
  WEB_ORIGINS: commaList,
  /** "off" for embedded PGlite, whose socket server cannot deliver NOTIFY between connections. */
  REALTIME_LOG_LISTEN: z.enum(["on", "off"]).default("on"),
  NODE_ENV: z.string().default("development"),
});

const result = schema.safeParse(process.env);
if (!result.success) {
  console.error(`[realtime] invalid environment:\n${z.prettifyError(result.error)}`);
  process.exit(1);
}
const parsed = result.data;
if (parsed.NODE_ENV === "production" && parsed.REALTIME_INTERNAL_SECRET === DEV_INTERNAL_SECRET && !process.env.CI) {
  console.warn("[realtime] REALTIME_INTERNAL_SECRET is the development default: set a secret of your own in production.");
}

export const env = {
  port: parsed.REALTIME_PORT,
  databaseUrl: parsed.DATABASE_URL,
  redisUrl: parsed.REDIS_URL,
  logListen: parsed.REALTIME_LOG_LISTEN === "on",
  internalSecret: parsed.REALTIME_INTERNAL_SECRET,
  webOrigins: parsed.WEB_ORIGINS,
  auth: authEnv,
};
