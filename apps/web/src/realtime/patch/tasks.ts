import type { AfterOf, ReadAfter } from "@tandem/domain/actions";
import type { QueryClient, QueryKey } from "@tanstack/react-query";

import { procedureQueryKey, queriesOf } from "../query-keys";
import { type ApplyContext, defined, isNewer, type TaskRow, toDate } from "../rows";
import { compareTasks, type TaskFilter, taskMatchesFilter } from "../task-order";

type TaskListInput = { workspaceSlug: string; filter?: TaskFilter };
/** What any task entry may say changed (a snapshot, an edit or a move). */
type TaskChange = ReadAfter<"task.updated"> & Partial<AfterOf<"task.created">> & ReadAfter<"task.moved">;

/** The changed fields of a task as they sit on a row (timestamps as Dates). */
function taskFields(after: TaskChange): Partial<TaskRow> {
  const { createdAt, updatedAt, projectName: _projectName, ...rest } = after;
  return defined({ ...rest, createdAt: toDate(createdAt) ?? undefined, updatedAt: toDate(updatedAt) ?? undefined });
}

/** The row a `task.created` snapshot stands for. */
export function taskFromSnapshot(workspaceId: string, after: AfterOf<"task.created">): TaskRow {
  const { projectName: _projectName, ...task } = after;
  return { ...task, workspaceId, createdById: null, createdAt: new Date(after.createdAt), updatedAt: new Date(after.updatedAt) };
}

/** Adds a task to every cached list whose filter it fits; exported for the board's own mutations. */
export function insertTask(queryClient: QueryClient, ctx: ApplyContext, task: TaskRow) {
  for (const { query, input } of queriesOf<TaskListInput>(queryClient, "task.list", ctx.workspaceSlug)) {
    if (!taskMatchesFilter(task, input.filter ?? {}, ctx.today)) continue;
    queryClient.setQueryData<TaskRow[]>(query.queryKey, (rows) => {
      if (!rows) return rows;
      if (rows.some((r) => r.id === task.id)) return rows;
      return [...rows, task].sort(compareTasks);
    });
  }
}

/** Merges the changed fields of a task into every cached copy; exported for the board's own mutations. */
export function patchTask(queryClient: QueryClient, ctx: ApplyContext, taskId: string, after: TaskChange, invalidate: QueryKey[] = []) {
  const change = taskFields(after);
  for (const { query, input } of queriesOf<TaskListInput>(queryClient, "task.list", ctx.workspaceSlug)) {
    const filter = input.filter ?? {};
    const rows = queryClient.getQueryData<TaskRow[]>(query.queryKey);
    if (!rows) continue;
    const index = rows.findIndex((r) => r.id === taskId);
    if (index === -1) {
      // The change may have moved the task into this filtered list, but we only hold the changed
      // fields, not the whole row: that list is refetched.
      if (Object.keys(filter).length > 0) invalidate.push(query.queryKey);
      continue;
    }
    const current = rows[index]!;
    if (isNewer(current, after.updatedAt)) continue;
    const next = { ...current, ...change };
    const kept = rows.filter((r) => r.id !== taskId);
    queryClient.setQueryData<TaskRow[]>(query.queryKey, taskMatchesFilter(next, filter, ctx.today) ? [...kept, next].sort(compareTasks) : kept);
  }
  queryClient.setQueryData<TaskRow>(procedureQueryKey("task.get", { workspaceSlug: ctx.workspaceSlug, taskId }), (cur) =>
    cur && !isNewer(cur, after.updatedAt) ? { ...cur, ...change } : cur,
  );
}

export function removeTask(queryClient: QueryClient, ctx: ApplyContext, taskId: string) {
  for (const { query } of queriesOf<TaskListInput>(queryClient, "task.list", ctx.workspaceSlug)) {
    queryClient.setQueryData<TaskRow[]>(query.queryKey, (rows) => (rows?.some((r) => r.id === taskId) ? rows.filter((r) => r.id !== taskId) : rows));
  }
}
