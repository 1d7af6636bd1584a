import type { Metadata } from "next";

import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

import { loadProjectOr404 } from "./load-project";
import { ProjectPage } from "./project-page";

type Props = { params: Promise<{ ws: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ws, id } = await params;
  const data = await loadProjectOr404(ws, id);
  return { title: data.project.name };
}

export default async function ProjectRoute({ params }: Props) {
  const { ws, id } = await params;
  await loadProjectOr404(ws, id);
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.task.list.queryOptions({ workspaceSlug: ws, filter: { projectId: id } })),
    queryClient.prefetchQuery(trpc.member.list.queryOptions({ workspaceSlug: ws })),
  ]);
  return (
    <HydrateClient>
      <ProjectPage slug={ws} projectId={id} />
    </HydrateClient>
  );
}
