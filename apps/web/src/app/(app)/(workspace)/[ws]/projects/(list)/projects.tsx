"use client";

import type { RouterOutputs } from "@tandem/api";
import { WORKING_SIDES, type WorkingSide } from "@tandem/domain/sides";
import { useQuery } from "@tanstack/react-query";
import { CalendarDays, Flag, FolderKanban, Search, X } from "lucide-react";
import Link from "next/link";
import { useQueryStates } from "nuqs";
import { useEffect, useState } from "react";

import { FilterSelect, useUrlFilters } from "~/components/forms/filter-select";
import { DisagreeBadge, HealthDot, PhaseBadge } from "~/components/projects/health";
import { NewProjectDialog } from "~/components/projects/new-project-dialog";
import { Button } from "@tandem/ui/button";
import { Card } from "@tandem/ui/card";
import { Input } from "@tandem/ui/input";
import { Skeleton } from "@tandem/ui/skeleton";
import { PageBody, PageHeader, PageSkeleton } from "~/components/workspace/page-header";
import { formatDay } from "~/lib/dates";
import { isFiltered, projectFilterParams, toProjectFilter } from "~/lib/project-filters";
import { HEALTH_LABELS, HEALTHS, PHASE_LABELS, PHASES } from "~/lib/projects";
import { canEditWork, SIDE_LABELS, SIDE_STYLES } from "~/lib/sides";
import { cn } from "~/lib/utils";
import { useToday } from "~/components/shell/workspace-context";
import { useTRPC } from "~/trpc/react";

type Row = RouterOutputs["project"]["list"][number];

