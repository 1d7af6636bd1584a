"use client";

import type { RouterOutputs } from "@tandem/api";
import { sidesDisagree } from "@tandem/domain/rules";
import { perSide, WORKING_SIDES, type WorkingSide } from "@tandem/domain/sides";
import { useQuery } from "@tanstack/react-query";
import { ChevronRight } from "lucide-react";

import { UserAvatar } from "~/components/people/user-avatar";
import { DisagreeBadge, HealthPill } from "~/components/projects/health";
import { cadenceLabel } from "~/components/projects/project-fields";
import { Button } from "@tandem/ui/button";
import { Skeleton } from "@tandem/ui/skeleton";
import { ago, exactTime } from "~/lib/dates";
import { errorMessage } from "~/lib/form-errors";
import { SIDE_EDGE, SIDE_LABELS } from "~/lib/sides";
import { cn } from "~/lib/utils";
import type { ProjectDetail } from "~/realtime/apply-log-entry";
import { useTRPC } from "~/trpc/react";

import { SECTIONS } from "./check-in-dialog";
import { DueBadge, type DueState } from "./check-in-status";

type CheckIn = RouterOutputs["checkIn"]["list"]["items"][number];

/**
 * Both leads' latest check-ins side by side (marketing left, IT right; stacked on a phone), a flag
 * when their healths differ, and the earlier ones folded away underneath.
 */
export function CheckInsPanel({ slug, detail }: { slug: string; detail: ProjectDetail }) {
  const trpc = useTRPC();
  const p = detail.project;
  const list = useQuery(trpc.checkIn.list.queryOptions({ workspaceSlug: slug, projectId: p.id }));
  const status = useQuery(trpc.checkIn.status.queryOptions({ workspaceSlug: slug }));

  if (list.isError) {
    return (
      <p role="alert" className="text-sm text-muted-foreground">
        We couldn&apos;t load the check-ins: {errorMessage(list.error)}{" "}
        <Button variant="link" size="sm" onClick={() => list.refetch()}>
          Try again
        </Button>
      </p>
    );
  }
  if (!list.data) return <CheckInsSkeleton />;

  const { latest, items } = list.data;
  const statusOf = (side: WorkingSide) => status.data?.all.find((s) => s.projectId === p.id && s.side === side);
  const disagree = sidesDisagree(perSide((side) => ({ health: latest[side]?.health ?? null })));
  const earlier = items.filter((c) => !WORKING_SIDES.some((side) => c.id === latest[side]?.id));
  const headlineOf = (c: CheckIn) => c.headline || null;

  return (
    <section aria-labelledby="check-ins-heading" className="grid gap-4" data-testid="check-ins-panel">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
        <h2 id="check-ins-heading" className="text-base font-semibold">
          Latest check-ins
        </h2>
        {disagree ? <DisagreeBadge /> : null}
        <span className="text-[13px] text-muted-foreground">Each lead checks in {cadenceLabel(p.checkInCadenceDays)}.</span>
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        {WORKING_SIDES.map((side) => {
          const checkIn = latest[side];
          return (
            <LeadCheckIn
              key={side}
              side={side}
              leadName={detail.sides[side].leadName}
              checkIn={checkIn}
              headline={checkIn ? headlineOf(checkIn) : null}
              status={statusOf(side)}
            />
          );
        })}
      </div>
      {earlier.length > 0 ? (
        <details className="group rounded-xl border bg-card" data-testid="check-in-history">
          <summary className="flex cursor-pointer list-none items-center gap-2 rounded-xl px-4 py-3 text-sm font-medium hover:bg-accent/60 [&::-webkit-details-marker]:hidden">
            <ChevronRight aria-hidden className="size-4 text-muted-foreground transition-transform group-open:rotate-90" />
            Earlier check-ins <span className="font-normal text-muted-foreground tabular-nums">({earlier.length})</span>
          </summary>
          <ol className="grid divide-y border-t">
            {earlier.map((c) => (
              <li key={c.id} className="grid gap-2 px-4 py-3.5">
                <div className="flex flex-wrap items-center gap-2">
                  <UserAvatar name={c.authorName} side={c.side} size="xs" />
                  <span className="text-sm font-medium">{c.authorName}</span>
                  <span className="text-xs text-muted-foreground">{SIDE_LABELS[c.side]}</span>
                  <HealthPill health={c.health} />
                  <time dateTime={new Date(c.createdAt).toISOString()} title={exactTime(c.createdAt)} className="ml-auto text-xs text-muted-foreground">
                    {ago(c.createdAt)}
                  </time>
                </div>
                {headlineOf(c) ? <p className="text-sm font-medium">{headlineOf(c)}</p> : null}
                <Sections checkIn={c} />
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}

function LeadCheckIn({
  side,
  leadName,
  checkIn,
  headline,
  status,
}: {
  side: WorkingSide;
  leadName: string;
  checkIn: CheckIn | null;
  headline: string | null;
  status: DueState | undefined;
}) {
  return (
    <article
      className={cn("grid content-start gap-3 rounded-xl border border-l-[3px] bg-card p-4", SIDE_EDGE[side].left)}
      data-testid={`check-in-${side}`}
      aria-label={`${SIDE_LABELS[side]} check-in`}
    >
      <header className="flex flex-wrap items-center gap-2.5">
        <UserAvatar name={checkIn?.authorName ?? leadName} side={side} size="sm" />
        <div className="grid min-w-0 flex-1 leading-tight">
          <span className="truncate text-sm font-medium">{checkIn?.authorName ?? leadName}</span>
          <span className="text-xs text-muted-foreground">
            {SIDE_LABELS[side]} lead
            {checkIn ? (
              <>
                {" · "}
                <time dateTime={new Date(checkIn.createdAt).toISOString()} title={exactTime(checkIn.createdAt)}>
                  {ago(checkIn.createdAt)}
                </time>
              </>
            ) : null}
          </span>
        </div>
        {checkIn ? <HealthPill health={checkIn.health} /> : null}
      </header>
      {checkIn ? (
        <>
          {headline ? <p className="text-[15px] leading-snug font-medium break-words">{headline}</p> : null}
          <Sections checkIn={checkIn} />
          <DueBadge status={status} className="justify-self-start" />
        </>
      ) : (
        <div className="grid justify-items-start gap-2 rounded-lg border border-dashed px-3 py-4">
          <p className="text-sm text-muted-foreground">No check-in from {leadName} yet.</p>
          <DueBadge status={status} />
        </div>
      )}
    </article>
  );
}

function Sections({ checkIn }: { checkIn: CheckIn }) {
  const filled = SECTIONS.filter((s) => checkIn[s.key].trim());
  if (filled.length === 0) return null;
  return (
    <dl className="grid gap-2.5">
      {filled.map((s) => (
        <div key={s.key} className="grid gap-0.5">
          <dt className="text-xs font-medium text-muted-foreground">{s.label}</dt>
          <dd className="text-sm leading-relaxed break-words whitespace-pre-line">{checkIn[s.key]}</dd>
        </div>
      ))}
    </dl>
  );
}

export function CheckInsSkeleton() {
  return (
    <div className="grid gap-4" role="status" aria-label="Loading check-ins">
      <Skeleton className="h-5 w-40" />
      <div className="grid gap-3 md:grid-cols-2">
        <Skeleton className="h-44 rounded-xl" />
        <Skeleton className="h-44 rounded-xl" />
      </div>
    </div>
  );
}
