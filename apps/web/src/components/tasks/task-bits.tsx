import { CalendarDays, Minus, SignalHigh, SignalLow, SignalMedium, TriangleAlert } from "lucide-react";

import { Badge } from "~/components/ui/badge";
import { formatDay } from "~/lib/dates";
import { SIDE_LABELS, SIDE_STYLES } from "~/lib/sides";
import { STATUS_STYLES, TASK_KIND_LABELS, TASK_PRIORITY_LABELS, TASK_STATUS_LABELS, type TaskKind, type TaskPriority, type TaskSide, type TaskStatus } from "~/lib/tasks";
import { cn } from "~/lib/utils";
import { isOverdue } from "~/realtime/task-order";

const PRIORITY_ICON: Record<TaskPriority, { icon: typeof SignalHigh; className: string }> = {
  urgent: { icon: TriangleAlert, className: "text-destructive" },
  high: { icon: SignalHigh, className: "text-foreground" },
  medium: { icon: SignalMedium, className: "text-foreground/80" },
  low: { icon: SignalLow, className: "text-muted-foreground" },
  none: { icon: Minus, className: "text-muted-foreground/60" },
};

export function PriorityIcon({ priority, className }: { priority: TaskPriority; className?: string }) {
  const { icon: Icon, className: tone } = PRIORITY_ICON[priority];
  return <Icon aria-label={TASK_PRIORITY_LABELS[priority]} role="img" className={cn("size-4 shrink-0", tone, className)} />;
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

