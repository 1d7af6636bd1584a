"use client";

import { WORKING_SIDES, type WorkingSide } from "@tandem/domain/sides";
import { useQuery } from "@tanstack/react-query";
import { ArrowRight, ChartNoAxesColumn, FolderKanban, ListChecks, Radio, ScrollText, Split, UserPlus, WifiOff } from "lucide-react";
import Link from "next/link";

import { CheckInsDueCard } from "~/components/check-ins/check-ins-due-card";
import { SideBadge, RoleBadge } from "~/components/people/side-badge";
import { UserAvatar } from "~/components/people/user-avatar";
import { Button } from "@tandem/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@tandem/ui/card";
import { Skeleton } from "@tandem/ui/skeleton";
import { PageBody, PageHeader, PageSkeleton } from "~/components/workspace/page-header";
import { HEALTH_LABELS, type Health } from "~/lib/projects";
import { SIDE_LABELS, SIDE_STYLES, SIDES, type Side } from "~/lib/sides";
import { cn } from "~/lib/utils";
import { useConnectionStatus } from "~/realtime/realtime-provider";
import { usePresence } from "~/realtime/use-presence";
import { useTRPC } from "~/trpc/react";

const PILLARS = [
  {
    icon: FolderKanban,
    title: "Co-owned projects",
    body: "Each project has an owner on both sides, so neither team is waiting on a black box.",
  },
  {
    icon: ListChecks,
    title: "One shared to-do list",
    body: "Requests, data work and launches live in one list both sides can see and move.",
  },
  {
    icon: ScrollText,
    title: "A transparency log",
    body: "Every change is recorded in order and can't be quietly rewritten — the shared memory.",
  },
  {
    icon: ChartNoAxesColumn,
    title: "Shared KPI dashboards",
    body: "Numbers both sides agree on, computed from the same record of the work.",
  },
  {
    icon: Radio,
    title: "A live progress feed",
    body: "What leadership reads on a laptop or a phone in a corridor, instead of chasing updates.",
  },
] as const;

const YOUR_SIDE: Record<Side, string> = {
  marketing: "Bring the campaigns and the questions. Work joint projects and tasks with IT, ask your data questions in the open, and rate what IT delivers.",
  it: "Bring the data and the platforms. Work joint projects and tasks with marketing, ready data and infrastructure, and rate how clear the requirements were.",
  leadership: "Watch the work move. Read everything, comment and acknowledge — without chasing either side for a status update.",
};

export function Overview({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.workspace.get.queryOptions({ workspaceSlug: slug }));

  if (!data) return <OverviewSkeleton />;
  const { workspace, me, membersBySide } = data;
  const isAdmin = me.role === "admin";

  return (
    <PageBody>
      <PageHeader
        eyebrow="Overview"
        title={workspace.name}
        description={
          <span className="flex flex-wrap items-center gap-1.5">
            You&apos;re on the <SideBadge side={me.side} /> side as <RoleBadge role={me.role} />
          </span>
        }
        actions={
          isAdmin ? (
            <Button asChild>
              <Link href={`/${slug}/members?invite=1`}>
                <UserPlus aria-hidden /> Invite people
              </Link>
            </Button>
          ) : (
            <Button asChild variant="outline">
              <Link href={`/${slug}/members`}>View members</Link>
            </Button>
          )
        }
      />

      <CheckInsDueCard slug={slug} me={me} />

      <div className="grid gap-6 lg:grid-cols-3">
        <MembersCard slug={slug} counts={membersBySide} />
        <OnlineCard workspaceId={workspace.id} meId={me.userId} />
      </div>

      <ProjectsCard slug={slug} />

      <Card>
        <CardHeader>
          <CardTitle>What Tandem is for</CardTitle>
          <CardDescription className="max-w-3xl">
            Tandem is where the marketing side (led by the CMO) and the IT side (led by the CIO) run their joint work in the open — and where leadership watches
            it move.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ul className="grid gap-x-6 gap-y-5 sm:grid-cols-2 xl:grid-cols-3">
            {PILLARS.map(({ icon: Icon, title, body }) => (
              <li key={title} className="flex gap-3">
                <span className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-primary-soft text-primary">
                  <Icon aria-hidden className="size-4" />
                </span>
                <span className="grid content-start gap-0.5">
                  <span className="text-sm font-medium">{title}</span>
                  <span className="text-sm leading-relaxed text-muted-foreground">{body}</span>
                </span>
              </li>
            ))}
            <li className={cn("rounded-lg border px-4 py-3.5 sm:col-span-2 xl:col-span-1", SIDE_STYLES[me.side].soft)}>
              <p className={cn("text-sm font-medium", SIDE_STYLES[me.side].ink)}>On the {SIDE_LABELS[me.side]} side</p>
              <p className="mt-1 text-sm leading-relaxed text-foreground/80">{YOUR_SIDE[me.side]}</p>
            </li>
          </ul>
        </CardContent>
      </Card>
    </PageBody>
  );
}

