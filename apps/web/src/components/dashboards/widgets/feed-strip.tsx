import { ago, exactTime } from "~/lib/dates";

import type { DataOf } from "../types";

/** The latest feed items, as the feed tells them. */
export function FeedStrip({ data }: { data: DataOf<"feed_strip"> }) {
  if (data.items.length === 0) return <p className="text-sm text-muted-foreground">Nothing in the feed yet.</p>;
  return (
    <ol className="grid gap-2" aria-label="Latest from the feed">
      {data.items.map((i) => (
        <li key={i.seq} className="grid gap-0.5 text-sm">
          <span className="leading-snug">{i.title}</span>
          <time dateTime={i.at} title={exactTime(i.at)} className="text-xs text-muted-foreground">
            {ago(i.at)}
          </time>
        </li>
      ))}
    </ol>
  );
}
