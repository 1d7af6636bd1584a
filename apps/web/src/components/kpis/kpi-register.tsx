import { KPI_OWNER_LABELS, KPI_SOURCE_LABELS } from "@tandem/domain/kpi";
import { periodLabel } from "@tandem/domain/rules";
import { Card } from "@tandem/ui/card";
import { Skeleton } from "@tandem/ui/skeleton";
import Link from "next/link";

import { PageSkeleton } from "~/components/workspace/page-header";
import type { KpiRow } from "~/lib/kpis";

import { KpiStateBadge, KpiStatusBadge, KpiValue, Stances } from "./kpi-badges";

const COLS = "md:grid-cols-[minmax(0,1fr)_6rem_8rem_12rem_10rem]";

function KpiLink({ slug, row }: { slug: string; row: KpiRow }) {
  return (
    <Link
      href={`/${slug}/kpis/${row.id}`}
      className="truncate text-sm font-semibold outline-none after:absolute after:inset-0 after:content-[''] focus-visible:after:rounded-md focus-visible:after:ring-[3px] focus-visible:after:ring-ring/35 focus-visible:after:ring-inset"
    >
      {row.name}
    </Link>
  );
}

/** The register: a table's columns on a desktop, one card per KPI on a phone (the same list). */
export function KpiList({ slug, rows }: { slug: string; rows: KpiRow[] }) {
  return (
    <Card className="overflow-hidden">
      <div
        aria-hidden
        className={`hidden gap-4 border-b bg-muted/60 px-5 py-2 text-xs font-medium tracking-wide text-muted-foreground uppercase md:grid ${COLS}`}
      >
        <span>KPI</span>
        <span>Owner</span>
        <span>Status</span>
        <span>Signatures</span>
        <span className="text-right">Latest</span>
      </div>
      <ul className="divide-y" aria-label="KPIs">
        {rows.map((row) => (
          <li
            key={row.id}
            className={`relative grid gap-x-4 gap-y-2 px-4 py-3.5 transition-colors hover:bg-accent/50 sm:px-5 md:items-center ${COLS}`}
            data-testid="kpi-row"
          >
            <div className="grid min-w-0 gap-0.5">
              <div className="flex min-w-0 items-center gap-2">
                <KpiLink slug={slug} row={row} />
                <span className="md:hidden">
                  <KpiStatusBadge status={row.status} />
                </span>
              </div>
              <p className="truncate text-[13px] text-muted-foreground">
                <span className="md:hidden">{KPI_OWNER_LABELS[row.owner]} · </span>
                {KPI_SOURCE_LABELS[row.source]}
              </p>
            </div>
            <span className="hidden text-[13px] md:block">{KPI_OWNER_LABELS[row.owner]}</span>
            <span className="hidden md:block">
              <KpiStatusBadge status={row.status} />
            </span>
            <Stances stances={row.stances} />
            <div className="flex items-center justify-between gap-2 text-[13px] md:grid md:justify-items-end md:gap-1">
              <span className="flex items-baseline gap-1.5">
                <KpiValue value={row.latest?.value} kpi={row} />
                {row.latest ? (
                  <span className="text-xs text-muted-foreground">{periodLabel(row.latest.periodStart, row.cadence).replace(/ \(from .*\)$/, "")}</span>
                ) : null}
              </span>
              {row.latest ? <KpiStateBadge state={row.latest.state} /> : null}
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function KpiListSkeleton() {
  return (
    <Card className="divide-y" aria-busy="true" aria-label="Loading KPIs">
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className={`grid gap-2 px-5 py-4 md:items-center md:gap-4 ${COLS}`}>
          <div className="grid gap-1.5">
            <Skeleton className="h-4 w-48" />
            <Skeleton className="h-3 w-32" />
          </div>
          <Skeleton className="hidden h-3.5 w-16 md:block" />
          <Skeleton className="hidden h-5 w-16 rounded-full md:block" />
          <div className="grid gap-1.5">
            <Skeleton className="h-3.5 w-32" />
            <Skeleton className="h-3.5 w-28" />
          </div>
          <Skeleton className="h-5 w-24 md:justify-self-end" />
        </div>
      ))}
    </Card>
  );
}

export function KpisSkeleton() {
  return (
    <PageSkeleton>
      <div className="flex flex-wrap gap-2">
        <Skeleton className="h-8 w-32" />
        <Skeleton className="h-8 w-32" />
      </div>
      <KpiListSkeleton />
    </PageSkeleton>
  );
}
