import type { Executor } from "@tandem/db";
import { computeMetric, getKpiRow, kpiProjects, listFeed, listProjectHealth, listWidgets, taskBurnUp } from "@tandem/db/queries";
import type { DashboardWidget, Kpi } from "@tandem/db/schema";
import { METRICS_META, isMetricId } from "@tandem/domain/metrics";
import { periodStart, shiftPeriod, sidesDisagree } from "@tandem/domain/rules";
import { SIDE_LABELS, WORKING_SIDES } from "@tandem/domain/sides";

import { entryLine } from "./feed-format";
import { kpiSeries } from "./kpi-series";

interface Scope {
  workspaceId: string;
  timeZone: string;
  from: string;
  to: string;
}

const kpiHead = (k: Kpi) => ({
  id: k.id,
  name: k.name,
  unit: k.unit,
  currency: k.currency,
  direction: k.direction,
  target: k.target,
  atRisk: k.atRisk,
  cadence: k.cadence,
  owner: k.owner,
  source: k.source,
  retired: k.retiredAt !== null,
  agreed: k.agreedAt !== null,
});

/** A KPI split by side or by linked project: only a computed KPI can be recomputed per group. */
async function kpiSplit(db: Executor, scope: Scope, k: Kpi, by: "side" | "project") {
  const metric = k.formula?.metric;
  if (k.source !== "computed" || !metric || !isMetricId(metric))
    return { groups: [], note: "Only a KPI computed from the work can be split by side or project." };
  if (by === "side" && !METRICS_META[metric].bySide) return { groups: [], note: `${METRICS_META[metric].name} belongs to projects, not sides.` };
  const groups =
    by === "side"
      ? WORKING_SIDES.map((side) => ({ key: side, label: SIDE_LABELS[side], side, projectId: k.formula?.projectId ?? null }))
      : (await kpiProjects(db, k.id)).map((p) => ({ key: p.id, label: p.name, side: k.formula?.side ?? null, projectId: p.id }));
  const out = await Promise.all(
    groups.map(async (g) => {
      const rows = await computeMetric(db, metric, {
        workspaceId: scope.workspaceId,
        timeZone: scope.timeZone,
        cadence: k.cadence,
        from: scope.from,
        to: scope.to,
        side: g.side,
        projectId: g.projectId,
      });
      const last = rows.filter((r) => r.value !== null).at(-1);
      return { key: g.key, label: g.label, value: last?.value ?? null, periodStart: last?.periodStart ?? null };
    }),
  );
  return { groups: out, note: by === "project" && out.length === 0 ? "Link projects to this KPI to compare them." : null };
}

async function widgetData(db: Executor, scope: Scope, w: DashboardWidget) {
  const c = w.config as Record<string, unknown>;
  switch (w.kind) {
    case "kpi_tile":
    case "kpi_line": {
      const k = await getKpiRow(db, { workspaceId: scope.workspaceId, kpiId: String(c.kpiId) });
      if (!k) return { kind: w.kind, missing: true as const };
      // A tile compares with the period before the range's last, so it always reads at least two
      // periods (the range's ends compared, not every period between them listed).
      const from =
        w.kind === "kpi_tile" && periodStart(scope.from, k.cadence) >= periodStart(scope.to, k.cadence) ? shiftPeriod(scope.to, k.cadence, -1) : scope.from;
      const series = await kpiSeries(db, { timeZone: scope.timeZone, kpi: k, from, to: scope.to });
      return w.kind === "kpi_tile" ? { kind: "kpi_tile" as const, kpi: kpiHead(k), series } : { kind: "kpi_line" as const, kpi: kpiHead(k), series };
    }
    case "kpi_bar": {
      const k = await getKpiRow(db, { workspaceId: scope.workspaceId, kpiId: String(c.kpiId) });
      if (!k) return { kind: w.kind, missing: true as const };
      return { kind: w.kind, kpi: kpiHead(k), split: await kpiSplit(db, scope, k, c.by === "project" ? "project" : "side") };
    }
    case "health_matrix": {
      const rows = await listProjectHealth(db, { workspaceId: scope.workspaceId });
      return {
        kind: w.kind,
        projects: rows.map((r) => ({ id: r.project.id, name: r.project.name, phase: r.project.phase, sides: r.sides, disagree: sidesDisagree(r.sides) })),
      };
    }
    case "burn_up": {
      const weeks = await taskBurnUp(db, {
        workspaceId: scope.workspaceId,
        timeZone: scope.timeZone,
        from: scope.from,
        to: scope.to,
        projectId: (c.projectId as string | null) ?? null,
      });
      return { kind: w.kind, weeks };
    }
    case "feed_strip": {
      const rows = await listFeed(db, { workspaceId: scope.workspaceId, limit: Number(c.limit ?? 8) });
      return { kind: w.kind, items: rows.map((r) => ({ seq: r.seq, at: r.createdAt.toISOString(), ...entryLine(r) })) };
    }
  }
}

/** Every widget of a dashboard with its data over the range, in one round: what a dashboard page (or a wall screen) reads. */
export async function dashboardData(db: Executor, scope: Scope & { dashboardId: string }) {
  const widgets = await listWidgets(db, { dashboardId: scope.dashboardId });
  return Promise.all(widgets.map(async (w) => ({ widgetId: w.id, data: await widgetData(db, scope, w) })));
}
