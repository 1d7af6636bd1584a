import { RowSkeleton, Skeleton } from "@tandem/ui/skeleton";

/** The activity list's shape while it loads (a server component, so a loading page carries none of the list's code). */
export function ActivitySkeleton() {
  return (
    <div className="grid gap-4" role="status" aria-label="Loading activity">
      <Skeleton className="h-3 w-16" />
      {[0, 1, 2, 3, 4].map((i) => (
        <RowSkeleton key={i} />
      ))}
    </div>
  );
}
