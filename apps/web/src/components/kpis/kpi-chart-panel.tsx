"use client";

import { kpiRangeSchema } from "@tandem/api/validators";
import { formatKpiValue, KPI_STATE_LABELS } from "@tandem/domain/kpi";
import { periodLabel } from "@tandem/domain/rules";
import { Button } from "@tandem/ui/button";
import { Card } from "@tandem/ui/card";
import { Input } from "@tandem/ui/input";
import { Skeleton } from "@tandem/ui/skeleton";
import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";

import { Field } from "~/components/forms/field";
import { ScrollRegion } from "~/components/ui/scroll-region";
import { useToday } from "~/components/shell/workspace-context";
import { defaultRange, KPI_RANGE_LABELS, KPI_RANGES, type KpiDetail, type KpiPoint, type KpiRange, rangeDays } from "~/lib/kpis";
import { cn } from "~/lib/utils";
import { useTRPC } from "~/trpc/react";

import { KpiStateBadge } from "./kpi-badges";
import { KPI_CHART_HEIGHT } from "./kpi-chart-height";

const KpiLineChart = dynamic(() => import("./kpi-line-chart"), {
  ssr: false,
  loading: () => <Skeleton className="w-full" style={{ height: KPI_CHART_HEIGHT }} />,
});

/** One sentence that says what the chart shows, for everyone (and for screen readers, instead of it). */
export function seriesSummary(points: KpiPoint[], kpi: KpiDetail): string {
  const f = (v: number) => formatKpiValue(v, kpi);
  const span = `${points.length} ${kpi.cadence === "weekly" ? "week" : kpi.cadence === "monthly" ? "month" : "quarter"}${points.length === 1 ? "" : "s"}`;
  const withValue = points.filter((p) => p.value !== null);
  const bounds = `target ${f(kpi.target)}, at risk ${kpi.direction === "higher" ? "down to" : "up to"} ${f(kpi.atRisk)}`;
  const last = withValue.at(-1);
  if (!last || last.value === null || !last.state) return `${span}: no values recorded in this range (${bounds}).`;
  const on = withValue.filter((p) => p.state === "on").length;
  return `${span}: ${f(last.value)} in ${periodLabel(last.periodStart, kpi.cadence)}, ${KPI_STATE_LABELS[last.state].toLowerCase()} (${bounds}); ${on} of ${withValue.length} recorded periods on target.`;
}

export function KpiChartPanel({ slug, kpi }: { slug: string; kpi: KpiDetail }) {
  const trpc = useTRPC();
  const today = useToday();
  const [range, setRange] = useState<KpiRange>(() => defaultRange(kpi.cadence));
  const preset = range === "custom" ? null : rangeDays(range, kpi.cadence, today);
  const [custom, setCustom] = useState(() => rangeDays("year", kpi.cadence, today));
  const [asTable, setAsTable] = useState(false);
  const days = preset ?? custom;
  const check = kpiRangeSchema.safeParse({ kpiId: kpi.id, ...days });
  const rangeError = check.success ? null : (check.error.issues[0]?.message ?? "Choose two days.");
  const series = useQuery({
    ...trpc.kpi.series.queryOptions({ workspaceSlug: slug, kpiId: kpi.id, ...days }),
    enabled: check.success,
    placeholderData: (prev) => prev,
  });

  return (
    <Card className="grid gap-3 p-4" aria-labelledby="kpi-chart-heading">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="kpi-chart-heading" className="text-sm font-semibold">
          Over time
        </h2>
        <div role="group" aria-label="Range" className="flex flex-wrap gap-1">
          {KPI_RANGES.map((r) => (
            <Button key={r} size="sm" variant={r === range ? "secondary" : "ghost"} aria-pressed={r === range} onClick={() => setRange(r)}>
              {KPI_RANGE_LABELS[r]}
            </Button>
          ))}
        </div>
      </div>
      {range === "custom" ? (
        <div className="grid grid-cols-2 gap-3 sm:max-w-sm">
          <Field id="kpi-range-from" label="From">
            {(a) => <Input {...a} type="date" value={custom.from} onChange={(e) => setCustom((c) => ({ ...c, from: e.target.value }))} />}
          </Field>
          <Field id="kpi-range-to" label="To" error={rangeError}>
            {(a) => <Input {...a} type="date" value={custom.to} onChange={(e) => setCustom((c) => ({ ...c, to: e.target.value }))} />}
          </Field>
        </div>
      ) : null}
      {series.isError ? (
        <p role="alert" className="text-sm text-destructive">
          We couldn&apos;t load the values: {series.error.message}
        </p>
      ) : !series.data ? (
        <>
          <Skeleton className="h-4 w-3/4" />
          <Skeleton className="w-full" style={{ height: KPI_CHART_HEIGHT }} />
        </>
      ) : (
        <>
          <p className={cn("text-sm text-muted-foreground", series.isFetching && "opacity-70")} data-testid="kpi-chart-summary">
            {seriesSummary(series.data, kpi)}
          </p>
          {asTable ? <SeriesTable points={series.data} kpi={kpi} /> : <KpiLineChart points={series.data} kpi={kpi} />}
        </>
      )}
      <div>
        <Button size="sm" variant="ghost" aria-pressed={asTable} onClick={() => setAsTable((t) => !t)}>
          {asTable ? "Show as chart" : "Show as table"}
        </Button>
      </div>
    </Card>
  );
}

function SeriesTable({ points, kpi }: { points: KpiPoint[]; kpi: KpiDetail }) {
  return (
    <ScrollRegion label="Value per period" className="overflow-auto rounded-md border" style={{ maxHeight: KPI_CHART_HEIGHT }}>
      <table className="w-full text-[13px]">
        <caption className="sr-only">Value per period</caption>
        <thead className="sticky top-0 bg-muted text-left text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Period
            </th>
            <th scope="col" className="px-3 py-1.5 text-right font-medium">
              Value
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              State
            </th>
          </tr>
        </thead>
        <tbody className="divide-y">
          {points.map((p) => (
            <tr key={p.periodStart}>
              <th scope="row" className="px-3 py-1.5 text-left font-normal">
                {periodLabel(p.periodStart, kpi.cadence)}
              </th>
              <td className="px-3 py-1.5 text-right tabular-nums">{p.value === null ? "—" : formatKpiValue(p.value, kpi)}</td>
              <td className="px-3 py-1.5">{p.value === null ? <span className="text-muted-foreground">No value</span> : <KpiStateBadge state={p.state} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
