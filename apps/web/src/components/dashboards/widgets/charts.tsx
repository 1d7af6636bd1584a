"use client";

// Everything drawn with Recharts, in one module the widgets load lazily (next/dynamic), so a
// dashboard's first paint doesn't wait for the chart library.
import { formatKpiValue } from "@tandem/domain/kpi";
import { periodKey } from "@tandem/domain/rules";
import { ChartContainer, ChartTooltip, ChartTooltipContent, type ChartConfig } from "@tandem/ui/chart";
import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, ReferenceArea, ReferenceLine, XAxis, YAxis } from "recharts";

import { KPI_STATE_STYLES } from "~/lib/kpi-states";

import type { DataOf, KpiHead, SeriesPoint } from "../types";

const lineConfig = {
  value: { label: "Value", color: "var(--primary)" },
  previous: { label: "Previous range", color: "var(--muted-foreground)" },
} satisfies ChartConfig;

/** A KPI over the range: its line, the target, the at-risk band, points coloured by state; optionally the previous range dashed. */
export function KpiLineChart({
  kpi,
  series,
  previous,
  className,
}: {
  kpi: KpiHead;
  series: SeriesPoint[];
  previous?: SeriesPoint[] | null;
  className?: string;
}) {
  const data = series.map((p, i) => ({
    period: periodKey(p.periodStart, kpi.cadence),
    value: p.value,
    state: p.state,
    previous: previous?.[i]?.value ?? null,
  }));
  const values = [...series, ...(previous ?? [])].map((p) => p.value).filter((v): v is number => v !== null);
  const lo = Math.min(kpi.target, kpi.atRisk, ...values);
  const hi = Math.max(kpi.target, kpi.atRisk, ...values);
  const pad = (hi - lo) * 0.1 || Math.abs(hi) * 0.05 || 1;
  const fmt = (v: number) => formatKpiValue(v, kpi);
  return (
    <ChartContainer config={lineConfig} className={className ?? "aspect-auto h-48 w-full"}>
      <LineChart data={data} margin={{ left: 4, right: 12, top: 8, bottom: 0 }} accessibilityLayer>
        <CartesianGrid vertical={false} />
        <XAxis dataKey="period" tickLine={false} axisLine={false} minTickGap={24} />
        <YAxis domain={[lo - pad, hi + pad]} tickLine={false} axisLine={false} width={56} tickFormatter={fmt} />
        {/* The at-risk band: between the threshold and the target. */}
        <ReferenceArea
          y1={Math.min(kpi.atRisk, kpi.target)}
          y2={Math.max(kpi.atRisk, kpi.target)}
          fill="var(--warning)"
          fillOpacity={0.12}
          ifOverflow="extendDomain"
        />
        <ReferenceLine
          y={kpi.target}
          stroke="var(--success-ink)"
          strokeDasharray="4 4"
          label={{ value: `Target ${fmt(kpi.target)}`, position: "insideTopRight", fontSize: 11 }}
        />
        <ChartTooltip content={<ChartTooltipContent formatter={(v) => fmt(Number(v))} />} />
        {previous ? <Line dataKey="previous" stroke="var(--color-previous)" strokeDasharray="3 3" dot={false} isAnimationActive={false} connectNulls /> : null}
        <Line
          dataKey="value"
          stroke="var(--color-value)"
          strokeWidth={2}
          connectNulls
          isAnimationActive={false}
          dot={({ cx, cy, payload, index }) =>
            payload.state ? (
              <circle key={index} cx={cx} cy={cy} r={3.5} fill={KPI_STATE_STYLES[payload.state as keyof typeof KPI_STATE_STYLES].stroke} stroke="var(--card)" />
            ) : (
              <g key={index} />
            )
          }
        />
      </LineChart>
    </ChartContainer>
  );
}

const burnConfig = {
  scope: { label: "All tasks", color: "var(--muted-foreground)" },
  done: { label: "Done", color: "var(--success)" },
} satisfies ChartConfig;

/** Task burn-up: tasks in scope and tasks done, week by week. */
export function BurnUpChart({ weeks }: { weeks: DataOf<"burn_up">["weeks"] }) {
  return (
    <ChartContainer config={burnConfig} className="aspect-auto h-48 w-full">
      <LineChart data={weeks.map((w) => ({ ...w, week: periodKey(w.weekStart, "weekly") }))} margin={{ left: 4, right: 12, top: 8 }} accessibilityLayer>
        <CartesianGrid vertical={false} />
        <XAxis dataKey="week" tickLine={false} axisLine={false} minTickGap={24} />
        <YAxis tickLine={false} axisLine={false} width={40} allowDecimals={false} />
        <ChartTooltip content={<ChartTooltipContent />} />
        <Line dataKey="scope" stroke="var(--color-scope)" strokeDasharray="4 4" dot={false} isAnimationActive={false} />
        <Line dataKey="done" stroke="var(--color-done)" strokeWidth={2} dot={false} isAnimationActive={false} />
      </LineChart>
    </ChartContainer>
  );
}

/** A KPI's latest value per side or per project, bars coloured by state. */
export function SplitBarChart({
  kpi,
  groups,
}: {
  kpi: KpiHead;
  groups: { label: string; value: number | null; state: keyof typeof KPI_STATE_STYLES | null }[];
}) {
  return (
    <ChartContainer config={{ value: { label: kpi.name, color: "var(--primary)" } }} className="aspect-auto h-48 w-full">
      <BarChart data={groups} margin={{ left: 4, right: 12, top: 8 }} accessibilityLayer>
        <CartesianGrid vertical={false} />
        <XAxis dataKey="label" tickLine={false} axisLine={false} />
        <YAxis tickLine={false} axisLine={false} width={56} tickFormatter={(v: number) => formatKpiValue(v, kpi)} />
        <ReferenceLine y={kpi.target} stroke="var(--success-ink)" strokeDasharray="4 4" />
        <ChartTooltip content={<ChartTooltipContent formatter={(v) => formatKpiValue(Number(v), kpi)} />} />
        <Bar dataKey="value" radius={4} isAnimationActive={false}>
          {groups.map((g) => (
            <Cell key={g.label} fill={g.state ? KPI_STATE_STYLES[g.state].stroke : "var(--muted-foreground)"} />
          ))}
        </Bar>
      </BarChart>
    </ChartContainer>
  );
}
