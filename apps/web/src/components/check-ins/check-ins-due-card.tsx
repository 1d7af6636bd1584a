"use client";

import { useQuery } from "@tanstack/react-query";
import { CircleCheck, ClipboardCheck } from "lucide-react";
import Link from "next/link";
import { useMemo } from "react";

import { UserAvatar } from "~/components/people/user-avatar";
import { Button } from "@tandem/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@tandem/ui/card";
import { Skeleton } from "@tandem/ui/skeleton";
import { SIDE_LABELS } from "~/lib/sides";
import { useTRPC } from "~/trpc/react";

import { DueBadge } from "./check-in-status";

/**
 * On the overview: a lead's own due and overdue check-ins, each a step from its form; leadership
 * sees instead which leads have gone quiet. Anyone who leads nothing sees nothing.
 */
export function CheckInsDueCard({ slug, me }: { slug: string; me: { memberId: string; side: string } }) {
  const trpc = useTRPC();
  const status = useQuery(trpc.checkIn.status.queryOptions({ workspaceSlug: slug }));
  if (me.side === "leadership") return <QuietLeads slug={slug} />;
  if (status.isPending) return <Skeleton className="h-32 rounded-xl" />;
  if (!status.data) return null;
  const leads = status.data.all.some((s) => s.leadId === me.memberId);
  if (!leads) return null;
  const mine = [...status.data.mine].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return (
    <Card data-testid="your-check-ins">
      <CardHeader>
        <CardTitle>Your check-ins</CardTitle>
        <CardDescription>
          {mine.length === 0 ? "You're up to date on every project you lead." : "Projects you lead that are waiting for your check-in."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {mine.length === 0 ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <CircleCheck aria-hidden className="size-4 text-success" /> Nothing due. The next ones show here a day before they are.
          </p>
        ) : (
          <ul className="grid divide-y">
            {mine.map((s) => (
              <li
                key={`${s.projectId}:${s.side}`}
                className="flex flex-wrap items-center gap-x-3 gap-y-2 py-2.5 first:pt-0 last:pb-0"
                data-testid="your-check-in"
              >
                <div className="grid min-w-0 flex-1 basis-44 gap-1">
                  <span className="text-sm font-medium break-words">{s.projectName}</span>
                  <span className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                    {SIDE_LABELS[s.side]} lead
                    <DueBadge status={s} />
                  </span>
                </div>
                <Button asChild size="sm" variant={s.state === "overdue" ? "default" : "outline"}>
                  <Link href={`/${slug}/projects/${s.projectId}?view=check-ins&checkin=1`}>
                    <ClipboardCheck aria-hidden /> Check in
                  </Link>
                </Button>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

/** Leadership's view: leads past their cadence, by how long since their last update. */
function QuietLeads({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const status = useQuery(trpc.checkIn.status.queryOptions({ workspaceSlug: slug }));
  const members = useQuery(trpc.member.list.queryOptions({ workspaceSlug: slug }));
  const names = useMemo(() => new Map((members.data ?? []).map((m) => [m.id, m.name])), [members.data]);
  if (status.isPending) return <Skeleton className="h-32 rounded-xl" />;
  if (!status.data) return null;
  const overdue = status.data.all.filter((s) => s.state === "overdue").sort((a, b) => b.daysSinceUpdate - a.daysSinceUpdate);
  return (
    <Card data-testid="quiet-leads">
      <CardHeader>
        <CardTitle>Check-ins overdue</CardTitle>
        <CardDescription>
          {overdue.length === 0 ? "Every lead has checked in on their cadence." : "Leads past their project's check-in cadence."}
        </CardDescription>
      </CardHeader>
      {overdue.length > 0 ? (
        <CardContent>
          <ul className="grid divide-y">
            {overdue.map((s) => {
              const name = names.get(s.leadId) ?? "The lead";
              return (
                <li
                  key={`${s.projectId}:${s.side}`}
                  className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2.5 first:pt-0 last:pb-0"
                  data-testid="quiet-lead"
                >
                  <UserAvatar name={name} side={s.side} size="sm" />
                  <div className="grid min-w-0 flex-1 basis-44 leading-tight">
                    <span className="text-sm font-medium break-words">{name}</span>
                    <Link href={`/${slug}/projects/${s.projectId}?view=check-ins`} className="text-[13px] break-words text-muted-foreground hover:underline">
                      {s.projectName} · {SIDE_LABELS[s.side]}
                    </Link>
                  </div>
                  <span className="text-[13px] font-medium text-destructive">
                    No update for {s.daysSinceUpdate} {s.daysSinceUpdate === 1 ? "day" : "days"}
                  </span>
                </li>
              );
            })}
          </ul>
        </CardContent>
      ) : null}
    </Card>
  );
}
