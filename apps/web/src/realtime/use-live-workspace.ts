"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";

import { useTRPC } from "~/trpc/react";

import { useRealtime } from "./realtime-provider";

/**
 * Follows a workspace's log from the head its first page was rendered at (prefetched on the
 * server before the page's data, so no entry falls between the two). Called by the shell.
 */
export function useLiveWorkspace(slug: string, me: { workspaceId: string; userId: string; timeZone: string } | undefined) {
  const trpc = useTRPC();
  const { live } = useRealtime();
  // The live cache moves this head forward itself; refetching it would only repeat that.
  const head = useQuery(trpc.log.head.queryOptions({ workspaceSlug: slug }, { staleTime: Infinity, refetchOnWindowFocus: false }));
  const headSeq = head.data?.seq;

  useEffect(() => {
    if (!me || headSeq === undefined) return;
    live.follow({ workspaceId: me.workspaceId, slug, userId: me.userId, timeZone: me.timeZone, headSeq });
  }, [live, slug, me?.workspaceId, me?.userId, me?.timeZone, headSeq]);
}
