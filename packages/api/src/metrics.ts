import { createHash, timingSafeEqual } from "node:crypto";

import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

/**
 * The web process's Prometheus metrics (docs/operations.md lists them): one registry per process,
 * kept on globalThis so every route module of the Next.js server adds to the same one.
 */
function create() {
  const registry = new Registry();
  registry.setDefaultLabels({ service: "web" });
  collectDefaultMetrics({ register: registry, prefix: "tandem_web_" });
  return {
    registry,
    procedureDuration: new Histogram({
      name: "tandem_api_procedure_duration_seconds",
      help: "Time to answer one tRPC procedure, by procedure, type and outcome (ok or the tRPC error code).",
      labelNames: ["procedure", "type", "outcome"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    procedureErrors: new Counter({
      name: "tandem_api_procedure_errors_total",
      help: "Procedures that failed on the server's side (INTERNAL_SERVER_ERROR), by procedure.",
      labelNames: ["procedure"] as const,
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: "tandem_rate_limited_total",
      help: "Requests refused by a rate limit, by limit.",
      labelNames: ["limit"] as const,
      registers: [registry],
    }),
  };
}

const cache = globalThis as unknown as { tandemApiMetrics?: ReturnType<typeof create> };

export function apiMetrics() {
  cache.tandemApiMetrics ??= create();
  return cache.tandemApiMetrics;
}

/** Whether a scrape may read the metrics: only with METRICS_TOKEN as its bearer token; none at all without one set. */
export function metricsAllowed(authorization: string | null | undefined, token: string | undefined) {
  if (!token || typeof authorization !== "string") return false;
  // Hashed first: equal lengths, so the comparison tells nothing about the token.
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(authorization), digest(`Bearer ${token}`));
}
