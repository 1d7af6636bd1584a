"use client";

import type { ProjectViewer } from "@tandem/realtime-contract";
import { isWorkingSide } from "@tandem/domain/sides";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ChevronLeft, ClipboardCheck, Columns3, Flag, History, List, MessageSquare } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { toast } from "~/lib/toast";

import { CheckInDialog } from "~/components/check-ins/check-in-dialog";
import { CheckInsPanel } from "~/components/check-ins/check-ins-panel";
import { DueBadge } from "~/components/check-ins/check-in-status";
import { CommentThread } from "~/components/comments/comment-thread";
import { ActivityFeed } from "~/components/log/activity-feed";
import { UserAvatar } from "~/components/people/user-avatar";
import { EditProjectDialog } from "~/components/projects/edit-project-dialog";
import { HealthPanel } from "~/components/projects/health-panel";
import { MilestonesPanel } from "~/components/projects/milestones-panel";
import { DisagreeBadge, PhaseBadge } from "~/components/projects/health";
import { Board } from "~/components/tasks/board";
import { TaskSheet } from "~/components/tasks/task-sheet";
import { TaskTable } from "~/components/tasks/task-table";
import { useTaskActions } from "~/components/tasks/use-task-actions";
import { Button } from "@tandem/ui/button";
import { Input } from "@tandem/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@tandem/ui/select";
import { Skeleton } from "@tandem/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@tandem/ui/tabs";
import { Tooltip, TooltipContent, TooltipTrigger } from "@tandem/ui/tooltip";
import { formatDay } from "~/lib/dates";
import { errorMessage } from "~/lib/form-errors";
import { PHASE_LABELS, PHASES, type Phase } from "~/lib/projects";
import { canEditWork, SIDE_LABELS } from "~/lib/sides";
import type { TaskSide } from "~/lib/tasks";
import { cn } from "~/lib/utils";
import { useConnectionStatus } from "~/realtime/realtime-provider";
import { useToday } from "~/components/shell/workspace-context";
import { useProjectPresence } from "~/realtime/use-project-presence";
import { useTRPC } from "~/trpc/react";

const VIEWS = ["board", "list", "milestones", "check-ins", "activity", "comments"] as const;
type View = (typeof VIEWS)[number];

