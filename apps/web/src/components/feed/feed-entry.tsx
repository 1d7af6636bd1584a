"use client";

import { describeEntry } from "@tandem/domain/actions";
import { memo } from "react";

import { EntryRail, EntryText } from "~/components/log/activity-feed";
import { UserAvatar } from "~/components/people/user-avatar";
import { SIDE_LABELS } from "~/lib/sides";
import { cn } from "~/lib/utils";
import type { FeedItem } from "~/realtime/apply-log-entry";

import { AckChips, AcknowledgeButton, type Me } from "./acknowledgements";
import { CheckInCard } from "./check-in-card";

/**
 * One feed entry: the log's sentence (a check-in as a card), who has seen it, and leadership's
 * Acknowledge. Memoised: a live arrival or a page of older entries re-renders only what changed.
 */
export const FeedEntry = memo(function FeedEntry({
  entry,
  slug,
  projectName,
  titles,
  me,
  fresh = false,
}: {
  entry: FeedItem;
  slug: string;
  projectName?: string;
  titles: Map<string, string | null>;
  /** Set for leadership, who may acknowledge. */
  me: Me | null;
  /** Arrived live after the page opened: it slides in. What the page opened with is simply there. */
  fresh?: boolean;
}) {
  const isCheckIn = entry.action === "check_in.posted";
  const acked = me ? entry.acknowledgedBy.some((a) => a.memberId === me.memberId) : true;
  const who = `${entry.actorName}${entry.actorSide ? ` (${SIDE_LABELS[entry.actorSide]})` : ""}`;
  return (
    <li className={cn("group relative flex gap-3 py-3", fresh && "animate-in")} data-testid="feed-entry" data-seq={entry.seq} data-action={entry.action}>
      <EntryRail />
      <UserAvatar name={entry.actorName} side={entry.actorSide ?? undefined} size="sm" />
      <EntryText entry={entry} slug={slug} projectName={projectName} hideDetail={isCheckIn} className="flex-1">
        {isCheckIn ? <CheckInCard after={entry.summary.after ?? {}} /> : null}
        {entry.acknowledgedBy.length > 0 || !acked ? (
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <AckChips acks={entry.acknowledgedBy} titles={titles} />
            {me && !acked ? <AcknowledgeButton slug={slug} seq={entry.seq} me={me} label={`${who} ${describeEntry(entry).text}`} /> : null}
          </div>
        ) : null}
      </EntryText>
    </li>
  );
});
