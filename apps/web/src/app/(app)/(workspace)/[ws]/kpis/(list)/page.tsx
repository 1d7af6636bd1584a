import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { requireSession } from "~/server/session";
import { getQueryClient, HydrateClient, isNotFound, prefetchLogHead, trpc } from "~/trpc/server";

import { Kpis } from "./kpis";

export const metadata: Metadata = { title: "KPIs" };

export default async function KpisPage({ params }: { params: Promise<{ ws: string }> }) {
  const { ws } = await params;
  await requireSession();
  await prefetchLogHead(ws).catch((err: unknown) => {
    if (isNotFound(err)) notFound();
    throw err;
  });
  await getQueryClient().prefetchQuery(trpc.kpi.list.queryOptions({ workspaceSlug: ws }));
  return (
    <HydrateClient>
      <Kpis slug={ws} />
    </HydrateClient>
  );
}