export function ProjectPage({ slug, projectId }: { slug: string; projectId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const workspace = useQuery(trpc.workspace.get.queryOptions({ workspaceSlug: slug }));
  const detail = useQuery(trpc.project.get.queryOptions({ workspaceSlug: slug, projectId }));
  const tasks = useQuery(trpc.task.list.queryOptions({ workspaceSlug: slug, filter: { projectId } }));
  const members = useQuery(trpc.member.list.queryOptions({ workspaceSlug: slug }));
  const checkInStatus = useQuery(trpc.checkIn.status.queryOptions({ workspaceSlug: slug }));
  const actions = useTaskActions(slug, projectId);
  const { viewers, setEditing } = useProjectPresence(projectId);
  const today = useToday();

  const view: View = (VIEWS as readonly string[]).includes(params.get("view") ?? "") ? (params.get("view") as View) : "board";
  const taskId = params.get("task");
  const memberSides = useMemo(() => new Map((members.data ?? []).map((m) => [m.id, m.side])), [members.data]);

  const setParam = useCallback(
    (key: string, value: string | null) => {
      const next = new URLSearchParams(params.toString());
      if (value) next.set(key, value);
      else next.delete(key);
      const qs = next.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );
  const openTask = useCallback((id: string) => setParam("task", id), [setParam]);
  const closeTask = useCallback(() => setParam("task", null), [setParam]);
  // After posting, close the form and show the check-ins side by side, in one navigation.
  const showCheckIns = useCallback(() => {
    const next = new URLSearchParams(params.toString());
    next.delete("checkin");
    next.set("view", "check-ins");
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  }, [params, pathname, router]);

  if (!detail.data || !workspace.data) return <ProjectPageSkeleton />;
  const me = workspace.data.me;
  const canWrite = canEditWork(me);
  const p = detail.data.project;
  const defaultSide: TaskSide = me.side === "it" ? "it" : "marketing";
  // Only a project's own two leads check in, each for their side; never leadership or viewers.
  const sides = detail.data.sides;
  const leadSide = canWrite && isWorkingSide(me.side) && sides[me.side].leadId === me.memberId ? me.side : null;
  const myStatus = leadSide ? checkInStatus.data?.all.find((s) => s.projectId === projectId && s.side === leadSide) : undefined;

  return (
    <div className="mx-auto grid w-full max-w-[90rem] gap-6 px-4 py-6 sm:px-6 lg:px-10 lg:py-8">
      <header className="grid gap-4">
        <Link
          href={`/${slug}/projects`}
          className="-ml-1 inline-flex w-fit items-center gap-1 rounded-md px-1 text-[13px] font-medium text-muted-foreground hover:text-foreground"
        >
          <ChevronLeft aria-hidden className="size-4" /> Projects
        </Link>
        <div className="flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
          <div className="grid min-w-0 gap-2">
            <div className="flex flex-wrap items-center gap-2">
              <h1 className="min-w-0 text-2xl font-semibold tracking-tight break-words sm:text-[28px]">{p.name}</h1>
              {detail.data.disagree ? <DisagreeBadge /> : null}
            </div>
            {p.outcome ? <p className="max-w-3xl text-sm leading-relaxed text-muted-foreground">{p.outcome}</p> : null}
            <div className="flex flex-wrap items-center gap-2 pt-1">
              {canWrite ? <PhaseSelect slug={slug} projectId={projectId} phase={p.phase} /> : <PhaseBadge phase={p.phase} />}
              {canWrite ? (
                <TargetDate slug={slug} projectId={projectId} targetDate={p.targetDate} />
              ) : p.targetDate ? (
                <span className="text-[13px] text-muted-foreground">
                  Target{" "}
                  <span className={cn("font-medium text-foreground", p.targetDate < today && p.phase !== "done" && "text-destructive")}>
                    {formatDay(p.targetDate)}
                  </span>
                </span>
              ) : null}
              {canWrite ? null : <span className="rounded-full bg-muted px-2 py-0.5 text-xs text-muted-foreground">Read-only: you can comment</span>}
            </div>
          </div>
          <div className="flex flex-col gap-3 lg:items-end">
            <Viewers viewers={viewers} meUserId={me.userId} />
            {canWrite || leadSide ? (
              <div className="flex flex-wrap items-center gap-2">
                {leadSide ? (
                  <>
                    <DueBadge status={myStatus} />
                    <Button size="sm" onClick={() => setParam("checkin", "1")}>
                      <ClipboardCheck aria-hidden /> Check in
                    </Button>
                  </>
                ) : null}
                {canWrite ? <EditProjectDialog slug={slug} project={p} sides={sides} /> : null}
              </div>
            ) : null}
          </div>
        </div>
        <HealthPanel slug={slug} detail={detail.data} me={me} />
      </header>

      <Tabs value={view} onValueChange={(v) => setParam("view", v === "board" ? null : v)} className="grid gap-5">
        <TabsList aria-label="Project views">
          <TabsTrigger value="board">
            <Columns3 aria-hidden /> Board
          </TabsTrigger>
          <TabsTrigger value="list">
            <List aria-hidden /> List
          </TabsTrigger>
          <TabsTrigger value="milestones">
            <Flag aria-hidden /> Milestones
          </TabsTrigger>
          <TabsTrigger value="check-ins">
            <ClipboardCheck aria-hidden /> Check-ins
          </TabsTrigger>
          <TabsTrigger value="activity">
            <History aria-hidden /> Activity
          </TabsTrigger>
          <TabsTrigger value="comments">
            <MessageSquare aria-hidden /> Comments
          </TabsTrigger>
        </TabsList>
        <TabsContent value="board">
          {tasks.data ? (
            <Board
              tasks={tasks.data}
              canWrite={canWrite}
              actions={actions}
              projectId={projectId}
              viewers={viewers}
              meUserId={me.userId}
              defaultSide={defaultSide}
              memberSides={memberSides}
              onOpen={openTask}
            />
          ) : (
            <BoardSkeleton />
          )}
        </TabsContent>
        <TabsContent value="list">
          {tasks.data ? <TaskTable tasks={tasks.data} members={members.data ?? []} onOpen={openTask} /> : <Skeleton className="h-64 rounded-xl" />}
        </TabsContent>
        <TabsContent value="milestones" className="max-w-3xl">
          <MilestonesPanel slug={slug} projectId={projectId} canWrite={canWrite} />
        </TabsContent>
        <TabsContent value="check-ins" className="max-w-5xl">
          <CheckInsPanel slug={slug} detail={detail.data} />
        </TabsContent>
        <TabsContent value="activity" className="max-w-3xl">
          <ActivityFeed slug={slug} projectId={projectId} />
        </TabsContent>
        <TabsContent value="comments" className="max-w-3xl">
          <CommentThread slug={slug} projectId={projectId} />
        </TabsContent>
      </Tabs>

      {leadSide ? (
        <CheckInDialog
          slug={slug}
          projectId={projectId}
          side={leadSide}
          current={sides[leadSide].health}
          open={params.get("checkin") === "1"}
          onOpenChange={(open) => setParam("checkin", open ? "1" : null)}
          onPosted={showCheckIns}
        />
      ) : null}

      <TaskSheet
        slug={slug}
        projectId={projectId}
        taskId={taskId}
        tasks={tasks.data}
        canWrite={canWrite}
        actions={actions}
        viewers={viewers}
        meUserId={me.userId}
        setEditing={setEditing}
        onClose={closeTask}
      />
    </div>
  );
}

/** Who has this project open right now, live. */
function Viewers({ viewers, meUserId }: { viewers: ProjectViewer[] | undefined; meUserId: string }) {
  const status = useConnectionStatus();
  const label = viewers ? `Viewing now: ${viewers.map((v) => (v.userId === meUserId ? `${v.name} (you)` : v.name)).join(", ")}` : "Viewing now: unknown";
  return (
    <div className="flex shrink-0 items-center gap-2.5 lg:pt-1" data-testid="project-viewers" aria-label={label} role="group">
      <span className="text-xs font-medium text-muted-foreground">Viewing now</span>
      {viewers ? (
        <ul className="flex items-center -space-x-1">
          {viewers.map((v) => (
            <li key={v.userId} className="flex" data-testid="project-viewer" data-name={v.name}>
              <Tooltip>
                <TooltipTrigger asChild>
                  {/* biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so keyboard users get the tooltip */}
                  <span tabIndex={0} className="rounded-full">
                    <UserAvatar name={v.name} side={v.side} size="sm" stacked className="[--stack-edge:var(--color-background)]" />
                  </span>
                </TooltipTrigger>
                <TooltipContent>
                  {v.name}
                  {v.userId === meUserId ? " (you)" : ""} · {SIDE_LABELS[v.side]}
                  {v.editingTaskId ? " · editing a task" : ""}
                </TooltipContent>
              </Tooltip>
            </li>
          ))}
        </ul>
      ) : (
        <span className="text-xs text-muted-foreground">{status === "connected" || status === "connecting" ? "…" : "offline"}</span>
      )}
    </div>
  );
}

function PhaseSelect({ slug, projectId, phase }: { slug: string; projectId: string; phase: Phase }) {
  const update = useProjectUpdate(slug, projectId);
  return (
    <Select value={phase} onValueChange={(v) => update.mutate({ workspaceSlug: slug, projectId, phase: v as Phase })} disabled={update.isPending}>
      <SelectTrigger size="sm" className="w-auto gap-1.5" aria-label="Phase">
        <SelectValue>
          <span className="text-muted-foreground">Phase:</span> {PHASE_LABELS[phase]}
        </SelectValue>
      </SelectTrigger>
      <SelectContent>
        {PHASES.map((ph) => (
          <SelectItem key={ph} value={ph}>
            {PHASE_LABELS[ph]}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

function TargetDate({ slug, projectId, targetDate }: { slug: string; projectId: string; targetDate: string | null }) {
  const update = useProjectUpdate(slug, projectId);
  return (
    <label className="flex items-center gap-1.5 text-[13px] text-muted-foreground">
      Target
      <Input
        type="date"
        defaultValue={targetDate ?? ""}
        key={targetDate ?? "none"}
        aria-label="Target date"
        className="h-8 w-auto text-[13px]"
        // A date picker reports a whole date at once; "" mid-typing is only taken as "clear" on leaving the field.
        onChange={(e) => {
          if (e.target.value && e.target.value !== targetDate) update.mutate({ workspaceSlug: slug, projectId, targetDate: e.target.value });
        }}
        onBlur={(e) => {
          if (!e.target.value && targetDate) update.mutate({ workspaceSlug: slug, projectId, targetDate: null });
        }}
      />
    </label>
  );
}

/** Project edits; the page is refreshed from the result (the log entry does the same for others). */
function useProjectUpdate(slug: string, projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.project.update.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.project.get.queryKey({ workspaceSlug: slug, projectId }) }),
      onError: (err) => toast.error("Project not updated", { description: errorMessage(err) }),
    }),
  );
}

function BoardSkeleton() {
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="grid gap-2 rounded-xl border bg-muted/45 p-2">
          <Skeleton className="h-5 w-24" />
          <Skeleton className="h-20" />
          <Skeleton className="h-20" />
        </div>
      ))}
    </div>
  );
}

export function ProjectPageSkeleton() {
  return (
    <div className="mx-auto grid w-full max-w-[90rem] gap-6 px-4 py-6 sm:px-6 lg:px-10 lg:py-8">
      <div className="grid gap-2">
        <Skeleton className="h-4 w-20" />
        <Skeleton className="h-8 w-72 max-w-full" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <Skeleton className="h-28 rounded-xl" />
        <Skeleton className="h-28 rounded-xl" />
      </div>
      <Skeleton className="h-10 w-80 max-w-full" />
      <BoardSkeleton />
    </div>
  );
}
