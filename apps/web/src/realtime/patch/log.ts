import type { LogEntryPayload } from "@tandem/realtime-contract";
import type { InfiniteData, QueryClient, QueryKey } from "@tanstack/react-query";

import { procedureQueryKey, queriesOf } from "../query-keys";
import type { ApplyContext, LogPage, LogRow } from "../rows";

type LogListInput = { workspaceSlug: string; projectId?: string; limit?: number };

export function toLogRow(entry: LogEntryPayload): LogRow {
  return { ...entry, createdAt: new Date(entry.createdAt), summary: { ...entry.summary } };
}

/** Newest first: a new entry goes on top of the first loaded page; the head moves. */
export function prependToLog(queryClient: QueryClient, ctx: ApplyContext, entry: LogEntryPayload, invalidate: QueryKey[]) {
  for (const { query, input } of queriesOf<LogListInput>(queryClient, "log.list", ctx.workspaceSlug)) {
    if (input.projectId && input.projectId !== entry.projectId) continue;
    const data = queryClient.getQueryData<InfiniteData<LogPage, number | undefined>>(query.queryKey);
    const first = data?.pages[0];
    if (!data || !first) continue;
    const newest = first.entries[0]?.seq ?? 0;
    if (entry.seq <= newest) continue;
    // The whole-workspace list is gapless: a jump means the list was read before entries we
    // applied, so it is read again rather than shown with a hole.
    if (!input.projectId && newest > 0 && entry.seq > newest + 1) {
      invalidate.push(query.queryKey);
      continue;
    }
    queryClient.setQueryData<InfiniteData<LogPage, number | undefined>>(query.queryKey, {
      ...data,
      pages: [{ ...first, entries: [toLogRow(entry), ...first.entries] }, ...data.pages.slice(1)],
    });
  }
  queryClient.setQueryData<{ seq: number; hash: string }>(procedureQueryKey("log.head", { workspaceSlug: ctx.workspaceSlug }), (head) =>
    head && head.seq >= entry.seq ? head : { seq: entry.seq, hash: entry.hash },
  );
}
