import type { RouterOutputs } from "@tandem/api";
import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { WorkspaceShell } from "~/components/shell/workspace-shell";
import { requireSession } from "~/server/session";
import { getQueryClient, HydrateClient, isNotFound, prefetchLogHead, trpc } from "~/trpc/server";

type Props = { params: Promise<{ ws: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ws } = await params;
  try {
    const data = await getQueryClient().fetchQuery(trpc.workspace.get.queryOptions({ workspaceSlug: ws }));
    return { title: { default: data.workspace.name, template: `%s · ${data.workspace.name} · Tandem` } };
  } catch {
    return {};
  }
}

export default async function WorkspaceLayout({ params, children }: Props & { children: React.ReactNode }) {
  const { ws } = await params;
  const session = await requireSession();
  const queryClient = getQueryClient();
  let data: RouterOutputs["workspace"]["get"];
  try {
    await prefetchLogHead(ws);
    // What the shell's badges show is fetched with the page, not after it loads.
    [data] = await Promise.all([
      queryClient.fetchQuery(trpc.workspace.get.queryOptions({ workspaceSlug: ws })),
      queryClient.prefetchQuery(trpc.inbox.unreadCount.queryOptions({ workspaceSlug: ws })),
      queryClient.prefetchQuery(trpc.checkIn.status.queryOptions({ workspaceSlug: ws })),
    ]);
  } catch (err) {
    // Not a member and no such workspace look the same: a plain 404.
    if (isNotFound(err) || (err as { code?: string }).code === "BAD_REQUEST") notFound();
    throw err;
  }
  return (
    <HydrateClient scope="layout">
      <WorkspaceShell
        workspace={{ slug: ws, id: data.workspace.id, name: data.workspace.name, timeZone: data.workspace.timeZone }}
        me={{ userId: data.me.userId, side: data.me.side }}
        user={{ name: session.user.name, email: session.user.email }}
      >
        {children}
      </WorkspaceShell>
    </HydrateClient>
  );
}
