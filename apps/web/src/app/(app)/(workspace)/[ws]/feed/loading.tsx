import { FeedSkeleton } from "~/components/feed/feed-list";
import { Card } from "~/components/ui/card";
import { Skeleton } from "~/components/ui/skeleton";
import { PageBody } from "~/components/workspace/page-header";

export default function Loading() {
  return (
    <PageBody className="max-w-4xl">
      <div className="grid gap-2">
        <Skeleton className="h-3 w-16" />
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-4 w-full max-w-xl" />
      </div>
      <div className="flex flex-wrap gap-2">
        <Skeleton className="h-8 w-40" />
        <Skeleton className="h-8 w-28" />
        <Skeleton className="h-8 w-28" />
      </div>
      <Card className="px-4 py-4 sm:px-6 sm:py-5">
        <FeedSkeleton />
      </Card>
    </PageBody>
  );
}
