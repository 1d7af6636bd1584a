"use client";

import type { ProjectViewer } from "@tandem/realtime-contract";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

import { Button } from "@tandem/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetTitle } from "@tandem/ui/sheet";
import { Skeleton } from "@tandem/ui/skeleton";
import type { TaskRow } from "~/realtime/apply-log-entry";
import { useTRPC } from "~/trpc/react";

import { TaskDetail } from "./task-detail";
import type { useTaskActions } from "./use-task-actions";

/**
 * A task's full detail in a panel over the board (`?task=<id>`, so it can be linked). Writers
 * edit each field in place; it's saved as they go. Others who have the project open see that
 * this task's editor is open.
 */
export function TaskSheet({
  slug,
  projectId,
  taskId,
  tasks,
  canWrite,
  actions,
  viewers,
  meUserId,
  setEditing,
  onClose,
}: {
  slug: string;
  projectId: string;
  taskId: string | null;
  tasks: TaskRow[] | undefined;
  canWrite: boolean;
  actions: ReturnType<typeof useTaskActions>;
  viewers: ProjectViewer[] | undefined;
  meUserId: string;
  setEditing: (taskId: string | null) => void;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const fromList = taskId ? tasks?.find((t) => t.id === taskId) : undefined;
  // A link to a task opens before (or without) the board's list: read it on its own then.
  const detail = useQuery({
    ...trpc.task.get.queryOptions({ workspaceSlug: slug, taskId: taskId ?? "00000000-0000-4000-8000-000000000000" }),
    enabled: !!taskId && !fromList && tasks !== undefined,
    retry: false,
  });
  const task = fromList ?? (detail.data?.projectId === projectId ? detail.data : undefined);

  useEffect(() => {
    if (!taskId || !canWrite) return;
    setEditing(taskId);
    return () => setEditing(null);
  }, [taskId, canWrite, setEditing]);

  const panel = useRef<HTMLDivElement>(null);
  const others = (viewers ?? []).filter((v) => v.userId !== meUserId && v.editingTaskId === taskId);

  return (
    <Sheet open={!!taskId} onOpenChange={(open) => (open ? null : onClose())}>
      <SheetContent
        side="right"
        closeLabel="Close task"
        aria-describedby={undefined}
        className="overflow-y-auto"
        data-testid="task-sheet"
        // Opening a task is for reading first: focus the panel, not the title field.
        ref={panel}
        onOpenAutoFocus={(e) => {
          e.preventDefault();
          panel.current?.focus();
        }}
      >
        {task ? (
          <TaskDetail key={task.id} slug={slug} projectId={projectId} task={task} canWrite={canWrite} actions={actions} editors={others} onClose={onClose} />
        ) : detail.isError || (tasks !== undefined && !fromList && detail.data && detail.data.projectId !== projectId) ? (
          <div className="grid gap-3 p-6 pt-14">
            <SheetTitle className="text-lg font-semibold">This task isn&apos;t here anymore</SheetTitle>
            <SheetDescription>It may have been deleted, or the link is wrong. The board shows every task of this project.</SheetDescription>
            <Button variant="outline" className="justify-self-start" onClick={onClose}>
              Back to the project
            </Button>
          </div>
        ) : (
          <div className="grid gap-4 p-6 pt-14" role="status" aria-label="Loading task">
            <SheetTitle className="sr-only">Loading task</SheetTitle>
            <Skeleton className="h-7 w-3/4" />
            <div className="grid grid-cols-2 gap-3">
              {[0, 1, 2, 3, 4, 5].map((i) => (
                <Skeleton key={i} className="h-9" />
              ))}
            </div>
            <Skeleton className="h-28" />
          </div>
        )}
      </SheetContent>
    </Sheet>
  );
}
