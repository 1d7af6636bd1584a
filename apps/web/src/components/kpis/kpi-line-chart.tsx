"use client";

import { formatKpiValue, KPI_STATE_LABELS, type KpiUnit } from "@tandem/domain/kpi";
import { type ChartConfig, ChartContainer, ChartTooltip, ChartTooltipContent } from "@tandem/ui/chart";
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, XAxis, YAxis } from "recharts";

import { KPI_STATE_STYLES, type KpiPoint } from "~/lib/kpis";

import { KPI_CHART_HEIGHT } from "./kpi-chart-height";

export interface KpiChartProps {
  points: KpiPoint[];
  kpi: { unit: KpiUnit; currency: string | null; target: number; atRisk: number; direction: "higher" | "lower" };
}

const config = { value: { label: "Value", color: "var(--foreground)" } } satisfies ChartConfig;

/**
 * The value per period, the target as a dashed line and the at-risk band between the threshold
 * and the target, each point coloured by its state. Loaded on its own (recharts is large).
 */
export default function KpiLineChart({ points, kpi }: KpiChartProps) {
  const fmt = (v: number) => formatKpiValue(v, kpi);
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const lo = Math.min(kpi.target, kpi.atRisk, ...values);
  const hi = Math.max(kpi.target, kpi.atRisk, ...values);
  const pad = (hi - lo) * 0.15 || Math.abs(hi) * 0.1 || 1;
  const domain = [kpi.unit === "percent" ? Math.max(0, lo - pad) : lo - pad, kpi.unit === "percent" ? Math.min(100, hi + pad) : hi + pad];

  return (
    // Hidden from screen readers, who get the summary above it and "Show as table" instead; so it
    // must not take the keyboard's focus either (Recharts' accessibility layer would make it a tab stop).
    <ChartContainer config={config} className="aspect-auto w-full" style={{ height: KPI_CHART_HEIGHT }} aria-hidden>
      <LineChart data={points} margin={{ top: 12, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} />
        <XAxis dataKey="period" tickLine={false} axisLine={false} tickMargin={8} minTickGap={24} />
        <YAxis domain={domain} tickLine={false} axisLine={false} width={64} tickFormatter={(v: number) => fmt(v)} />
        <ReferenceArea y1={kpi.atRisk} y2={kpi.target} fill="var(--warning)" fillOpacity={0.12} ifOverflow="hidden" />
        <ReferenceLine
          y={kpi.target}
          stroke="var(--success-ink)"
          strokeDasharray="5 4"
          label={{ value: `Target ${fmt(kpi.target)}`, position: "insideTopRight", fill: "var(--success-ink)", fontSize: 11 }}
        />
        <ChartTooltip
          cursor={false}
          content={
            <ChartTooltipContent
              hideIndicator
              formatter={(value, _name, item) => {
                const p = item.payload as KpiPoint;
                return (
                  <span className="grid gap-0.5">
                    <span className="font-medium tabular-nums">{fmt(Number(value))}</span>
                    {p.state ? <span className="text-muted-foreground">{KPI_STATE_LABELS[p.state]}</span> : null}
                  </span>
                );
              }}
            />
          }
        />
        <Line
          dataKey="value"
          type="linear"
          stroke="var(--color-value)"
          strokeOpacity={0.55}
          strokeWidth={2}
          connectNulls={false}
          isAnimationActive={false}
          dot={(props: { cx?: number; cy?: number; payload?: KpiPoint; index?: number }) => {
            const state = props.payload?.state;
            if (!state || props.cx === undefined || props.cy === undefined) return <g key={props.index} />;
            return (
              <circle key={props.index} cx={props.cx} cy={props.cy} r={4.5} fill={KPI_STATE_STYLES[state].stroke} stroke="var(--card)" strokeWidth={1.5} />
            );
          }}
          activeDot={{ r: 6 }}
        />
      </LineChart>
    </ChartContainer>
  );
}
