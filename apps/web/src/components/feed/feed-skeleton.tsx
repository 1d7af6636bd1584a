import { Skeleton } from "@tandem/ui/skeleton";

/** The feed's shape while its first page loads. */
export function FeedSkeleton() {
  return (
    <div className="grid gap-5" role="status" aria-label="Loading the feed">
      <Skeleton className="h-3 w-16" />
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="flex gap-3">
          <Skeleton className="size-7 rounded-full" />
          <div className="grid flex-1 gap-2">
            <Skeleton className="h-3.5 w-4/5" />
            {i % 2 === 0 ? <Skeleton className="h-20 w-full rounded-lg" /> : <Skeleton className="h-3 w-1/3" />}
          </div>
        </div>
      ))}
    </div>
  );
}
