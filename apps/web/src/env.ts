import { z } from "zod";

// The only place the web app reads process.env. Parsed on first use, not at import, so
// `next build` (which has no database) can load route modules without these being set.
const schema = z.object({
  DATABASE_URL: z.string().url(),
  /** Where this server reaches the realtime node (internal address). */
  REALTIME_URL: z.string().url().default("http://127.0.0.1:3001"),
  /** Shared with the realtime server; unset means its development default (apps/realtime/src/env.ts). */
  REALTIME_INTERNAL_SECRET: z.string().min(1).optional(),
  /** Port browsers use for realtime on the page's own host when no public URL is set. */
  REALTIME_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  /** Public realtime address for browsers, e.g. https://rt.example.com behind a proxy. */
  REALTIME_PUBLIC_URL: z.string().url().optional(),
  /** Ed25519 private key (PKCS#8 PEM) that signs log checkpoints; scripts/start.mjs generates one per data directory. */
  TANDEM_LOG_SIGNING_KEY: z.string().min(1).optional(),
  /** Rate limits on changes, invite links, Atom reads and sign-ups (packages/api/src/rate-limit.ts); "off" only for load rigs. */
  RATE_LIMIT: z.enum(["on", "off"]).default("on"),
  /** Allowances other than the defaults, e.g. "signUp=200" where many people share one address. */
  RATE_LIMIT_POINTS: z.string().optional(),
  /** Bearer token a Prometheus scrape of /api/metrics must send; metrics are off without one. */
  METRICS_TOKEN: z.string().min(16).optional(),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
});

export type Env = z.infer<typeof schema>;

let parsed: Env | undefined;

export function env(): Env {
  parsed ??= schema.parse(process.env);
  return parsed;
}

/** What the browser needs to find the realtime server; read at request time, never baked into the build. */
export function realtimeClientConfig() {
  const { REALTIME_PUBLIC_URL, REALTIME_PORT } = env();
  return { url: REALTIME_PUBLIC_URL ?? null, port: REALTIME_PORT };
}
