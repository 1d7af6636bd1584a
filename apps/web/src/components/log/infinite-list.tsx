"use client";

import { useEffect, useRef } from "react";

import { Button } from "@tandem/ui/button";

interface Pager {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * Whether an entry arrived live, after the list first loaded (`headSeq` is its newest seq then;
 * undefined while loading). Only those animate in; what the page opened with is simply there.
 */
export function useArrivedLive(loaded: boolean, headSeq: number | undefined) {
  const openedAt = useRef<number | null>(null);
  if (openedAt.current === null && loaded) openedAt.current = headSeq ?? 0;
  return (seq: number) => seq > (openedAt.current ?? Infinity);
}

/** A ref for an element at the end of a list: when it comes within 400 px of view, the next page loads. */
export function useLoadMoreOnScroll(pager: Pager) {
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pager;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage || typeof IntersectionObserver === "undefined") return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: "400px" },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  return sentinel;
}

/** A list that failed to load: what failed, why, and a retry. */
export function ListLoadError({ what, error, onRetry }: { what: string; error: { message: string }; onRetry: () => void }) {
  return (
    <div role="alert" className="rounded-xl border border-dashed px-4 py-8 text-center text-sm text-muted-foreground">
      We couldn&apos;t load {what}. {error.message}
      <div className="mt-3">
        <Button variant="outline" size="sm" onClick={onRetry}>
          Try again
        </Button>
      </div>
    </div>
  );
}
