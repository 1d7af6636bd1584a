import { KpisSkeleton } from "~/components/kpis/kpi-register";

export default function Loading() {
  return <KpisSkeleton />;
}
