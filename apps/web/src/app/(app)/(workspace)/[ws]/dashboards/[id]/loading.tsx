import { PageSkeleton } from "~/components/workspace/page-header";

export default function Loading() {
  return (
    <PageSkeleton className="max-w-7xl">
      <div className="grid auto-rows-[9rem] gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {["a", "b", "c", "d"].map((k) => (
          <div key={k} className="animate-pulse rounded-xl bg-muted" />
        ))}
      </div>
    </PageSkeleton>
  );
}
