"use client";

import { KPI_OWNER_LABELS, KPI_OWNERS, KPI_STATUS_LABELS, KPI_STATUSES } from "@tandem/domain/kpi";
import { Button } from "@tandem/ui/button";
import { Card } from "@tandem/ui/card";
import { useQuery } from "@tanstack/react-query";
import { Gauge, Search, X } from "lucide-react";

import { FilterSelect, useUrlFilters } from "~/components/forms/filter-select";
import { KpiList, KpiListSkeleton } from "~/components/kpis/kpi-register";
import { NewKpiDialog } from "~/components/kpis/new-kpi-dialog";
import { PageBody, PageHeader } from "~/components/workspace/page-header";
import { filterKpis, kpiFilterParams } from "~/lib/kpis";
import { canEditWork } from "~/lib/sides";
import { useTRPC } from "~/trpc/react";

export function Kpis({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const workspace = useQuery(trpc.workspace.get.queryOptions({ workspaceSlug: slug }));
  const kpis = useQuery(trpc.kpi.list.queryOptions({ workspaceSlug: slug }));
  const filters = useUrlFilters(kpiFilterParams);
  const me = workspace.data?.me;
  const canWrite = me ? canEditWork(me) : false;
  const rows = kpis.data ? filterKpis(kpis.data, filters.values) : [];

  return (
    <PageBody>
      <PageHeader
        eyebrow={workspace.data?.workspace.name}
        title="KPIs"
        description="The numbers both sides agreed to be judged by: each definition signed by a marketing and an IT lead."
        actions={canWrite ? <NewKpiDialog slug={slug} /> : null}
      />
      <div role="group" aria-label="Filter KPIs" className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-center">
        <FilterSelect
          label="Owner"
          value={filters.values.owner}
          onChange={(v) => filters.set("owner", v)}
          options={KPI_OWNERS.map((o) => [o, KPI_OWNER_LABELS[o]])}
        />
        <FilterSelect
          label="Status"
          value={filters.values.status}
          onChange={(v) => filters.set("status", v)}
          options={KPI_STATUSES.map((s) => [s, KPI_STATUS_LABELS[s]])}
        />
        {filters.any ? (
          <Button variant="ghost" size="sm" className="justify-self-start text-muted-foreground" onClick={filters.clear}>
            <X aria-hidden /> Clear filters
          </Button>
        ) : null}
      </div>
      {kpis.isPending ? (
        <KpiListSkeleton />
      ) : kpis.isError ? (
        <Card className="px-5 py-8 text-center text-sm text-muted-foreground" role="alert">
          We couldn&apos;t load the KPIs. {kpis.error.message}
          <div className="mt-3">
            <Button variant="outline" size="sm" onClick={() => kpis.refetch()}>
              Try again
            </Button>
          </div>
        </Card>
      ) : rows.length > 0 ? (
        <KpiList slug={slug} rows={rows} />
      ) : filters.any ? (
        <Card className="grid place-items-center gap-3 px-6 py-12 text-center">
          <Search aria-hidden className="size-6 text-muted-foreground" />
          <div className="grid gap-1">
            <p className="text-sm font-medium">No KPIs match these filters</p>
            <p className="text-sm text-muted-foreground">Try another owner or status, or clear the filters to see the whole register.</p>
          </div>
          <Button variant="outline" size="sm" onClick={filters.clear}>
            Clear filters
          </Button>
        </Card>
      ) : (
        <Card className="grid place-items-center gap-4 px-6 py-14 text-center" data-testid="kpis-empty">
          <span className="flex size-11 items-center justify-center rounded-xl bg-primary-soft text-primary">
            <Gauge aria-hidden className="size-5" />
          </span>
          <div className="grid max-w-md gap-1.5">
            <p className="text-[15px] font-semibold">No KPIs yet</p>
            <p className="text-sm leading-relaxed text-muted-foreground">
              Propose a KPI with its unit, target and at-risk threshold. It becomes agreed when a lead of marketing and a lead of IT have both signed it.
            </p>
          </div>
          {canWrite ? <NewKpiDialog slug={slug} /> : <p className="text-sm text-muted-foreground">When the leads propose one, it appears here.</p>}
        </Card>
      )}
    </PageBody>
  );
}
