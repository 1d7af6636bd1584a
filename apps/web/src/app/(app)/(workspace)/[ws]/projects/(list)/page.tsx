import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { projectFilterFromParams } from "~/lib/project-filters";
import { requireSession } from "~/server/session";
import { getQueryClient, HydrateClient, isNotFound, prefetchLogHead, trpc } from "~/trpc/server";

import { Projects } from "./projects";

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage({
  params,
  searchParams,
}: {
  params: Promise<{ ws: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { ws } = await params;
  const filter = projectFilterFromParams(await searchParams);
  await requireSession();
  await prefetchLogHead(ws).catch((err: unknown) => {
    if (isNotFound(err)) notFound();
    throw err;
  });
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.project.list.queryOptions({ workspaceSlug: ws, filter })),
    queryClient.prefetchQuery(trpc.member.list.queryOptions({ workspaceSlug: ws })),
  ]);
  return (
    <HydrateClient>
      <Projects slug={ws} />
    </HydrateClient>
  );
}
