import { Skeleton } from "@tandem/ui/skeleton";

/** The activity list's shape while it loads (a server component, so a loading page carries none of the list's code). */
export function ActivitySkeleton() {
  return (
    <div className="grid gap-4" role="status" aria-label="Loading activity">
      <Skeleton className="h-3 w-16" />
      {[0, 1, 2, 3, 4].map((i) => (
        <div key={i} className="flex gap-3">
          <Skeleton className="size-7 rounded-full" />
          <div className="grid flex-1 gap-1.5">
            <Skeleton className="h-3.5 w-4/5" />
            <Skeleton className="h-3 w-1/3" />
          </div>
        </div>
      ))}
    </div>
  );
}
