import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { FeedActions } from "~/components/feed/feed-actions";
import { FeedFilters } from "~/components/feed/feed-filters";
import { FeedList } from "~/components/feed/feed-list";
import { Card } from "@tandem/ui/card";
import { PageBody, PageHeader } from "~/components/workspace/page-header";
import { FEED_PAGE_SIZE, feedFilterFromParams } from "~/lib/feed-kinds";
import { requireSession } from "~/server/session";
import { getCaller, getQueryClient, HydrateClient, isNotFound, prefetchLogHead, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Progress feed" };

/**
 * The leadership feed. The page around the list is rendered here; the list, its filters and
 * its dialogs are the parts that run in the browser.
 */
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
  const [workspace, seen] = await Promise.all([
    queryClient.fetchQuery(trpc.workspace.get.queryOptions({ workspaceSlug: ws })),
    // Where the reader had got to, for the "New since you last looked" line; read once, on open,
    // and passed as a prop (called directly, so it is not also sent in the page's query cache).
    getCaller().then((caller) => caller.feed.seen({ workspaceSlug: ws })),
    queryClient.prefetchInfiniteQuery(
      trpc.feed.list.infiniteQueryOptions({ workspaceSlug: ws, filter, limit: FEED_PAGE_SIZE }, { getNextPageParam: (last) => last.nextCursor }),
    ),
    queryClient.prefetchQuery(trpc.project.list.queryOptions({ workspaceSlug: ws, filter: {} })),
    queryClient.prefetchQuery(trpc.member.list.queryOptions({ workspaceSlug: ws })),
  ]);
  const { me } = workspace;
  // Only leadership acknowledges (the API refuses anyone else).
  const acknowledger = me.side === "leadership" ? { memberId: me.memberId, name: me.name, side: me.side } : null;

  return (
    <HydrateClient>
      <PageBody className="max-w-4xl">
        <PageHeader
          eyebrow={workspace.workspace.name}
          title="Progress feed"
          description="Check-ins, health, milestones, decisions and finished or blocked work across every joint project, as it happens."
          actions={<FeedActions slug={ws} filter={filter} />}
        />
        <FeedFilters slug={ws} />
        <Card className="px-4 py-4 sm:px-6 sm:py-5">
          <FeedList slug={ws} filter={filter} me={acknowledger} lastSeenOnOpen={seen.lastSeenSeq} />
        </Card>
      </PageBody>
    </HydrateClient>
  );
}
