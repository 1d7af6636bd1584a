"use client";

import { formatKpiValue, KPI_CADENCE_LABELS, KPI_DIRECTION_LABELS, KPI_OWNER_LABELS, KPI_SOURCE_LABELS, KPI_UNIT_LABELS } from "@tandem/domain/kpi";
import { isMetricId, METRICS_META } from "@tandem/domain/metrics";
import { Button } from "@tandem/ui/button";
import { Card } from "@tandem/ui/card";
import { useQuery } from "@tanstack/react-query";
import { ChevronLeft, SearchX } from "lucide-react";
import Link from "next/link";

import { ImportDialog } from "~/components/kpis/import-dialog";
import { KpiStatusBadge } from "~/components/kpis/kpi-badges";
import { KpiChartPanel } from "~/components/kpis/kpi-chart-panel";
import { KpiComments } from "~/components/kpis/kpi-comments";
import { KpiHistory } from "~/components/kpis/kpi-history";
import { ExportKpiButton, RetireKpiButton } from "~/components/kpis/kpi-actions";
import { KpiPageSkeleton } from "~/components/kpis/kpi-page-skeleton";
import { EditKpiDialog } from "~/components/kpis/edit-kpi-dialog";
import { canRecord, RecordValueForm } from "~/components/kpis/record-value-form";
import { ObjectionBanner, SignaturesPanel } from "~/components/kpis/signatures-panel";
import { PageBody, PageHeader } from "~/components/workspace/page-header";
import { trpcCode } from "~/lib/form-errors";
import { isSideLead, type KpiDetail } from "~/lib/kpis";
import { canEditWork } from "~/lib/sides";
import { useTRPC } from "~/trpc/react";

export function KpiPage({ slug, kpiId }: { slug: string; kpiId: string }) {
  const trpc = useTRPC();
  const workspace = useQuery(trpc.workspace.get.queryOptions({ workspaceSlug: slug }));
  const kpi = useQuery(trpc.kpi.get.queryOptions({ workspaceSlug: slug, kpiId }));
  const me = workspace.data?.me;

  if (kpi.isPending) return <KpiPageSkeleton />;
  if (kpi.isError) {
    const missing = trpcCode(kpi.error) === "NOT_FOUND";
    return (
      <PageBody className="max-w-xl">
        <div className="grid place-items-center gap-3 rounded-xl border border-dashed px-4 py-16 text-center" role={missing ? undefined : "alert"}>
          <SearchX aria-hidden className="size-6 text-muted-foreground" />
          <h1 className="text-lg font-semibold tracking-tight">{missing ? "We can’t find that KPI" : "We couldn’t load the KPI"}</h1>
          <p className="max-w-sm text-sm text-muted-foreground">
            {missing ? "It may have been mistyped, or it belongs to another workspace." : kpi.error.message}
          </p>
          <Button asChild size="sm">
            <Link href={`/${slug}/kpis`}>Back to KPIs</Link>
          </Button>
        </div>
      </PageBody>
    );
  }
  const k = kpi.data;
  const live = k.status !== "retired";
  const writer = me ? canEditWork(me) : false;

  return (
    <PageBody>
      <Link href={`/${slug}/kpis`} className="-mb-3 flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ChevronLeft aria-hidden className="size-4" /> KPIs
      </Link>
      <PageHeader
        eyebrow={`KPI · ${KPI_OWNER_LABELS[k.owner]}`}
        title={k.name}
        description={k.description || undefined}
        actions={
          <>
            <ExportKpiButton slug={slug} kpi={k} />
            {canRecord(k, me) ? <ImportDialog slug={slug} kpi={k} /> : null}
            {writer && live ? <EditKpiDialog slug={slug} kpi={k} /> : null}
            {me && isSideLead(me) && live ? <RetireKpiButton slug={slug} kpi={k} /> : null}
          </>
        }
      />
      <Definition kpi={k} />
      <ObjectionBanner kpi={k} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
        <div className="grid min-w-0 gap-6">
          <KpiChartPanel slug={slug} kpi={k} />
          {canRecord(k, me) ? <RecordValueForm slug={slug} kpi={k} /> : null}
          <KpiHistory kpi={k} />
        </div>
        <div className="grid min-w-0 gap-6">
          <SignaturesPanel slug={slug} kpi={k} me={me} />
          <KpiComments slug={slug} kpi={k} isLeadership={me?.side === "leadership"} />
        </div>
      </div>
    </PageBody>
  );
}

function Definition({ kpi }: { kpi: KpiDetail }) {
  const f = (v: number) => formatKpiValue(v, kpi);
  const items: [string, React.ReactNode][] = [
    ["Status", <KpiStatusBadge key="s" status={kpi.status} />],
    ["Version", kpi.version],
    ["Unit", kpi.unit === "currency" ? `${KPI_UNIT_LABELS.currency} (${kpi.currency})` : KPI_UNIT_LABELS[kpi.unit]],
    ["Target", f(kpi.target)],
    ["At risk", `${kpi.direction === "higher" ? "below target, down to" : "above target, up to"} ${f(kpi.atRisk)}`],
    ["Direction", KPI_DIRECTION_LABELS[kpi.direction]],
    ["Cadence", KPI_CADENCE_LABELS[kpi.cadence]],
    [
      "Source",
      kpi.formula
        ? `${KPI_SOURCE_LABELS.computed}: ${isMetricId(kpi.formula.metric) ? METRICS_META[kpi.formula.metric].name : kpi.formula.metric}`
        : KPI_SOURCE_LABELS[kpi.source],
    ],
  ];
  return (
    <Card className="px-4 py-3">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2.5 text-[13px] sm:grid-cols-4 lg:grid-cols-8" aria-label="Definition" data-testid="kpi-definition">
        {items.map(([label, value]) => (
          <div key={label} className="grid content-start gap-0.5">
            <dt className="text-xs text-muted-foreground">{label}</dt>
            <dd className="font-medium">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
