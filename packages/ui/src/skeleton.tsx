import { cn } from "./utils";

export function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="skeleton" aria-hidden className={cn("animate-pulse rounded-md bg-muted", className)} {...props} />;
}

/**
 * A list row while it loads: an avatar and two lines of text (a name or sentence, then a time or
 * detail), as the feed, the log, the inbox, comments and members lay out their rows.
 */
export function RowSkeleton({
  avatar = "size-7",
  first = "w-4/5",
  second = "w-1/3",
  className,
  children,
}: {
  avatar?: string;
  first?: string;
  second?: string;
  className?: string;
  children?: React.ReactNode;
}) {
  return (
    <div className={cn("flex gap-3", className)}>
      <Skeleton className={cn("shrink-0 rounded-full", avatar)} />
      <div className="grid flex-1 gap-1.5">
        <Skeleton className={cn("h-3.5", first)} />
        <Skeleton className={cn("h-3", second)} />
      </div>
      {children}
    </div>
  );
}
