"use client";

import { formatKpiValue, kpiState, KPI_STATE_LABELS } from "@tandem/domain/kpi";
import { SIDE_LABELS } from "@tandem/domain/sides";
import { useQuery } from "@tanstack/react-query";

import { useTRPC } from "~/trpc/react";

import type { DataOf } from "../types";
import { ChartFrame } from "./chart-frame";
import { SplitBarChart } from "./lazy-charts";

/** A computed KPI's latest value per side or per linked project. */
export function KpiBar({ slug, data }: { slug: string; data: DataOf<"kpi_bar"> }) {
  const trpc = useTRPC();
  const projects = useQuery(trpc.project.list.queryOptions({ workspaceSlug: slug, filter: {} })).data ?? [];
  const { kpi, split } = data;
  const label = (key: string) =>
    key in SIDE_LABELS ? SIDE_LABELS[key as keyof typeof SIDE_LABELS] : (projects.find((p) => p.project.id === key)?.project.name ?? "Project");
  const groups = split.groups.map((g) => ({ label: label(g.key), value: g.value, state: g.value === null ? null : kpiState(g.value, kpi) }));
  if (split.note || groups.length === 0) {
    return (
      <div className="grid gap-1">
        <h2 className="text-sm font-medium">{kpi.name}</h2>
        <p className="text-sm text-muted-foreground">{split.note ?? "Nothing to compare yet."}</p>
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
