import { ActivitySkeleton } from "~/components/log/activity-skeleton";
import { Skeleton } from "@tandem/ui/skeleton";
import { PageSkeleton } from "~/components/workspace/page-header";

export default function Loading() {
  return (
    <PageSkeleton className="max-w-4xl">
      <Skeleton className="h-7 w-64 rounded-full" />
      <ActivitySkeleton />
    </PageSkeleton>
  );
}
