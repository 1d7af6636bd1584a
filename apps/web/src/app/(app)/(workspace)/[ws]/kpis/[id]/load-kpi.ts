import "server-only";

import { notFound } from "next/navigation";

import { requireSession } from "~/server/session";
import { getQueryClient, isNotFound, prefetchLogHead, trpc } from "~/trpc/server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The KPI; sign-in when signed out; a 404 when the id is malformed or names no KPI here. */
export async function loadKpiOr404(workspaceSlug: string, kpiId: string) {
  await requireSession();
  if (!UUID.test(kpiId)) notFound();
  try {
    await prefetchLogHead(workspaceSlug);
    return await getQueryClient().fetchQuery(trpc.kpi.get.queryOptions({ workspaceSlug, kpiId }));
  } catch (err) {
    if (isNotFound(err)) notFound();
    throw err;
  }
}
