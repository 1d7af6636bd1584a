import { z } from "zod";

/** The internal secret's development default; production refuses to run on it. */
export const DEV_INTERNAL_SECRET = "tandem-dev-internal-secret-change-me";

const commaList = z
  .string()
  .default("")
  .transform((s) =>
    s
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean),
  )
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
  /** Connection rate limits (shared with the web app's, packages/api/src/rate-limit.ts); "off" only for load rigs. */
  RATE_LIMIT: z.enum(["on", "off"]).default("on"),
  /** Allowances other than the defaults, e.g. "socketConnectByIp=5000". */
  RATE_LIMIT_POINTS: z.string().optional(),
  /** Bearer token a Prometheus scrape of /metrics must send; metrics are off without one. */
  METRICS_TOKEN: z.string().min(16).optional(),
  NODE_ENV: z.string().default("development"),
});

export type RealtimeConfig = z.output<typeof schema>;

/**
 * The realtime server's settings from an environment, or why it must not start: a malformed
 * variable, or production running on the development internal secret (anyone who has read the
 * source could then poke its internal endpoint).
 */
export function parseRealtimeEnv(source: Record<string, string | undefined>): { ok: true; config: RealtimeConfig } | { ok: false; error: string } {
  const result = schema.safeParse(source);
  if (!result.success) return { ok: false, error: `invalid environment:\n${z.prettifyError(result.error)}` };
  const config = result.data;
  if (config.NODE_ENV === "production" && config.REALTIME_INTERNAL_SECRET === DEV_INTERNAL_SECRET) {
    return {
      ok: false,
      error:
        "REALTIME_INTERNAL_SECRET is unset (or the development default) with NODE_ENV=production: set a secret of your own, shared with the web app, e.g. `openssl rand -hex 32`.",
    };
  }
  return { ok: true, config };
}
