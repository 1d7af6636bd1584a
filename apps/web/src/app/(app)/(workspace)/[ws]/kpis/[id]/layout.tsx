import { loadKpiOr404 } from "./load-kpi";

/** Checks the KPI before anything streams, so an unknown id answers HTTP 404 (as a project does). */
export default async function KpiLayout({ params, children }: { params: Promise<{ ws: string; id: string }>; children: React.ReactNode }) {
  const { ws, id } = await params;
  await loadKpiOr404(ws, id);
  return children;
}
