import { Skeleton } from "@tandem/ui/skeleton";

import { cn } from "~/lib/utils";

export function PageHeader({
  eyebrow,
  title,
  description,
  actions,
  className,
}: {
  eyebrow?: React.ReactNode;
  title: React.ReactNode;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  className?: string;
}) {
  return (
    <header className={cn("flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between", className)}>
      <div className="grid min-w-0 gap-1.5">
        {eyebrow ? <div className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{eyebrow}</div> : null}
        <h1 className="truncate text-2xl font-semibold tracking-tight sm:text-[28px]">{title}</h1>
        {description ? <div className="text-sm text-muted-foreground">{description}</div> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
    </header>
  );
}

export function PageBody({ children, className }: { children: React.ReactNode; className?: string }) {
  return <div className={cn("mx-auto grid w-full max-w-6xl gap-6 px-4 py-6 sm:px-6 lg:px-10 lg:py-10", className)}>{children}</div>;
}

/**
 * A page while it loads: the header (eyebrow, title, description) as bars where PageHeader will
 * put them, then the page's own shape. Every page's loading state starts with it.
 */
export function PageSkeleton({ className, children }: { className?: string; children?: React.ReactNode }) {
  return (
    <PageBody className={className}>
      <div className="grid gap-2">
        <Skeleton className="h-3 w-20" />
        <Skeleton className="h-8 w-56 max-w-full" />
        <Skeleton className="h-4 w-80 max-w-full" />
      </div>
      {children}
    </PageBody>
  );
}
