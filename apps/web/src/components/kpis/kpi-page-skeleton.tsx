import { Card } from "@tandem/ui/card";
import { Skeleton } from "@tandem/ui/skeleton";

import { PageSkeleton } from "~/components/workspace/page-header";

import { KPI_CHART_HEIGHT } from "./kpi-chart-height";

/** The KPI page's shape while it loads: the definition, the chart, the side panels. */
export function KpiPageSkeleton() {
  return (
    <PageSkeleton>
      <div className="flex flex-wrap gap-2">
        {[0, 1, 2, 3, 4].map((i) => (
          <Skeleton key={i} className="h-10 w-28" />
        ))}
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card className="grid gap-3 p-4">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-4 w-3/4" />
          <Skeleton className="w-full" style={{ height: KPI_CHART_HEIGHT }} />
        </Card>
        <Card className="grid content-start gap-3 p-4">
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-3.5 w-32" />
          <Skeleton className="h-3.5 w-28" />
        </Card>
      </div>
    </PageSkeleton>
  );
}
