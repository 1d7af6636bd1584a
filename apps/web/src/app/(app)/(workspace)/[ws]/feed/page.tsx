import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { FEED_PAGE_SIZE, feedFilterFromParams } from "~/lib/feed-kinds";
import { requireSession } from "~/server/session";
import { getQueryClient, HydrateClient, isNotFound, prefetchLogHead, trpc } from "~/trpc/server";

import { FeedPage } from "./feed-page";

export const metadata: Metadata = { title: "Progress feed" };

export default async function FeedRoute({
  params,
  searchParams,
}: {
  params: Promise<{ ws: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { ws } = await params;
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams)) if (typeof v === "string") query.set(k, v);
  const filter = feedFilterFromParams(query);
  await requireSession();
  await prefetchLogHead(ws).catch((err: unknown) => {
    if (isNotFound(err)) notFound();
    throw err;
  });
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchInfiniteQuery(
      trpc.feed.list.infiniteQueryOptions({ workspaceSlug: ws, filter, limit: FEED_PAGE_SIZE }, { getNextPageParam: (last) => last.nextCursor }),
    ),
    queryClient.prefetchQuery(trpc.project.list.queryOptions({ workspaceSlug: ws, filter: {} })),
    queryClient.prefetchQuery(trpc.member.list.queryOptions({ workspaceSlug: ws })),
  ]);
  return (
    <HydrateClient>
      <FeedPage slug={ws} />
    </HydrateClient>
  );
}
