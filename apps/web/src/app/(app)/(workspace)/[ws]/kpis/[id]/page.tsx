import type { Metadata } from "next";

import { HydrateClient } from "~/trpc/server";

import { KpiPage } from "./kpi-page";
import { loadKpiOr404 } from "./load-kpi";

type Props = { params: Promise<{ ws: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ws, id } = await params;
  const kpi = await loadKpiOr404(ws, id);
  return { title: kpi.name };
}

export default async function KpiRoute({ params }: Props) {
  const { ws, id } = await params;
  await loadKpiOr404(ws, id);
  return (
    <HydrateClient>
      <KpiPage slug={ws} kpiId={id} />
    </HydrateClient>
  );
}
