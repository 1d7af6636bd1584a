import type { LogEntryPayload } from "@tandem/realtime-contract";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

import type { RealtimeIo } from "./types";

/**
 * One realtime node's Prometheus metrics (docs/operations.md lists them). A registry per node, so
 * tests that run several nodes in one process count each apart.
 */
export function createRealtimeMetrics(io: RealtimeIo, { defaults = true }: { defaults?: boolean } = {}) {
  const registry = new Registry();
  registry.setDefaultLabels({ service: "realtime" });
  if (defaults) collectDefaultMetrics({ register: registry, prefix: "tandem_realtime_" });
  new Gauge({
    name: "tandem_realtime_sockets",
    help: "Sockets connected to this node now.",
    registers: [registry],
    collect() {
      this.set(io.of("/").sockets.size);
    },
  });
  const deliveryLag = new Histogram({
    name: "tandem_realtime_delivery_lag_seconds",
    help: "From a log entry's commit (its created_at) to this node emitting it to its sockets.",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const emitted = new Counter({ name: "tandem_realtime_entries_emitted_total", help: "Log entries this node emitted to its sockets.", registers: [registry] });
  const headSeq = new Gauge({
    name: "tandem_realtime_log_head_seq",
    help: "The last log seq this node emitted, per workspace.",
    labelNames: ["workspace"] as const,
    registers: [registry],
  });
  const pokes = new Counter({
    name: "tandem_realtime_pokes_total",
    help: "Pokes from the web app, by reason.",
    labelNames: ["reason"] as const,
    registers: [registry],
  });
  const refusedConnections = new Counter({
    name: "tandem_realtime_connections_refused_total",
    help: "Handshakes refused, by code (UNAUTHORIZED, RATE_LIMITED, UNAVAILABLE).",
    labelNames: ["code"] as const,
    registers: [registry],
  });

  return {
    registry,
    /** What the log tailer emitted, and when. */
    emitted(workspaceId: string, entries: LogEntryPayload[], now = Date.now()) {
      for (const e of entries) deliveryLag.observe(Math.max(0, now - Date.parse(e.createdAt)) / 1000);
      emitted.inc(entries.length);
      const last = entries.at(-1);
      if (last) headSeq.set({ workspace: workspaceId }, last.seq);
    },
    poked: (reason: string) => pokes.inc({ reason }),
    refused: (code: string) => refusedConnections.inc({ code }),
  };
}

export type RealtimeMetrics = ReturnType<typeof createRealtimeMetrics>;
