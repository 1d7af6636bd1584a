"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { History } from "lucide-react";
import Link from "next/link";

import { UserAvatar } from "~/components/people/user-avatar";
import { Button } from "@tandem/ui/button";
import { EmptyState } from "@tandem/ui/empty-state";
import { Spinner } from "@tandem/ui/spinner";
import { ago, dayHeading, exactTime } from "~/lib/dates";
import { describeEntry, type DescribableEntry } from "@tandem/domain/actions";
import { SIDE_LABELS, type Side } from "~/lib/sides";
import { cn } from "~/lib/utils";
import type { LogPage, LogRow } from "~/realtime/apply-log-entry";
import { procedureQueryKey } from "~/realtime/query-keys";
import { useTRPC, useTRPCClient } from "~/trpc/react";

import { ActivitySkeleton } from "./activity-skeleton";
import { ListLoadError, useArrivedLive, useLoadMoreOnScroll } from "./infinite-list";

const PAGE = 40;

/**
 * The transparency log told as sentences, newest first, grouped by day: the whole workspace's on
 * the Log page, one project's as its Activity. Older entries load as you scroll; new ones are put
 * on top live by the cache.
 */
export function ActivityFeed({ slug, projectId, showSeq = false }: { slug: string; projectId?: string; showSeq?: boolean }) {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const input = { workspaceSlug: slug, limit: PAGE, ...(projectId ? { projectId } : {}) };
  // log.list pages by `beforeSeq`, not tRPC's `cursor`, so the infinite query is spelled out; its
  // key has tRPC's shape, which is how the live cache finds it to put new entries on top.
  const feed = useInfiniteQuery({
    queryKey: procedureQueryKey("log.list", input, "infinite"),
    queryFn: ({ pageParam }) => client.log.list.query({ ...input, beforeSeq: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last: LogPage) => last.nextBeforeSeq ?? undefined,
  });
  // Project names for the workspace log's "in ‘Project’" links.
  const projects = useQuery({ ...trpc.project.list.queryOptions({ workspaceSlug: slug, filter: {} }), enabled: !projectId });
  const names = new Map((projects.data ?? []).map((r) => [r.project.id, r.project.name]));

  const sentinel = useLoadMoreOnScroll(feed);
  const arrivedLive = useArrivedLive(Boolean(feed.data), feed.data?.pages[0]?.entries[0]?.seq);

  if (feed.isPending) return <ActivitySkeleton />;
  if (feed.isError) return <ListLoadError what="the activity" error={feed.error} onRetry={() => void feed.refetch()} />;

  const entries = feed.data.pages.flatMap((p) => p.entries);
  if (entries.length === 0) {
    return (
      <EmptyState icon={History} title="Nothing has happened here yet">
        Every change to this {projectId ? "project" : "workspace"} — tasks, moves, health, comments — is recorded here, in order.
      </EmptyState>
    );
  }

  const groups: { day: string; rows: LogRow[] }[] = [];
  for (const e of entries) {
    const day = dayHeading(e.createdAt);
    if (groups.at(-1)?.day === day) groups.at(-1)!.rows.push(e);
    else groups.push({ day, rows: [e] });
  }

  return (
    <div className="grid gap-6" data-testid="activity-feed">
      {groups.map((g) => (
        <section key={g.day} aria-label={g.day} className="grid gap-1" suppressHydrationWarning>
          <h3
            className="sticky top-14 z-10 -mx-1 bg-background/90 px-1 py-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase backdrop-blur lg:top-0"
            suppressHydrationWarning
          >
            {g.day}
          </h3>
          <ol className="grid">
            {g.rows.map((e) => (
              <ActivityRow
                key={e.seq}
                entry={e}
                slug={slug}
                projectName={!projectId && e.projectId ? names.get(e.projectId) : undefined}
                showSeq={showSeq}
                fresh={arrivedLive(e.seq)}
              />
            ))}
          </ol>
        </section>
      ))}
      <div ref={sentinel} />
      {feed.hasNextPage ? (
        <Button variant="outline" size="sm" className="justify-self-center" onClick={() => feed.fetchNextPage()} disabled={feed.isFetchingNextPage}>
          {feed.isFetchingNextPage ? (
            <>
              <Spinner /> Loading older entries…
            </>
          ) : (
            "Load older entries"
          )}
        </Button>
      ) : (
        <p className="text-center text-xs text-muted-foreground">
          {projectId ? "That's everything since this project began." : "That's the beginning of this workspace's log."}
        </p>
      )}
    </div>
  );
}

function ActivityRow({ entry, slug, projectName, showSeq, fresh }: { entry: LogRow; slug: string; projectName?: string; showSeq: boolean; fresh: boolean }) {
  return (
    <li className={cn("group relative flex gap-3 py-2.5", fresh && "animate-in")} data-testid="activity-entry" data-seq={entry.seq}>
      <EntryRail />
      <UserAvatar name={entry.actorName} side={entry.actorSide ?? undefined} size="sm" />
      <EntryText entry={entry} slug={slug} projectName={projectName} className="flex-1" />
      {showSeq ? (
        <span
          className="shrink-0 pt-0.5 font-mono text-[11px] text-muted-foreground/70 tabular-nums"
          title={`Entry #${entry.seq} · hash ${entry.hash.slice(0, 16)}…`}
        >
          #{entry.seq}
        </span>
      ) : null}
    </li>
  );
}

/** The line joining one entry's avatar to the next, in a list of `group` rows. */
export function EntryRail() {
  return <span aria-hidden className="absolute top-10 bottom-0 left-[13px] w-px bg-border group-last:hidden" />;
}

/** What a log entry says, for the activity lists and the feed. */
export interface EntryTextInput {
  actorName: string;
  actorSide: Side | null;
  action: string;
  entityType: string;
  projectId: string | null;
  summary: DescribableEntry["summary"];
  createdAt: Date | string;
}

/**
 * "Priya Nair (IT) moved ‘Consent banner’ to Blocked in Launch — 2 min ago", and the quoted
 * detail under it: one entry told as a sentence. `children` (a card, chips) go underneath.
 */
export function EntryText({
  entry,
  slug,
  projectName,
  hideDetail = false,
  className,
  children,
}: {
  entry: EntryTextInput;
  slug: string;
  projectName?: string;
  hideDetail?: boolean;
  className?: string;
  children?: React.ReactNode;
}) {
  const { text, detail } = describeEntry(entry);
  const at = typeof entry.createdAt === "string" ? entry.createdAt : entry.createdAt.toISOString();
  return (
    <div className={cn("grid min-w-0 gap-1", className)}>
      <p className="text-sm leading-snug [overflow-wrap:anywhere]">
        <span className="font-medium">{entry.actorName}</span>
        {entry.actorSide ? <span className="text-muted-foreground"> ({SIDE_LABELS[entry.actorSide]})</span> : null} {text}
        {projectName && entry.entityType !== "project" && entry.summary.label !== projectName ? (
          <>
            {" "}
            <span className="text-muted-foreground">in</span>{" "}
            <Link
              href={`/${slug}/projects/${entry.projectId}`}
              className="font-medium text-foreground underline decoration-border underline-offset-2 hover:decoration-foreground"
            >
              {projectName}
            </Link>
          </>
        ) : null}
        <span className="text-muted-foreground">
          {" "}
          —{" "}
          <time dateTime={at} title={exactTime(at)} suppressHydrationWarning>
            {ago(at)}
          </time>
        </span>
      </p>
      {detail && !hideDetail ? (
        <blockquote className={cn("line-clamp-3 border-l-2 pl-2.5 text-[13px] leading-relaxed text-muted-foreground")}>{detail}</blockquote>
      ) : null}
      {children}
    </div>
  );
}
