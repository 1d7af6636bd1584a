"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { ProjectViewer } from "@tandem/realtime-contract";
import { ArrowRightLeft, GripVertical, MoreHorizontal, PanelRightOpen, PencilLine } from "lucide-react";
import { toast } from "~/lib/toast";

import { UserAvatar } from "~/components/people/user-avatar";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@tandem/ui/dropdown-menu";
import { Tooltip, TooltipContent, TooltipTrigger } from "@tandem/ui/tooltip";
import { SIDE_STYLES, type Side } from "~/lib/sides";
import { TASK_STATUS_LABELS, TASK_STATUSES } from "~/lib/tasks";
import { cn } from "~/lib/utils";
import type { TaskRow } from "~/realtime/apply-log-entry";
import { useToday } from "~/components/shell/workspace-context";

import { DueDate, KindBadge, PriorityIcon, StatusDot, TaskSideBadge } from "./task-bits";
import type { useTaskActions } from "./use-task-actions";

type Actions = ReturnType<typeof useTaskActions>;

export function SortableTaskCard({
  task,
  canWrite,
  onOpen,
  actions,
  editor,
  assigneeSide,
}: {
  task: TaskRow;
  canWrite: boolean;
  onOpen: (id: string) => void;
  actions: Actions;
  editor?: ProjectViewer;
  assigneeSide?: Side;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: task.id,
    disabled: !canWrite,
  });
  return (
    <TaskCard
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      task={task}
      canWrite={canWrite}
      onOpen={onOpen}
      actions={actions}
      editor={editor}
      assigneeSide={assigneeSide}
      placeholder={isDragging}
      dragProps={canWrite ? { listeners, handleRef: setActivatorNodeRef, handleAttributes: attributes } : undefined}
    />
  );
}

interface DragProps {
  listeners: ReturnType<typeof useSortable>["listeners"];
  handleRef: (el: HTMLElement | null) => void;
  handleAttributes: ReturnType<typeof useSortable>["attributes"];
}

/** One task on the board: title, side, kind, priority, due date, assignee; who is editing it. */
export function TaskCard({
  task,
  canWrite,
  onOpen,
  actions,
  editor,
  assigneeSide,
  placeholder = false,
  overlay = false,
  dragProps,
  style,
  ref,
}: {
  task: TaskRow;
  canWrite: boolean;
  onOpen?: (id: string) => void;
  actions?: Actions;
  editor?: ProjectViewer;
  assigneeSide?: Side;
  placeholder?: boolean;
  overlay?: boolean;
  dragProps?: DragProps;
  style?: React.CSSProperties;
  ref?: (el: HTMLElement | null) => void;
}) {
  const today = useToday();
  return (
    <article
      ref={ref}
      style={style}
      {...dragProps?.listeners}
      data-testid="task-card"
      data-task-id={task.id}
      aria-label={task.title}
      className={cn(
        "group relative grid gap-2 rounded-lg border bg-card p-3 pl-3.5 shadow-[0_1px_2px_0_rgb(0_0_0/0.04)] transition-[box-shadow,border-color]",
        "hover:border-foreground/15 hover:shadow-sm",
        canWrite && "touch-manipulation",
        placeholder && "opacity-40",
        overlay && "rotate-[1.5deg] cursor-grabbing border-primary/30 shadow-lg shadow-black/10",
        editor && "ring-2 ring-offset-1 ring-offset-card",
        editor && (editor.side === "it" ? "ring-it/50" : editor.side === "marketing" ? "ring-marketing/50" : "ring-leadership/50"),
      )}
    >
      <div className="flex items-start gap-1.5">
        {dragProps ? (
          <button
            type="button"
            ref={dragProps.handleRef}
            {...dragProps.handleAttributes}
            aria-label={`Drag “${task.title}”`}
            className="relative z-10 -my-0.5 -ml-2 flex h-5 w-4 shrink-0 cursor-grab items-center justify-center rounded text-muted-foreground/55 opacity-60 transition-opacity group-hover:opacity-100 focus-visible:opacity-100 active:cursor-grabbing"
          >
            <GripVertical aria-hidden className="size-3.5" />
          </button>
        ) : null}
        <button
          type="button"
          onClick={() => onOpen?.(task.id)}
          className="min-w-0 flex-1 text-left text-sm leading-snug font-medium outline-none after:absolute after:inset-0 after:rounded-lg after:content-[''] focus-visible:after:ring-[3px] focus-visible:after:ring-ring/35"
        >
          {task.title}
        </button>
        {actions && onOpen ? <CardMenu task={task} canWrite={canWrite} actions={actions} onOpen={onOpen} /> : null}
      </div>
      {editor ? (
        <p className={cn("-mt-1 flex items-center gap-1 text-[11px] font-medium", SIDE_STYLES[editor.side].ink)} data-testid="card-editing">
          <PencilLine aria-hidden className="size-3" />
          {editor.name.split(" ")[0]} is editing
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1.5">
        <TaskSideBadge side={task.side as "marketing" | "it"} />
        <KindBadge kind={task.kind} />
        {task.priority !== "none" ? <PriorityIcon priority={task.priority} className="size-3.5" /> : null}
        <DueDate dueDate={task.dueDate} status={task.status} today={today} />
        <span className="ml-auto flex items-center gap-1.5">
          {task.assigneeName ? (
            <Tooltip>
              <TooltipTrigger asChild>
                <span className="relative z-10 rounded-full" tabIndex={-1}>
                  <UserAvatar name={task.assigneeName} side={assigneeSide} size="xs" />
                  <span className="sr-only">Assigned to {task.assigneeName}</span>
                </span>
              </TooltipTrigger>
              <TooltipContent>Assigned to {task.assigneeName}</TooltipContent>
            </Tooltip>
          ) : null}
        </span>
      </div>
    </article>
  );
}

function CardMenu({ task, canWrite, actions, onOpen }: { task: TaskRow; canWrite: boolean; actions: Actions; onOpen: (id: string) => void }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        aria-label={`Actions for “${task.title}”`}
        className="relative z-10 -my-1 -mr-1.5 flex size-6 shrink-0 items-center justify-center rounded-md text-muted-foreground opacity-70 transition-[opacity,background-color] outline-none group-hover:opacity-100 hover:bg-accent focus-visible:opacity-100 focus-visible:ring-[3px] focus-visible:ring-ring/35 data-[state=open]:bg-accent data-[state=open]:opacity-100"
        onPointerDown={(e) => e.stopPropagation()}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <MoreHorizontal aria-hidden className="size-4" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-52">
        <DropdownMenuItem onSelect={() => onOpen(task.id)}>
          <PanelRightOpen aria-hidden /> Open
        </DropdownMenuItem>
        {canWrite ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuLabel className="flex items-center gap-1.5">
              <ArrowRightLeft aria-hidden className="size-3.5" /> Move to…
            </DropdownMenuLabel>
            {TASK_STATUSES.filter((s) => s !== task.status).map((s) => (
              <DropdownMenuItem
                key={s}
                onSelect={() => {
                  const said = actions.moveToEnd(task.id, s);
                  if (said) toast.success(said);
                }}
              >
                <StatusDot status={s} className="ml-1" />
                {TASK_STATUS_LABELS[s]}
              </DropdownMenuItem>
            ))}
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
