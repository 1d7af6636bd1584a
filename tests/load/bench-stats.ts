/** Percentiles and the results table of the realtime benchmark. */

export interface PhaseStats {
  label: string;
  p50: number;
  p99: number;
  max: number;
  deliveriesPerSec: number;
  delivered: number;
  expected: number;
  orderViolations: number;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/**
 * Latency of every delivery (receive − send) and the rate at which the deliveries were made:
 * all deliveries over the span from the first send to the last receipt.
 */
export function summarise(label: string, latencies: number[], firstSend: number, lastReceive: number, expected: number, orderViolations: number): PhaseStats {
  const sorted = Float64Array.from(latencies).sort();
  const spanSec = Math.max(1e-3, (lastReceive - firstSend) / 1000);
  return {
    label,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    deliveriesPerSec: latencies.length / spanSec,
    delivered: latencies.length,
    expected,
    orderViolations,
  };
}

const ms = (v: number) => v.toFixed(1);

export function table(rows: PhaseStats[]): string {
  const head = "| run | p50 ms | p99 ms | max ms | deliveries/s | delivered / expected | order violations |";
  const sep = "|---|---:|---:|---:|---:|---:|---:|";
  const body = rows.map(
    (r) =>
      `| ${r.label} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${Math.round(r.deliveriesPerSec).toLocaleString("en")} | ${r.delivered.toLocaleString("en")} / ${r.expected.toLocaleString("en")} | ${r.orderViolations} |`,
  );
  return [head, sep, ...body].join("\n");
}

export function ratios(tandem: PhaseStats, baseline: PhaseStats) {
  return {
    p99Ratio: tandem.p99 / baseline.p99,
    throughputRatio: tandem.deliveriesPerSec / baseline.deliveriesPerSec,
  };
}
