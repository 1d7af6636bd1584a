"use client";

import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import { Rss } from "lucide-react";
import { Fragment, useEffect, useMemo, useRef, useState } from "react";

import { ListLoadError, useArrivedLive, useLoadMoreOnScroll } from "~/components/log/infinite-list";
import { Button } from "@tandem/ui/button";
import { EmptyState } from "@tandem/ui/empty-state";
import { Spinner } from "@tandem/ui/spinner";
import { dayHeading } from "~/lib/dates";
import { FEED_PAGE_SIZE, type FeedFilter } from "~/lib/feed-kinds";
import type { FeedItem } from "~/realtime/apply-log-entry";
import { useTRPC } from "~/trpc/react";

import type { Me } from "./acknowledgements";
import { FeedEntry } from "./feed-entry";
import { FeedSkeleton } from "./feed-skeleton";

/** How long the newest entries must be on screen before they count as seen. */
const SEEN_AFTER_MS = 2_000;

/**
 * The feed, newest first, grouped by day, with a "New since you last looked" line under what
 * arrived since the last visit. Older entries load as you scroll (or with the button); new ones
 * are put on top live by the cache.
 */
export function FeedList({
  slug,
  filter,
  me,
  lastSeenOnOpen,
}: {
  slug: string;
  filter: FeedFilter;
  me: Me | null;
  /** The reader's last-seen seq when the page opened; the divider stays there while they read. */
  lastSeenOnOpen: number;
}) {
  const trpc = useTRPC();
  const feed = useInfiniteQuery(
    trpc.feed.list.infiniteQueryOptions({ workspaceSlug: slug, filter, limit: FEED_PAGE_SIZE }, { getNextPageParam: (last) => last.nextCursor }),
  );
  const projects = useQuery(trpc.project.list.queryOptions({ workspaceSlug: slug, filter: {} }));
  const members = useQuery(trpc.member.list.queryOptions({ workspaceSlug: slug }));
  const names = useMemo(() => new Map((projects.data ?? []).map((r) => [r.project.id, r.project.name])), [projects.data]);
  const titles = useMemo(() => new Map((members.data ?? []).map((m) => [m.id, m.title ?? null])), [members.data]);

  // Once per seq, whatever overlap a refetch racing a live insert may leave between pages.
  const items = uniqueBySeq(feed.data?.pages.flatMap((p) => p.items) ?? []);
  const [lastSeen] = useState(lastSeenOnOpen);
  const arrivedLive = useArrivedLive(Boolean(feed.data), items[0]?.seq);
  useMarkSeen(slug, items[0]?.seq, lastSeen);

  const sentinel = useLoadMoreOnScroll(feed);

  if (feed.isPending) return <FeedSkeleton />;
  if (feed.isError) return <ListLoadError what="the feed" error={feed.error} onRetry={() => void feed.refetch()} />;

  const filtered = Boolean(filter.projectId || filter.side || filter.kind);
  if (items.length === 0) {
    return (
      <EmptyState icon={Rss} title={filtered ? "Nothing matches these filters" : "No progress to show yet"} data-testid="feed-empty">
        {filtered
          ? "Try another project, side or kind, or clear the filters."
          : "Check-ins, health changes, milestones, blocked or finished tasks and new members show up here as they happen."}
      </EmptyState>
    );
  }

  // The divider goes above the first entry the reader had already seen, when newer ones sit above it.
  const firstOld = items.findIndex((i) => i.seq <= lastSeen);
  const groups: { day: string; rows: { item: FeedItem; index: number }[] }[] = [];
  items.forEach((item, index) => {
    const day = dayHeading(new Date(item.createdAt));
    if (groups.at(-1)?.day === day) groups.at(-1)!.rows.push({ item, index });
    else groups.push({ day, rows: [{ item, index }] });
  });

  return (
    <div className="grid gap-6" data-testid="feed">
      {groups.map((g) => (
        <section key={g.day} aria-label={g.day} className="grid gap-1" suppressHydrationWarning>
          <h2
            className="sticky top-14 z-10 -mx-1 bg-card/90 px-1 py-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase backdrop-blur lg:top-0"
            suppressHydrationWarning
          >
            {g.day}
          </h2>
          <ol className="grid">
            {g.rows.map(({ item, index }) => (
              <Fragment key={item.seq}>
                {index === firstOld && index > 0 ? <NewDivider /> : null}
                <FeedEntry
                  entry={item}
                  slug={slug}
                  projectName={item.projectId ? names.get(item.projectId) : undefined}
                  titles={titles}
                  me={me}
                  fresh={arrivedLive(item.seq)}
                />
              </Fragment>
            ))}
          </ol>
        </section>
      ))}
      <div ref={sentinel} aria-hidden />
      {feed.hasNextPage ? (
        <Button variant="outline" size="sm" className="justify-self-center" onClick={() => feed.fetchNextPage()} disabled={feed.isFetchingNextPage}>
          {feed.isFetchingNextPage ? (
            <>
              <Spinner /> Loading older entries…
            </>
          ) : (
            "Load more"
          )}
        </Button>
      ) : (
        <p className="text-center text-xs text-muted-foreground">{filtered ? "That's everything that matches." : "That's everything so far."}</p>
      )}
    </div>
  );
}

function uniqueBySeq(items: FeedItem[]) {
  const seen = new Set<number>();
  return items.filter((i) => !seen.has(i.seq) && seen.add(i.seq));
}

function NewDivider() {
  return (
    // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a divider between list items must itself be an item; it separates, it isn't interactive
    <li role="separator" aria-label="New since you last looked" className="flex items-center gap-3 py-2" data-testid="feed-new-divider">
      <span aria-hidden className="h-px flex-1 bg-primary/40" />
      <span className="text-xs font-semibold tracking-wide text-primary uppercase">New since you last looked</span>
      <span aria-hidden className="h-px flex-1 bg-primary/40" />
    </li>
  );
}

/** Once the newest entry has been on a visible page for a moment, it counts as seen (the server never moves the mark back). */
function useMarkSeen(slug: string, headSeq: number | undefined, lastSeen: number) {
  const trpc = useTRPC();
  const markSeen = useMutation(trpc.feed.markSeen.mutationOptions());
  const marked = useRef(0);
  const { mutate } = markSeen;
  useEffect(() => {
    if (headSeq === undefined || headSeq <= Math.max(marked.current, lastSeen)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      if (document.visibilityState !== "visible") return;
      timer = setTimeout(() => {
        marked.current = headSeq;
        mutate({ workspaceSlug: slug, seq: headSeq });
      }, SEEN_AFTER_MS);
    };
    arm();
    document.addEventListener("visibilitychange", arm);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", arm);
    };
  }, [slug, headSeq, lastSeen, mutate]);
}
