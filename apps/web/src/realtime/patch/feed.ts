import { matchesFeedFilter, type FeedFilter } from "@tandem/domain/feed-kinds";
import type { AfterOf } from "@tandem/domain/actions";
import type { LogEntryPayload } from "@tandem/realtime-contract";
import type { InfiniteData, QueryClient } from "@tanstack/react-query";

import { queriesOf } from "../query-keys";
import type { ApplyContext, FeedItem, FeedPage } from "../rows";

type FeedListInput = { workspaceSlug: string; filter?: FeedFilter; limit?: number };
type FeedData = InfiniteData<FeedPage, number | null | undefined>;

export function toFeedItem(entry: LogEntryPayload): FeedItem {
  return { ...entry, summary: { ...entry.summary }, acknowledgedBy: [] };
}

function isInfinite(data: unknown): data is FeedData {
  return typeof data === "object" && data !== null && Array.isArray((data as { pages?: unknown }).pages);
}

/**
 * Puts a new entry on top of every loaded feed whose filter (project, side, kind) holds it, by
 * the same rules the server reads the feed with (the registry's feed rules); once, whichever way it arrives.
 */
export function prependToFeeds(queryClient: QueryClient, ctx: ApplyContext, entry: LogEntryPayload) {
  for (const { query, input } of queriesOf<FeedListInput>(queryClient, "feed.list", ctx.workspaceSlug)) {
    if (!matchesFeedFilter(entry, input.filter ?? {})) continue;
    const data = queryClient.getQueryData<FeedData>(query.queryKey);
    // Only the infinite form is patched; a plain feed.list query (one page) is left to its refetch.
    if (!isInfinite(data)) continue;
    const first = data.pages[0];
    if (!first) continue;
    if (data.pages.some((p) => p.items.some((i) => i.seq === entry.seq))) continue;
    // Older than the first page's oldest while more pages exist: it belongs to a page not
    // shown yet, which will read it from the server.
    const oldest = first.items.at(-1)?.seq;
    if (oldest !== undefined && entry.seq < oldest && first.nextCursor !== null) continue;
    const items = [...first.items, toFeedItem(entry)].sort((a, b) => b.seq - a.seq);
    queryClient.setQueryData<FeedData>(query.queryKey, { ...data, pages: [{ ...first, items }, ...data.pages.slice(1)] });
  }
}

/** "Seen by Elena Ruiz (CEO)": the acknowledger joins that entry's chips wherever it is loaded. */
export function acknowledgeInFeeds(queryClient: QueryClient, ctx: ApplyContext, entry: LogEntryPayload, after: AfterOf<"entry.acknowledged">) {
  const { seq, memberId } = after;
  const ack: FeedItem["acknowledgedBy"][number] = { memberId, name: after.name, side: after.side, at: entry.createdAt };
  for (const { query } of queriesOf<FeedListInput>(queryClient, "feed.list", ctx.workspaceSlug)) {
    queryClient.setQueryData<FeedData>(query.queryKey, (data) => {
      if (!isInfinite(data) || !data.pages.some((p) => p.items.some((i) => i.seq === seq))) return data;
      return {
        ...data,
        pages: data.pages.map((p) => ({
          ...p,
          items: p.items.map((i) =>
            i.seq === seq && !i.acknowledgedBy.some((a) => a.memberId === memberId) ? { ...i, acknowledgedBy: [...i.acknowledgedBy, ack] } : i,
          ),
        })),
      };
    });
  }
}
