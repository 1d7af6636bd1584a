import { CalendarDays } from "lucide-react";

import { Badge } from "@tandem/ui/badge";
import { formatDay } from "~/lib/dates";
import { SIDE_LABELS, SIDE_STYLES } from "~/lib/sides";
import {
  STATUS_STYLES,
  TASK_KIND_LABELS,
  TASK_PRIORITY_LABELS,
  TASK_STATUS_LABELS,
  type TaskKind,
  type TaskPriority,
  type TaskSide,
  type TaskStatus,
} from "~/lib/tasks";
import { cn } from "~/lib/utils";
import { isOverdue } from "~/realtime/task-order";

const PRIORITY_LEVEL: Record<Exclude<TaskPriority, "urgent">, number> = { none: 0, low: 1, medium: 2, high: 3 };

/**
 * Priority as three rising bars filled up to the level (none: all empty); urgent as a red
 * exclamation mark in a square, so it can't be mistaken for a level.
 */
export function PriorityIcon({ priority, className }: { priority: TaskPriority; className?: string }) {
  const label = TASK_PRIORITY_LABELS[priority];
  if (priority === "urgent") {
    return (
      <svg role="img" aria-label={label} viewBox="0 0 16 16" className={cn("size-4 shrink-0 text-destructive", className)}>
        <title>{label}</title>
        <rect x="1.5" y="1.5" width="13" height="13" rx="3" fill="currentColor" />
        <rect x="7.1" y="4" width="1.8" height="5.2" rx="0.9" fill="white" />
        <circle cx="8" cy="11.4" r="1.05" fill="white" />
      </svg>
    );
  }
  const level = PRIORITY_LEVEL[priority];
  return (
    <svg role="img" aria-label={label} viewBox="0 0 16 16" className={cn("size-4 shrink-0 text-foreground/75", className)}>
      <title>{label}</title>
      {[0, 1, 2].map((i) => (
        <rect key={i} x={2 + i * 4.5} y={10 - i * 3.5} width="3" height={4.5 + i * 3.5} rx="0.8" fill="currentColor" opacity={i < level ? 1 : 0.22} />
      ))}
    </svg>
  );
}

export function StatusDot({ status, className }: { status: TaskStatus; className?: string }) {
  return <span aria-hidden className={cn("inline-block size-2 shrink-0 rounded-full", STATUS_STYLES[status].dot, className)} />;
}

export function StatusLabel({ status }: { status: TaskStatus }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <StatusDot status={status} />
      {TASK_STATUS_LABELS[status]}
    </span>
  );
}

/** A compact side tag for dense rows: the side's colour and its short name. */
export function TaskSideBadge({ side, className }: { side: TaskSide; className?: string }) {
  return (
    <Badge variant={side} className={cn("px-1.5 py-0 text-[11px] leading-[18px]", className)}>
      <span aria-hidden className={cn("size-1.5 rounded-full", SIDE_STYLES[side].dot)} />
      {SIDE_LABELS[side]}
    </Badge>
  );
}

export function KindBadge({ kind, className }: { kind: TaskKind; className?: string }) {
  if (kind === "task") return null;
  return (
    <Badge variant="outline" className={cn("px-1.5 py-0 text-[11px] leading-[18px] text-muted-foreground", className)}>
      {TASK_KIND_LABELS[kind]}
    </Badge>
  );
}

/** The due date; red with a warning when it has passed and the task isn't done. */
export function DueDate({ dueDate, status, today, className }: { dueDate: string | null; status: TaskStatus; today: string; className?: string }) {
  if (!dueDate) return null;
  const overdue = isOverdue({ status, dueDate }, today);
  return (
    <span
      className={cn("inline-flex items-center gap-1 text-xs tabular-nums", overdue ? "font-medium text-destructive" : "text-muted-foreground", className)}
      title={overdue ? `Overdue: was due ${formatDay(dueDate)}` : `Due ${formatDay(dueDate)}`}
      data-overdue={overdue || undefined}
    >
      <CalendarDays aria-hidden className="size-3.5" />
      <span className="sr-only">{overdue ? "Overdue, was due" : "Due"}</span>
      {formatDay(dueDate)}
    </span>
  );
}
