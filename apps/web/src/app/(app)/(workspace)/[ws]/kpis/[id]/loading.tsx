import { KpiPageSkeleton } from "~/components/kpis/kpi-page-skeleton";

export default function Loading() {
  return <KpiPageSkeleton />;
}
