import { todayIn } from "@tandem/domain/rules";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { createLoader, type SearchParams } from "nuqs/server";

import { BoardSkeleton, DashboardBoard } from "~/components/dashboards/dashboard-board";
import { NewDashboardDialog } from "~/components/dashboards/new-dashboard-dialog";
import { PageBody, PageHeader } from "~/components/workspace/page-header";
import { dashboardRangeParams, previousRange, rangeDays } from "~/lib/dashboard-range";
import { canEditWork } from "~/lib/sides";
import { requireSession } from "~/server/session";
import { getQueryClient, HydrateClient, isNotFound, trpc } from "~/trpc/server";

type Props = { params: Promise<{ ws: string; id: string }>; searchParams: Promise<SearchParams> };
const loadRange = createLoader(dashboardRangeParams);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ws, id } = await params;
  try {
    const d = await getQueryClient().fetchQuery(trpc.dashboard.get.queryOptions({ workspaceSlug: ws, dashboardId: id }));
    return { title: d.name };
  } catch {
    return { title: "Dashboard" };
  }
}

export default async function DashboardRoute({ params, searchParams }: Props) {
  const { ws, id } = await params;
  const rangeParams = await loadRange(searchParams);
  if (!UUID.test(id)) notFound();
  await requireSession();
  const queryClient = getQueryClient();
  const [workspace, board] = await Promise.all([
    queryClient.fetchQuery(trpc.workspace.get.queryOptions({ workspaceSlug: ws })),
    queryClient.fetchQuery(trpc.dashboard.get.queryOptions({ workspaceSlug: ws, dashboardId: id })),
    queryClient.prefetchQuery(trpc.dashboard.list.queryOptions({ workspaceSlug: ws })),
  ]).catch((err: unknown) => {
    if (isNotFound(err)) notFound();
    throw err;
  });
  const canEdit = canEditWork(workspace.me);
  const range = rangeDays(rangeParams.range, todayIn(workspace.workspace.timeZone), { from: rangeParams.from, to: rangeParams.to });
  // The header is in the first bytes of the page (it is what a phone paints first); the widgets,
  // which wait for their data, stream in behind it, in the same response.
  return (
    <PageBody className="max-w-7xl">
      <HydrateClient>
        <PageHeader
          eyebrow={board.shared ? `${workspace.workspace.name} · shared dashboard` : workspace.workspace.name}
          title={board.name}
          description={board.description || "Live: a value recorded, a definition signed or a task done shows here without a reload."}
          actions={canEdit ? <NewDashboardDialog slug={ws} /> : null}
        />
      </HydrateClient>
      <Suspense fallback={<BoardSkeleton />}>
        <DashboardWithData slug={ws} dashboardId={id} range={range} compare={rangeParams.compare} canEdit={canEdit} meUserId={workspace.me.userId} />
      </Suspense>
    </PageBody>
  );
}

/**
 * The widgets' data for the range in the URL, read on the server (as the board will ask for it):
 * the tiles arrive in the page's HTML instead of after the scripts and a second round trip.
 */
async function DashboardWithData({
  slug,
  dashboardId,
  range,
  compare,
  canEdit,
  meUserId,
}: {
  slug: string;
  dashboardId: string;
  range: { from: string; to: string };
  compare: boolean;
  canEdit: boolean;
  meUserId: string;
}) {
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.dashboard.data.queryOptions({ workspaceSlug: slug, dashboardId, ...range })),
    compare ? queryClient.prefetchQuery(trpc.dashboard.data.queryOptions({ workspaceSlug: slug, dashboardId, ...previousRange(range) })) : null,
  ]);
  return (
    <HydrateClient>
      <DashboardBoard slug={slug} dashboardId={dashboardId} canEdit={canEdit} meUserId={meUserId} />
    </HydrateClient>
  );
}
