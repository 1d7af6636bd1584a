import { TASK_STATUSES, type TaskStatus } from "../constants";
import type { WorkingSide } from "../sides";
import { isBefore } from "./today";

/** The filters of the shared to-do list: what task.list reads in SQL, and the live cache holds rows to. */
export interface TaskFilter {
  projectId?: string;
  side?: WorkingSide;
  assigneeId?: string;
  overdue?: boolean;
  status?: TaskStatus;
}

interface Orderable {
  id: string;
  status: TaskStatus;
  position: number;
}

/** The list's order: by status column (in the enum's order), then position within it, then id. */
export function compareTasks(a: Orderable, b: Orderable) {
  return TASK_STATUSES.indexOf(a.status) - TASK_STATUSES.indexOf(b.status) || a.position - b.position || a.id.localeCompare(b.id);
}

/** Due before today (in the workspace's time zone) and not done. */
export function isOverdue(task: { status: TaskStatus; dueDate: string | null }, today: string) {
  return task.status !== "done" && isBefore(task.dueDate, today);
}

/** The test task.list's SQL applies, for placing a changed task in cached lists. */
export function taskMatchesFilter(
  task: { projectId: string; side: string; assigneeId: string | null; status: TaskStatus; dueDate: string | null },
  filter: TaskFilter,
  today: string,
) {
  if (filter.projectId && task.projectId !== filter.projectId) return false;
  if (filter.side && task.side !== filter.side) return false;
  if (filter.assigneeId && task.assigneeId !== filter.assigneeId) return false;
  if (filter.status && task.status !== filter.status) return false;
  if (filter.overdue && !isOverdue(task, today)) return false;
  return true;
}

/** The gap between neighbouring positions when a column is laid out fresh. */
export const POSITION_STEP = 1024;

/**
 * Where a task lands between the task above it and the one below (either may be absent): the
 * midpoint, or a step past the one neighbour, or the first step of an empty column. The server
 * places with it (reading the neighbours from the column) and the board predicts with it.
 */
export function positionBetween(above: number | undefined, below: number | undefined): number {
  if (above !== undefined && below !== undefined) return (above + below) / 2;
  if (above !== undefined) return above + POSITION_STEP;
  if (below !== undefined) return below - POSITION_STEP;
  return POSITION_STEP;
}

/** A position at the bottom of a column whose lowest task sits at `last` (none: undefined). */
export function bottomOf(last: number | null | undefined): number {
  return (last ?? 0) + POSITION_STEP;
}
