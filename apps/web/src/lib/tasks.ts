import {
  TASK_KIND_LABELS,
  TASK_KINDS,
  TASK_PRIORITIES,
  TASK_PRIORITY_LABELS,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
  type TaskKind,
  type TaskPriority,
  type TaskStatus,
} from "@tandem/db/constants";

export { TASK_KIND_LABELS, TASK_KINDS, TASK_PRIORITIES, TASK_PRIORITY_LABELS, TASK_STATUS_LABELS, TASK_STATUSES };
export type { TaskKind, TaskPriority, TaskStatus };

/** Only the two working sides own tasks; leadership reads. */
export const TASK_SIDES = ["marketing", "it"] as const;
export type TaskSide = (typeof TASK_SIDES)[number];

export const STATUS_STYLES: Record<TaskStatus, { dot: string; ink: string }> = {
  todo: { dot: "bg-muted-foreground/50", ink: "text-muted-foreground" },
  in_progress: { dot: "bg-primary", ink: "text-primary" },
  blocked: { dot: "bg-destructive", ink: "text-destructive" },
  done: { dot: "bg-success", ink: "text-success-ink" },
};

/** Highest first, for sorting. */
export const PRIORITY_RANK: Record<TaskPriority, number> = { urgent: 4, high: 3, medium: 2, low: 1, none: 0 };
