import { formatKpiValue, KPI_OWNER_LABELS, KPI_STATE_LABELS } from "@tandem/domain/kpi";
import { periodLabel } from "@tandem/domain/rules";
import Link from "next/link";

import { KPI_STATE_STYLES } from "~/lib/kpi-states";
import { cn } from "~/lib/utils";

import type { DataOf } from "../types";
import { lastTwo, trendOf } from "./kpi-words";
import { SparkLine } from "./spark-line";

/** A KPI's latest value against its target, its state, the trend and a sparkline. */
export function KpiTile({ slug, data, previous, large }: { slug: string; data: DataOf<"kpi_tile">; previous: DataOf<"kpi_tile"> | null; large?: boolean }) {
  const { kpi, series } = data;
  const { last, prev } = lastTwo(series);
  const compared = previous ? lastTwo(previous.series).last : null;
  const trend = compared ? trendOf(kpi, last?.value ?? null, compared.value, "the previous range") : trendOf(kpi, last?.value ?? null, prev?.value ?? null);
  const style = last?.state ? KPI_STATE_STYLES[last.state] : null;
  return (
    <div className="grid gap-1.5" data-testid="kpi-tile">
      <div className="flex items-start justify-between gap-2">
        <Link href={`/${slug}/kpis/${kpi.id}`} className="min-w-0 text-sm leading-snug font-medium hover:underline">
          {kpi.name}
        </Link>
        {last?.state && style ? (
          <span
            className={cn("inline-flex shrink-0 items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-semibold", style.soft, style.ink)}
            data-testid="kpi-tile-state"
          >
            <span aria-hidden className={cn("size-2 rounded-full", style.dot)} />
            {KPI_STATE_LABELS[last.state]}
          </span>
        ) : null}
      </div>
      <p className={cn("font-semibold tabular-nums", large ? "text-5xl" : "text-3xl")} data-testid="kpi-tile-value">
        {last?.value != null ? formatKpiValue(last.value, kpi) : "—"}
      </p>
      <p className="text-xs text-muted-foreground">
        Target {formatKpiValue(kpi.target, kpi)} · {KPI_OWNER_LABELS[kpi.owner]}
        {last ? ` · ${periodLabel(last.periodStart, kpi.cadence)}` : " · no value in this range"}
        {kpi.agreed ? "" : " · draft"}
      </p>
      {trend ? (
        <p className={cn("text-xs font-medium", trend.better === null ? "text-muted-foreground" : trend.better ? "text-success-ink" : "text-destructive")}>
          {trend.text}
        </p>
      ) : null}
      {series.some((p) => p.value !== null) ? <SparkLine series={series} /> : null}
    </div>
  );
}
