import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { requireSession } from "~/server/session";
import { getQueryClient, HydrateClient, isNotFound, prefetchLogHead, trpc } from "~/trpc/server";

import { ProjectPage } from "./project-page";

type Props = { params: Promise<{ ws: string; id: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ws, id } = await params;
  if (!UUID.test(id)) return {};
  try {
    // Same order as the page: the head before the data it shares with the page.
    await prefetchLogHead(ws);
    const data = await getQueryClient().fetchQuery(trpc.project.get.queryOptions({ workspaceSlug: ws, projectId: id }));
    return { title: data.project.name };
  } catch {
    return {};
  }
}

export default async function ProjectRoute({ params }: Props) {
  const { ws, id } = await params;
  await requireSession();
  if (!UUID.test(id)) notFound();
  const queryClient = getQueryClient();
  try {
    // The log head first: the browser applies every entry after it to what is read next.
    await prefetchLogHead(ws);
    await Promise.all([
      queryClient.fetchQuery(trpc.project.get.queryOptions({ workspaceSlug: ws, projectId: id })),
      queryClient.prefetchQuery(trpc.task.list.queryOptions({ workspaceSlug: ws, filter: { projectId: id } })),
      queryClient.prefetchQuery(trpc.member.list.queryOptions({ workspaceSlug: ws })),
    ]);
  } catch (err) {
    if (isNotFound(err)) notFound();
    throw err;
  }
  return (
    <HydrateClient>
      <ProjectPage slug={ws} projectId={id} />
    </HydrateClient>
  );
}
