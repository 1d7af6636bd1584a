import type { RouterOutputs } from "@tandem/api";
import { type KpiCadence, KPI_OWNERS, KPI_STATUSES, type KpiState } from "@tandem/domain/kpi";
import { periodKey, periodStart, shiftPeriod } from "@tandem/domain/rules";
import { createLoader, type inferParserType, parseAsStringLiteral } from "nuqs/server";

export type KpiRow = RouterOutputs["kpi"]["list"][number];
export type KpiDetail = RouterOutputs["kpi"]["get"];
export type KpiPoint = RouterOutputs["kpi"]["series"][number];

/** A KPI's state uses the health colours: on target is on track, at risk is at risk, off is off track. */
export const KPI_STATE_STYLES: Record<KpiState, { dot: string; soft: string; ink: string; stroke: string }> = {
  on: { dot: "bg-success", soft: "bg-success-soft", ink: "text-success-ink", stroke: "var(--success-ink)" },
  at_risk: { dot: "bg-warning", soft: "bg-warning-soft", ink: "text-warning-ink", stroke: "var(--warning-ink)" },
  off: { dot: "bg-destructive", soft: "bg-destructive-soft", ink: "text-destructive", stroke: "var(--destructive)" },
};

/** The register's filters in the URL (`?owner=it&status=draft`); unknown values are dropped. */
export const kpiFilterParams = {
  owner: parseAsStringLiteral(KPI_OWNERS),
  status: parseAsStringLiteral(KPI_STATUSES),
};
export type KpiFilterParams = inferParserType<typeof kpiFilterParams>;
export const loadKpiFilterParams = createLoader(kpiFilterParams);

/** The register filtered in the browser: `kpi.list` is one small read of the whole register. */
export function filterKpis(rows: KpiRow[], f: KpiFilterParams): KpiRow[] {
  return rows.filter((r) => (!f.owner || r.owner === f.owner) && (!f.status || r.status === f.status));
}

/** Chart ranges: the last few periods, a quarter, a year, or two days picked. */
export const KPI_RANGES = ["4w", "quarter", "year", "custom"] as const;
export type KpiRange = (typeof KPI_RANGES)[number];
export const KPI_RANGE_LABELS: Record<KpiRange, string> = { "4w": "4 weeks", quarter: "Quarter", year: "Year", custom: "Custom" };

/** Enough periods to read a trend: a quarter of weeks, a year of months, two years of quarters. */
export function defaultRange(cadence: KpiCadence): KpiRange {
  return cadence === "weekly" ? "quarter" : "year";
}

/** The first and last day a range covers, ending with the period that holds today. */
export function rangeDays(range: Exclude<KpiRange, "custom">, cadence: KpiCadence, today: string): { from: string; to: string } {
  const weekStart = periodStart(today, "weekly");
  if (range === "4w") return { from: shiftPeriod(weekStart, "weekly", -3), to: today };
  if (range === "quarter") return { from: cadence === "weekly" ? shiftPeriod(weekStart, "weekly", -12) : shiftPeriod(today, "monthly", -3), to: today };
  return { from: cadence === "quarterly" ? shiftPeriod(periodStart(today, "quarterly"), "quarterly", -7) : shiftPeriod(today, "monthly", -12), to: today };
}

/** The current period's key, what the record form starts with. */
export function currentPeriodKey(today: string, cadence: KpiCadence): string {
  return periodKey(periodStart(today, cadence), cadence);
}

/** A lead or an admin of a working side: who signs, objects and retires. */
export function isSideLead(me: { role: string; side: string }): me is { role: "lead" | "admin"; side: "marketing" | "it" } {
  return (me.role === "lead" || me.role === "admin") && (me.side === "marketing" || me.side === "it");
}
