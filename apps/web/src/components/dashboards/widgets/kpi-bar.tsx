"use client";

import { formatKpiValue, kpiState, KPI_STATE_LABELS } from "@tandem/domain/kpi";

import type { DataOf } from "../types";
import { ChartFrame } from "./chart-frame";
import { SplitBarChart } from "./lazy-charts";

/** A computed KPI's latest value per side or per linked project, each group named by the server (a linked project as it is named now). */
export function KpiBar({ data }: { data: DataOf<"kpi_bar"> }) {
  const { kpi, split } = data;
  const groups = split.groups.map((g) => ({ label: g.label, value: g.value, state: g.value === null ? null : kpiState(g.value, kpi) }));
  const empty = split.note ?? (groups.length === 0 ? "Nothing to compare yet." : groups.every((g) => g.value === null) ? "No values yet for any group." : null);
  if (empty) {
    return (
      <div className="grid gap-1" data-testid="kpi-bar-empty">
        <h2 className="text-sm font-medium">{kpi.name}</h2>
        <p className="text-sm text-muted-foreground">{empty}</p>
      </div>
    );
  }
  const summary = `${kpi.name} by ${groups.length} groups: ${groups.map((g) => `${g.label} ${g.value === null ? "no value" : formatKpiValue(g.value, kpi)}`).join(", ")} (target ${formatKpiValue(kpi.target, kpi)}).`;
  return (
    <ChartFrame
      title={kpi.name}
      summary={summary}
      table={{
        caption: summary,
        head: ["Group", "Value", "State"],
        rows: groups.map((g) => [g.label, g.value === null ? "—" : formatKpiValue(g.value, kpi), g.state ? KPI_STATE_LABELS[g.state] : "—"]),
      }}
    >
      <SplitBarChart kpi={kpi} groups={groups} />
    </ChartFrame>
  );
}
