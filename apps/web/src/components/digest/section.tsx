import { cn } from "~/lib/utils";

/** One part of the digest: a heading with a count, and its body (or a note saying why it's empty). */
export function DigestSection({
  id,
  title,
  count,
  description,
  children,
  className,
}: {
  id: string;
  title: string;
  count?: number;
  description?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} id={id} className={cn("grid scroll-mt-20 content-start gap-3", className)} data-testid={`digest-${id}`}>
      <div className="grid gap-0.5">
        <h2 id={`${id}-heading`} className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          {title}
          {count !== undefined ? <span className="rounded-full bg-muted px-2 text-xs font-medium text-muted-foreground tabular-nums">{count}</span> : null}
        </h2>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}

/** What an empty section means, in a dashed box, rather than a blank space. */
export function EmptyNote({ children, className }: { children: React.ReactNode; className?: string }) {
  return <p className={cn("rounded-lg border border-dashed px-4 py-3.5 text-sm text-muted-foreground", className)}>{children}</p>;
}
