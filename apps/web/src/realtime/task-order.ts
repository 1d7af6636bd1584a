import { TASK_STATUSES, type TaskStatus } from "@tandem/db/constants";

export interface TaskFilter {
  projectId?: string;
  side?: "marketing" | "it";
  assigneeId?: string;
  overdue?: boolean;
  status?: TaskStatus;
}

interface Orderable {
  id: string;
  status: TaskStatus;
  position: number;
}

/** The server's order: by status column (in the enum's order), then position within it. */
export function compareTasks(a: Orderable, b: Orderable) {
  return TASK_STATUSES.indexOf(a.status) - TASK_STATUSES.indexOf(b.status) || a.position - b.position || a.id.localeCompare(b.id);
}

/** Due before today and not done. `today` is YYYY-MM-DD, so the strings compare as dates. */
export function isOverdue(task: { status: TaskStatus; dueDate: string | null }, today: string) {
  return task.status !== "done" && task.dueDate !== null && task.dueDate < today;
}

/** The same test task.list applies on the server, for placing a changed task in cached lists. */
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

/** Today in the browser's time zone, as YYYY-MM-DD. */
export function localToday(now = new Date()) {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
