"use client";

import { useQuery } from "@tanstack/react-query";
import { format } from "date-fns";
import { Printer, RefreshCw } from "lucide-react";
import { useMemo } from "react";

import { Disagreements } from "~/components/digest/disagreements";
import { MissingCheckIns } from "~/components/digest/missing-check-ins";
import { OverdueBySide } from "~/components/digest/overdue-by-side";
import { ProjectsByHealth } from "~/components/digest/projects-by-health";
import type { Digest } from "~/components/digest/types";
import { Button } from "@tandem/ui/button";
import { Skeleton } from "@tandem/ui/skeleton";
import { Spinner } from "@tandem/ui/spinner";
import { PageBody, PageHeader, PageSkeleton } from "~/components/workspace/page-header";
import { exactTime } from "~/lib/dates";
import { errorMessage } from "~/lib/form-errors";
import { cn } from "~/lib/utils";
import { useToday } from "~/components/shell/workspace-context";
import { useTRPC } from "~/trpc/react";

// The workspace shell's sidebar and phone bar are not part of a printed digest.
const PRINT_CSS = `@media print {
  aside[aria-label="Sidebar"], body header.sticky, [data-sonner-toaster] { display: none !important; }
  body { background: white; }
}`;

export function DigestPage({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const workspace = useQuery(trpc.workspace.get.queryOptions({ workspaceSlug: slug }));
  // Computed on request from the data as it is now; a minute old is fresh enough for a weekly read.
  const digest = useQuery(trpc.feed.digest.queryOptions({ workspaceSlug: slug }, { staleTime: 60_000 }));
  const members = useQuery(trpc.member.list.queryOptions({ workspaceSlug: slug }));
  const names = useMemo(() => new Map((members.data ?? []).map((m) => [m.id, m.name])), [members.data]);
  const today = useToday();

  if (digest.isError) {
    return (
      <PageBody className="max-w-5xl">
        <PageHeader eyebrow={workspace.data?.workspace.name} title="Weekly digest" />
        <p role="alert" className="text-sm text-muted-foreground">
          We couldn&apos;t put the digest together: {errorMessage(digest.error)}{" "}
          <Button variant="link" size="sm" onClick={() => digest.refetch()}>
            Try again
          </Button>
        </p>
      </PageBody>
    );
  }
  if (!digest.data) return <DigestSkeleton />;
  const d = digest.data;

  return (
    <PageBody className="max-w-5xl gap-8 print:max-w-none print:p-0">
      <style>{PRINT_CSS}</style>
      <PageHeader
        eyebrow={workspace.data?.workspace.name}
        title="Weekly digest"
        description={
          <span>
            <time dateTime={d.from} title={exactTime(d.from)}>
              {weekDay(d.from)}
            </time>{" "}
            to{" "}
            <time dateTime={d.to} title={exactTime(d.to)}>
              {weekDay(d.to)}
            </time>{" "}
            · {d.changeCount} {d.changeCount === 1 ? "change" : "changes"} in the log
          </span>
        }
        actions={
          <div className="flex gap-2 print:hidden">
            <Button variant="outline" size="sm" onClick={() => digest.refetch()} disabled={digest.isFetching} aria-label="Refresh the digest">
              {digest.isFetching ? <Spinner /> : <RefreshCw aria-hidden />} Refresh
            </Button>
            <Button variant="outline" size="sm" onClick={() => window.print()}>
              <Printer aria-hidden /> Print
            </Button>
          </div>
        }
      />
      <Summary digest={d} />
      <ProjectsByHealth slug={slug} digest={d} />
      <OverdueBySide slug={slug} digest={d} today={today} />
      <div className="grid gap-8 lg:grid-cols-2">
        <MissingCheckIns slug={slug} digest={d} names={names} />
        <Disagreements slug={slug} digest={d} />
      </div>
    </PageBody>
  );
}

/** The week in numbers, each a jump to its section. */
function Summary({ digest: d }: { digest: Digest }) {
  const tiles = [
    { href: "#projects", label: "Off track", value: d.byHealth.off_track.length, alarm: d.byHealth.off_track.length > 0 },
    { href: "#projects", label: "At risk", value: d.byHealth.at_risk.length, alarm: false },
    { href: "#overdue", label: "Overdue tasks", value: d.overdueBySide.marketing.length + d.overdueBySide.it.length, alarm: false },
    { href: "#check-ins", label: "Check-ins missing", value: d.missingCheckIns.length, alarm: false },
    { href: "#disagreements", label: "Leads disagree", value: d.disagreements.length, alarm: d.disagreements.length > 0 },
  ];
  return (
    <nav aria-label="Digest summary">
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-5 sm:gap-3">
        {tiles.map((t, i) => (
          <li key={t.label} className={cn(i === tiles.length - 1 && "col-span-2 sm:col-span-1")}>
            <a
              href={t.href}
              className={cn(
                "grid h-full content-start gap-1 rounded-lg border p-2.5 transition-colors sm:p-3.5",
                t.alarm ? "border-destructive/25 bg-destructive-soft hover:bg-destructive-soft/70" : "bg-card hover:bg-accent/60",
              )}
            >
              <span className={cn("text-[13px] font-medium", t.alarm ? "text-destructive" : "text-muted-foreground")}>{t.label}</span>
              <span className={cn("text-2xl font-semibold tracking-tight tabular-nums", t.alarm && "text-destructive")}>{t.value}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function weekDay(at: string) {
  return format(new Date(at), "EEE d MMM");
}

export function DigestSkeleton() {
  return (
    <PageSkeleton className="max-w-5xl gap-8">
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-5 sm:gap-3">
        {[0, 1, 2, 3, 4].map((i) => (
          <Skeleton key={i} className={cn("h-20 rounded-lg", i === 4 && "col-span-2 sm:col-span-1")} />
        ))}
      </div>
      <div className="grid gap-3">
        <Skeleton className="h-6 w-48" />
        <div className="grid gap-2.5 lg:grid-cols-2">
          <Skeleton className="h-36 rounded-xl" />
          <Skeleton className="h-36 rounded-xl" />
        </div>
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <Skeleton className="h-40 rounded-xl" />
        <Skeleton className="h-40 rounded-xl" />
      </div>
    </PageSkeleton>
  );
}