export function Projects({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const [params] = useQueryStates(projectFilterParams);
  const filter = toProjectFilter(params);
  const workspace = useQuery(trpc.workspace.get.queryOptions({ workspaceSlug: slug }));
  const projects = useQuery(trpc.project.list.queryOptions({ workspaceSlug: slug, filter }));

  const me = workspace.data?.me;
  const canWrite = me ? canEditWork(me) : false;

  return (
    <PageBody>
      <PageHeader
        eyebrow={workspace.data?.workspace.name}
        title="Projects"
        description="Joint projects, each led by one person from marketing and one from IT."
        actions={canWrite && me ? <NewProjectDialog slug={slug} meMemberId={me.memberId} /> : null}
      />
      <ProjectFilters slug={slug} />
      {projects.isPending ? (
        <ProjectListSkeleton />
      ) : projects.isError ? (
        <Card className="px-5 py-8 text-center text-sm text-muted-foreground" role="alert">
          We couldn&apos;t load the projects. {projects.error.message}
          <div className="mt-3">
            <Button variant="outline" size="sm" onClick={() => projects.refetch()}>
              Try again
            </Button>
          </div>
        </Card>
      ) : projects.data.length === 0 ? (
        <EmptyProjects slug={slug} filtered={isFiltered(filter)} canWrite={canWrite} meMemberId={me?.memberId} />
      ) : (
        <ProjectList slug={slug} rows={projects.data} />
      )}
    </PageBody>
  );
}

/** Filters live in the URL, so a filtered view can be shared and survives a reload. */
function ProjectFilters({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const { values, set, clear, any } = useUrlFilters(projectFilterParams);
  const members = useQuery(trpc.member.list.queryOptions({ workspaceSlug: slug }));
  const [search, setSearch] = useState(values.q ?? "");
  // Filters cleared elsewhere (the empty list's button) clear the box too.
  useEffect(() => {
    if (values.q === null) setSearch("");
  }, [values.q]);

  // Typing updates the URL after a short pause, not on every key.
  useEffect(() => {
    const current = values.q ?? "";
    if (search.trim() === current) return;
    const t = setTimeout(() => set("q", search.trim() || null), 250);
    return () => clearTimeout(t);
  }, [search]);

  const leads = (members.data ?? []).filter((m) => m.side !== "leadership");

  return (
    <div role="group" aria-label="Filter projects" className="grid gap-2 sm:flex sm:flex-wrap sm:items-center">
      <div className="relative sm:w-64">
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
        <Input
          type="search"
          aria-label="Search projects by name"
          placeholder="Search by name"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className="pl-8"
        />
      </div>
      <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
        <FilterSelect label="Phase" value={values.phase} onChange={(v) => set("phase", v)} options={PHASES.map((p) => [p, PHASE_LABELS[p]])} />
        <FilterSelect
          label="Health"
          value={values.health}
          onChange={(v) => set("health", v)}
          options={[...HEALTHS.map((h) => [h, HEALTH_LABELS[h]] as [string, string]), ["disagree", "Leads disagree"]]}
        />
        <FilterSelect label="Lead" value={values.lead} onChange={(v) => set("lead", v)} options={leads.map((m) => [m.id, m.name])} />
        <FilterSelect
          label="Side"
          value={values.side}
          onChange={(v) => set("side", v)}
          options={[
            ["marketing", "Marketing has open work"],
            ["it", "IT has open work"],
          ]}
        />
      </div>
      {any ? (
        <Button
          variant="ghost"
          size="sm"
          className="justify-self-start text-muted-foreground"
          onClick={() => {
            setSearch("");
            clear();
          }}
        >
          <X aria-hidden /> Clear filters
        </Button>
      ) : null}
    </div>
  );
}

function ProjectList({ slug, rows }: { slug: string; rows: Row[] }) {
  const today = useToday();
  return (
    <Card className="overflow-hidden">
      <div
        aria-hidden
        className="hidden grid-cols-[minmax(0,1fr)_7.5rem_13rem_6.5rem_7rem] gap-4 border-b bg-muted/60 px-5 py-2 text-xs font-medium tracking-wide text-muted-foreground uppercase md:grid"
      >
        <span>Project</span>
        <span>Phase</span>
        <span>Leads and health</span>
        <span>Target</span>
        <span className="text-right">Tasks</span>
      </div>
      <ul className="divide-y" aria-label="Projects">
        {rows.map((row) => (
          <ProjectRow key={row.project.id} slug={slug} row={row} today={today} />
        ))}
      </ul>
    </Card>
  );
}

function ProjectRow({ slug, row, today }: { slug: string; row: Row; today: string }) {
  const { project: p } = row;
  const late = p.targetDate !== null && p.targetDate < today && p.phase !== "done";
  return (
    <li
      className="relative grid gap-x-4 gap-y-2.5 px-4 py-3.5 transition-colors hover:bg-accent/50 sm:px-5 md:grid-cols-[minmax(0,1fr)_7.5rem_12rem_6.5rem_9rem] md:items-center"
      data-testid="project-row"
    >
      <div className="grid min-w-0 gap-0.5">
        <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
          <Link
            href={`/${slug}/projects/${p.id}`}
            className="truncate text-sm font-semibold outline-none after:absolute after:inset-0 after:content-[''] focus-visible:after:rounded-md focus-visible:after:ring-[3px] focus-visible:after:ring-ring/35 focus-visible:after:ring-inset"
          >
            {p.name}
          </Link>
          {row.disagree ? <DisagreeBadge /> : null}
        </div>
        {p.outcome ? <p className="line-clamp-1 text-[13px] text-muted-foreground">{p.outcome}</p> : null}
        {row.nextMilestone && p.phase !== "done" ? (
          <p
            className={cn(
              "flex min-w-0 items-center gap-1.5 text-xs",
              row.nextMilestone.dueOn < today ? "font-medium text-destructive" : "text-muted-foreground",
            )}
            data-testid="project-next-milestone"
          >
            <Flag aria-hidden className="size-3.5 shrink-0" />
            <span className="truncate">
              Next: {row.nextMilestone.title} · {formatDay(row.nextMilestone.dueOn)}
            </span>
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-2 md:block">
        <PhaseBadge phase={p.phase} />
        <span className="flex items-center gap-1 text-xs text-muted-foreground md:hidden">
          {p.targetDate ? (
            <>
              <CalendarDays aria-hidden className="size-3.5" />
              <span className={cn(late && "font-medium text-destructive")}>{formatDay(p.targetDate)}</span>
            </>
          ) : null}
        </span>
      </div>
      <dl className="grid gap-1 text-[13px]">
        {WORKING_SIDES.map((side) => (
          <LeadLine key={side} side={side} name={row.sides[side].leadName} health={row.sides[side].health} />
        ))}
      </dl>
      <div className="hidden text-[13px] md:block">
        {p.targetDate ? (
          <span className={cn(late ? "font-medium text-destructive" : "text-foreground")}>{formatDay(p.targetDate)}</span>
        ) : (
          <span className="text-muted-foreground">—</span>
        )}
      </div>
      <div className="flex gap-3 text-[13px] whitespace-nowrap text-muted-foreground md:justify-end">
        <span>
          <span className="font-medium text-foreground tabular-nums">{row.openTasks}</span> open
        </span>
        {row.overdueTasks > 0 ? (
          <span className="font-medium text-destructive">
            <span className="tabular-nums">{row.overdueTasks}</span> overdue
          </span>
        ) : null}
      </div>
    </li>
  );
}

function LeadLine({ side, name, health }: { side: WorkingSide; name: string; health: Row["sides"][WorkingSide]["health"] }) {
  return (
    <div className="flex min-w-0 items-center gap-2">
      <dt className="sr-only">{SIDE_LABELS[side]} lead</dt>
      <dd className="flex min-w-0 items-center gap-2">
        <span aria-hidden className={cn("h-3.5 w-0.5 shrink-0 rounded-full", SIDE_STYLES[side].bar)} />
        <span className="truncate">{name}</span>
        <HealthDot health={health} />
        <span className="sr-only">{health ? HEALTH_LABELS[health] : "no health posted"}</span>
      </dd>
    </div>
  );
}

function EmptyProjects({ slug, filtered, canWrite, meMemberId }: { slug: string; filtered: boolean; canWrite: boolean; meMemberId?: string }) {
  const [, setFilters] = useQueryStates(projectFilterParams);
  if (filtered) {
    return (
      <Card className="grid place-items-center gap-3 px-6 py-12 text-center">
        <Search aria-hidden className="size-6 text-muted-foreground" />
        <div className="grid gap-1">
          <p className="text-sm font-medium">No projects match these filters</p>
          <p className="text-sm text-muted-foreground">Try another phase or health, or clear the filters to see every project.</p>
        </div>
        <Button variant="outline" size="sm" onClick={() => void setFilters(null)}>
          Clear filters
        </Button>
      </Card>
    );
  }
  return (
    <Card className="grid place-items-center gap-4 px-6 py-14 text-center">
      <span className="flex size-11 items-center justify-center rounded-xl bg-primary-soft text-primary">
        <FolderKanban aria-hidden className="size-5" />
      </span>
      <div className="grid max-w-md gap-1.5">
        <p className="text-[15px] font-semibold">No joint projects yet</p>
        <p className="text-sm leading-relaxed text-muted-foreground">
          A project here is co-owned: one lead from marketing and one from IT, each posting their own view of its health, with one shared list of tasks both
          sides can see and move.
        </p>
      </div>
      {canWrite && meMemberId ? (
        <NewProjectDialog slug={slug} meMemberId={meMemberId} />
      ) : (
        <p className="text-sm text-muted-foreground">When the leads start one, it appears here.</p>
      )}
    </Card>
  );
}

export function ProjectListSkeleton() {
  return (
    <Card className="divide-y">
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="grid gap-2 px-5 py-4 md:grid-cols-[minmax(0,1fr)_7.5rem_12rem_6.5rem_9rem] md:items-center md:gap-4">
          <div className="grid gap-1.5">
            <Skeleton className="h-4 w-48" />
            <Skeleton className="h-3 w-72 max-w-full" />
          </div>
          <Skeleton className="h-5 w-20 rounded-full" />
          <div className="grid gap-1.5">
            <Skeleton className="h-3.5 w-32" />
            <Skeleton className="h-3.5 w-28" />
          </div>
          <Skeleton className="hidden h-3.5 w-16 md:block" />
          <Skeleton className="hidden h-3.5 w-14 justify-self-end md:block" />
        </div>
      ))}
    </Card>
  );
}

export function ProjectsSkeleton() {
  return (
    <PageSkeleton>
      <div className="flex flex-wrap gap-2">
        <Skeleton className="h-9 w-64" />
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-8 w-28" />
        ))}
      </div>
      <ProjectListSkeleton />
    </PageSkeleton>
  );
}