function MembersCard({ slug, counts }: { slug: string; counts: Partial<Record<string, number>> }) {
  const total = SIDES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  return (
    <Card className="lg:col-span-2">
      <CardHeader className="flex-row items-start justify-between">
        <div className="grid gap-1">
          <CardTitle>Members by side</CardTitle>
          <CardDescription>
            {total} {total === 1 ? "person" : "people"} in this workspace
          </CardDescription>
        </div>
        <Button asChild variant="ghost" size="sm" className="-mt-1 -mr-2 text-muted-foreground">
          <Link href={`/${slug}/members`}>
            All members <ArrowRight aria-hidden />
          </Link>
        </Button>
      </CardHeader>
      <CardContent className="grid gap-5">
        <div className="flex h-2 overflow-hidden rounded-full bg-muted" aria-hidden>
          {SIDES.map((s) =>
            counts[s] ? <span key={s} className={cn("h-full", SIDE_STYLES[s].bar)} style={{ width: `${((counts[s] ?? 0) / total) * 100}%` }} /> : null,
          )}
        </div>
        <dl className="grid grid-cols-3 gap-2 sm:gap-3">
          {SIDES.map((s) => (
            <div key={s} className="grid min-w-0 content-start gap-1 rounded-lg border bg-background/60 p-2.5 sm:p-3.5">
              <dt className="flex min-w-0 items-center gap-1.5 text-[13px] font-medium sm:gap-2 sm:text-sm">
                <span aria-hidden className={cn("size-2 rounded-full", SIDE_STYLES[s].dot)} />
                <span className="min-w-0 break-words">{SIDE_LABELS[s]}</span>
              </dt>
              <dd className="text-2xl font-semibold tabular-nums tracking-tight" data-testid={`count-${s}`}>
                {counts[s] ?? 0}
              </dd>
              <dd className="hidden text-xs leading-snug text-muted-foreground sm:block">{SIDE_STYLES[s].blurb}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}

type HealthBucket = Health | "none";
const BUCKETS: { key: HealthBucket; label: string; dot: string; filter: string | null }[] = [
  { key: "on_track", label: HEALTH_LABELS.on_track, dot: "bg-success", filter: "on_track" },
  { key: "at_risk", label: HEALTH_LABELS.at_risk, dot: "bg-warning", filter: "at_risk" },
  { key: "off_track", label: HEALTH_LABELS.off_track, dot: "bg-destructive", filter: "off_track" },
  { key: "none", label: "No health yet", dot: "border-[1.5px] border-muted-foreground/45", filter: null },
];

/** A project counts under the worse of its two leads' views (a project isn't on track if one lead says it's at risk). */
function worstHealth(sides: Record<WorkingSide, { health: Health | null }>): HealthBucket {
  const order: Health[] = ["off_track", "at_risk", "on_track"];
  return order.find((h) => WORKING_SIDES.some((side) => sides[side].health === h)) ?? "none";
}

function ProjectsCard({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const projects = useQuery(trpc.project.list.queryOptions({ workspaceSlug: slug, filter: {} }));
  const rows = projects.data ?? [];
  const open = rows.filter((r) => r.project.phase !== "done");
  const counts = Object.fromEntries(BUCKETS.map((b) => [b.key, open.filter((r) => worstHealth(r.sides) === b.key).length])) as Record<HealthBucket, number>;
  const disagree = open.filter((r) => r.disagree).length;
  return (
    <Card data-testid="projects-summary">
      <CardHeader className="flex-row items-start justify-between">
        <div className="grid gap-1">
          <CardTitle>Projects</CardTitle>
          <CardDescription>
            {projects.isPending
              ? "Loading…"
              : rows.length === 0
                ? "No joint projects yet."
                : `${open.length} under way${rows.length > open.length ? `, ${rows.length - open.length} done` : ""}. Each counts under the less hopeful of its two leads' views.`}
          </CardDescription>
        </div>
        <Button asChild variant="ghost" size="sm" className="-mt-1 -mr-2 text-muted-foreground">
          <Link href={`/${slug}/projects`}>
            All projects <ArrowRight aria-hidden />
          </Link>
        </Button>
      </CardHeader>
      <CardContent>
        {projects.isPending ? (
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-5">
            {[0, 1, 2, 3, 4].map((i) => (
              <Skeleton key={i} className="h-16" />
            ))}
          </div>
        ) : (
          <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5 sm:gap-3">
            {BUCKETS.map((b) => (
              <Link
                key={b.key}
                href={b.filter ? `/${slug}/projects?health=${b.filter}` : `/${slug}/projects`}
                className="grid content-start gap-1 rounded-lg border bg-background/60 p-2.5 transition-colors hover:bg-accent/60 sm:p-3.5"
              >
                <dt className="flex items-center gap-1.5 text-[13px] font-medium">
                  <span aria-hidden className={cn("size-2 rounded-full", b.dot)} />
                  {b.label}
                </dt>
                <dd className="text-2xl font-semibold tabular-nums tracking-tight" data-testid={`projects-${b.key}`}>
                  {counts[b.key]}
                </dd>
              </Link>
            ))}
            <Link
              href={`/${slug}/projects?health=disagree`}
              className={cn(
                "col-span-2 grid content-start gap-1 rounded-lg border p-2.5 transition-colors sm:col-span-1 sm:p-3.5",
                disagree > 0 ? "border-destructive/25 bg-destructive-soft hover:bg-destructive-soft/70" : "bg-background/60 hover:bg-accent/60",
              )}
            >
              <dt className={cn("flex items-center gap-1.5 text-[13px] font-medium", disagree > 0 && "text-destructive")}>
                <Split aria-hidden className="size-3.5" />
                Leads disagree
              </dt>
              <dd className={cn("text-2xl font-semibold tabular-nums tracking-tight", disagree > 0 && "text-destructive")} data-testid="projects-disagree">
                {disagree}
              </dd>
            </Link>
          </dl>
        )}
      </CardContent>
    </Card>
  );
}

function OnlineCard({ workspaceId, meId }: { workspaceId: string; meId: string }) {
  const online = usePresence(workspaceId);
  const status = useConnectionStatus();
  return (
    <Card className="order-first lg:order-none">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          Online now
          {online ? <span className="rounded-full bg-muted px-1.5 text-xs font-medium text-muted-foreground tabular-nums">{online.length}</span> : null}
        </CardTitle>
        <CardDescription>Who from this workspace has Tandem open.</CardDescription>
      </CardHeader>
      <CardContent className="pt-4">
        {online ? (
          <ul aria-label="Online now" className="grid gap-1" data-testid="online-list">
            {online.map((u) => (
              <li key={u.userId} className="flex items-center gap-3 rounded-md py-1.5 animate-in">
                <UserAvatar name={u.name} side={u.side} size="sm" online />
                <span className="min-w-0 flex-1 truncate text-sm font-medium">
                  {u.name}
                  {u.userId === meId ? <span className="font-normal text-muted-foreground"> (you)</span> : null}
                </span>
                <SideBadge side={u.side} />
              </li>
            ))}
            {online.length <= 1 ? (
              <li className="mt-2 rounded-md border border-dashed px-3 py-2.5 text-xs text-muted-foreground">
                Nobody else is here right now. They&apos;ll appear the moment they open Tandem.
              </li>
            ) : null}
          </ul>
        ) : status === "offline" || status === "reconnecting" ? (
          <div className="flex items-start gap-2.5 rounded-md border border-dashed px-3 py-3 text-sm text-muted-foreground">
            <WifiOff aria-hidden className="mt-0.5 size-4 shrink-0" />
            {status === "offline" ? "Live updates are offline, so we can't see who's here." : "Reconnecting to live updates…"}
          </div>
        ) : (
          <div className="grid gap-3" role="status" aria-label="Loading who is online">
            {[0, 1, 2].map((i) => (
              <div key={i} className="flex items-center gap-3">
                <Skeleton className="size-7 rounded-full" />
                <Skeleton className="h-4 flex-1" />
              </div>
            ))}
          </div>
        )}
      </CardContent>
    </Card>
  );
}

export function OverviewSkeleton() {
  return (
    <PageSkeleton>
      <div className="grid gap-6 lg:grid-cols-3">
        <Skeleton className="h-56 rounded-xl lg:col-span-2" />
        <Skeleton className="h-56 rounded-xl" />
      </div>
      <Skeleton className="h-40 rounded-xl" />
      <Skeleton className="h-64 rounded-xl" />
    </PageSkeleton>
  );
}
