import { apiMetrics, metricsAllowed } from "@tandem/api/metrics";

import { env } from "~/env";

export const dynamic = "force-dynamic";

/** Prometheus metrics of this web process, for a scrape that brings METRICS_TOKEN. */
export async function GET(request: Request) {
  const token = env().METRICS_TOKEN;
  if (!token) return new Response("Metrics are off: set METRICS_TOKEN to turn them on.\n", { status: 404 });
  if (!metricsAllowed(request.headers.get("authorization"), token))
    return new Response("Unauthorized\n", { status: 401, headers: { "www-authenticate": "Bearer" } });
  const { registry } = apiMetrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}
