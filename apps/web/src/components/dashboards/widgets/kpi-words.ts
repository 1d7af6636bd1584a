import { formatKpiValue, KPI_STATE_LABELS } from "@tandem/domain/kpi";
import { periodLabel } from "@tandem/domain/rules";

import type { KpiHead, SeriesPoint } from "../types";

/** The last period with a value, and the one with a value before it. */
export function lastTwo(series: SeriesPoint[]) {
  const valued = series.filter((p) => p.value !== null);
  return { last: valued.at(-1) ?? null, prev: valued.at(-2) ?? null };
}

/** "▲ 0.3 % on the period before", better or worse by the KPI's direction; null without two values. */
export function trendOf(kpi: KpiHead, value: number | null, before: number | null, against = "the period before") {
  if (value === null || before === null) return null;
  if (value === before) return { text: `no change on ${against}`, better: null as boolean | null };
  const up = value > before;
  return { text: `${up ? "▲" : "▼"} ${formatKpiValue(Math.abs(value - before), kpi)} on ${against}`, better: up === (kpi.direction === "higher") };
}

/** One sentence a screen reader (or a reader without the chart) gets instead of the line. */
export function seriesSummary(kpi: KpiHead, series: SeriesPoint[]) {
  const { last } = lastTwo(series);
  const valued = series.filter((p) => p.value !== null);
  if (!last || last.value === null) return `${kpi.name}: no values in this range.`;
  const values = valued.map((p) => p.value as number);
  const off = valued.filter((p) => p.state === "off").length;
  return (
    `${kpi.name}, ${valued.length} of ${series.length} periods with a value: ${formatKpiValue(last.value, kpi)} in ${periodLabel(last.periodStart, kpi.cadence)}` +
    `${last.state ? `, ${KPI_STATE_LABELS[last.state].toLowerCase()}` : ""} (target ${formatKpiValue(kpi.target, kpi)}). ` +
    `Lowest ${formatKpiValue(Math.min(...values), kpi)}, highest ${formatKpiValue(Math.max(...values), kpi)}; ${off === 0 ? "never off target" : `off target in ${off}`}.`
  );
}
