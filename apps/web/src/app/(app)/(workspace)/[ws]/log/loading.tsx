import { ActivitySkeleton } from "~/components/log/activity-skeleton";
import { Skeleton } from "@tandem/ui/skeleton";
import { PageBody } from "~/components/workspace/page-header";

export default function Loading() {
  return (
    <PageBody className="max-w-4xl">
      <div className="grid gap-2">
        <Skeleton className="h-3 w-16" />
        <Skeleton className="h-8 w-56" />
        <Skeleton className="h-4 w-full max-w-xl" />
      </div>
      <Skeleton className="h-7 w-64 rounded-full" />
      <ActivitySkeleton />
    </PageBody>
  );
}
