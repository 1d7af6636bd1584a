import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";

import { NewDashboardDialog } from "~/components/dashboards/new-dashboard-dialog";
import { PageBody, PageHeader } from "~/components/workspace/page-header";
import { canEditWork } from "~/lib/sides";
import { requireSession } from "~/server/session";
import { getQueryClient, isNotFound, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Dashboards" };

/** Dashboards open on the shared one; a workspace without any is asked to make it. */
export default async function DashboardsRoute({ params }: { params: Promise<{ ws: string }> }) {
  const { ws } = await params;
  await requireSession();
  const queryClient = getQueryClient();
  const [workspace, list] = await Promise.all([
    queryClient.fetchQuery(trpc.workspace.get.queryOptions({ workspaceSlug: ws })),
    queryClient.fetchQuery(trpc.dashboard.list.queryOptions({ workspaceSlug: ws })),
  ]).catch((err: unknown) => {
    if (isNotFound(err)) notFound();
    throw err;
  });
  if (list[0]) redirect(`/${ws}/dashboards/${list[0].id}`);
  const canEdit = canEditWork(workspace.me);
  return (
    <PageBody>
      <PageHeader eyebrow={workspace.workspace.name} title="Dashboards" description="The KPIs both sides agreed, and how the joint work moves, live." />
      <div className="rounded-xl border border-dashed p-8 text-center">
        <h2 className="font-semibold">No dashboard yet</h2>
        <p className="mt-1 text-sm text-muted-foreground">
          {canEdit ? "Start with the shared dashboard: leadership opens it first." : "Marketing or IT sets up the shared dashboard; it will appear here."}
        </p>
        {canEdit ? (
          <div className="mt-4 flex justify-center">
            <NewDashboardDialog slug={ws} first />
          </div>
        ) : null}
      </div>
    </PageBody>
  );
}
