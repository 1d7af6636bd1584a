import type { Executor } from "@tandem/db";
import { computeMetric, listKpiValues, projectIdsIn } from "@tandem/db/queries";
import type { Kpi, KpiFormula } from "@tandem/db/schema";
import { kpiState, type KpiState } from "@tandem/domain/kpi";
import { isMetricId } from "@tandem/domain/metrics";
import { periodEnd, periodKey, periodsBetween } from "@tandem/domain/rules";
import { TRPCError } from "@trpc/server";

/** At most this many periods in one series (five years of weeks). */
export const MAX_SERIES_PERIODS = 260;

/** A computed KPI's formula, checked: a metric of the registry, a project of this workspace. */
export async function checkFormula(db: Executor, workspaceId: string, formula: KpiFormula | null): Promise<KpiFormula> {
  if (!formula || !isMetricId(formula.metric)) throw new TRPCError({ code: "BAD_REQUEST", message: "Choose one of the metrics Tandem computes." });
  if (formula.projectId && (await projectIdsIn(db, { workspaceId, ids: [formula.projectId] })).length === 0) {
    throw new TRPCError({ code: "NOT_FOUND", message: "Project not found." });
  }
  return { metric: formula.metric, side: formula.side ?? null, projectId: formula.projectId ?? null };
}

export interface SeriesPoint {
  periodStart: string;
  period: string;
  value: number | null;
  state: KpiState | null;
  /** For entered values: the value this one corrected, who recorded it, under which version. */
  previous: number | null;
  recordedBy: string | null;
  note: string;
  kpiVersion: number | null;
  revision: number | null;
}

/**
 * A KPI's value for every period from the one holding `from` to the one holding `to`: its entered
 * (latest revision) or imported values, or for a computed KPI the metric over the work itself.
 */
export async function kpiSeries(db: Executor, { timeZone, kpi, from, to }: { timeZone: string; kpi: Kpi; from: string; to: string }): Promise<SeriesPoint[]> {
  const periods = periodsBetween(from, to, kpi.cadence);
  if (periods.length > MAX_SERIES_PERIODS)
    throw new TRPCError({ code: "BAD_REQUEST", message: `Choose a shorter range: at most ${MAX_SERIES_PERIODS} periods.` });
  const first = periods[0]!;
  const last = periods[periods.length - 1]!;
  const point = (periodStart: string, value: number | null): SeriesPoint => ({
    periodStart,
    period: periodKey(periodStart, kpi.cadence),
    value,
    state: value === null ? null : kpiState(value, kpi),
    previous: null,
    recordedBy: null,
    note: "",
    kpiVersion: null,
    revision: null,
  });
  if (kpi.source === "computed" && kpi.formula) {
    const rows = await computeMetric(db, kpi.formula.metric as Parameters<typeof computeMetric>[1], {
      workspaceId: kpi.workspaceId,
      timeZone,
      cadence: kpi.cadence,
      from: first,
      to: last,
      side: kpi.formula.side ?? null,
      projectId: kpi.formula.projectId ?? null,
    });
    const byPeriod = new Map(rows.map((r) => [r.periodStart, r.value]));
    return periods.map((p) => point(p, byPeriod.get(p) ?? null));
  }
  const values = await listKpiValues(db, { kpiId: kpi.id, from: first, to: periodEnd(last, kpi.cadence) });
  const byPeriod = new Map(values.map((v) => [v.periodStart, v]));
  return periods.map((p) => {
    const v = byPeriod.get(p);
    if (!v) return point(p, null);
    return { ...point(p, v.value), previous: v.previous, recordedBy: v.recordedBy, note: v.note, kpiVersion: v.kpiVersion, revision: v.revision };
  });
}
