"use client";

import { formatKpiValue, KPI_STATE_LABELS } from "@tandem/domain/kpi";
import { periodKey } from "@tandem/domain/rules";
import Link from "next/link";

import type { DataOf } from "../types";
import { ChartFrame } from "./chart-frame";
import { seriesSummary } from "./kpi-words";
import { KpiLineChart } from "./lazy-charts";

/** A KPI over the range, with its target and at-risk band; the previous range dashed when comparing. */
export function KpiLine({ slug, data, previous, large }: { slug: string; data: DataOf<"kpi_line">; previous: DataOf<"kpi_line"> | null; large?: boolean }) {
  const { kpi, series } = data;
  return (
    <ChartFrame
      title={
        <Link href={`/${slug}/kpis/${kpi.id}`} className="hover:underline">
          {kpi.name}
        </Link>
      }
      summary={seriesSummary(kpi, series)}
      table={{
        caption: `${kpi.name} by period`,
        head: ["Period", "Value", "State"],
        rows: series.map((p) => [
          periodKey(p.periodStart, kpi.cadence),
          p.value === null ? "—" : formatKpiValue(p.value, kpi),
          p.state ? KPI_STATE_LABELS[p.state] : "—",
        ]),
      }}
    >
      <KpiLineChart kpi={kpi} series={series} previous={previous?.series ?? null} className={large ? "aspect-auto h-[min(52vh,28rem)] w-full" : undefined} />
    </ChartFrame>
  );
}
