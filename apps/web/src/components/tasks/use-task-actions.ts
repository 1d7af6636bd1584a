"use client";

import type { RouterInputs } from "@tandem/api";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { toast } from "~/lib/toast";

import { errorMessage } from "~/lib/form-errors";
import { TASK_STATUS_LABELS, type TaskStatus } from "~/lib/tasks";
import { insertTask, patchTask, removeTask, type TaskRow } from "~/realtime/apply-log-entry";
import { useToday } from "~/components/shell/workspace-context";
import { compareTasks, positionBetween } from "~/realtime/task-order";
import { useTRPC } from "~/trpc/react";

type UpdateInput = Omit<RouterInputs["task"]["update"], "workspaceSlug">;
type CreateInput = Omit<RouterInputs["task"]["create"], "workspaceSlug">;

/**
 * Task writes with the cache updated from their own results, so the writer sees the change even
 * while live updates are down; the log entry that follows merges the same fields again, harmlessly.
 * Moves are optimistic: the card goes at once, and comes back (with a toast) if the server refuses.
 */
export function useTaskActions(slug: string, projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const today = useToday();
  const ctx = useMemo(() => ({ workspaceSlug: slug, userId: "", today }), [slug, today]);
  const listKey = trpc.task.list.queryKey({ workspaceSlug: slug, filter: { projectId } });

  const tasks = () => queryClient.getQueryData<TaskRow[]>(listKey) ?? [];

  const move = useMutation(
    trpc.task.move.mutationOptions({
      onMutate: async (vars) => {
        await queryClient.cancelQueries({ queryKey: listKey });
        const all = tasks();
        const current = all.find((t) => t.id === vars.taskId);
        if (!current) return { previous: null };
        const pos = (id: string | null | undefined) => (id ? all.find((t) => t.id === id)?.position : undefined);
        patchTask(queryClient, ctx, vars.taskId, { status: vars.status, position: positionBetween(pos(vars.afterId), pos(vars.beforeId)) });
        return { previous: { status: current.status, position: current.position, title: current.title } };
      },
      onError: (err, vars, context) => {
        const previous = context?.previous;
        if (previous) patchTask(queryClient, ctx, vars.taskId, { status: previous.status, position: previous.position });
        toast.error(previous ? `Couldn't move “${previous.title}”` : "Couldn't move the task", {
          description: errorMessage(err, "It's back where it was. Try again."),
        });
      },
      onSuccess: (row) => {
        patchTask(queryClient, ctx, row.id, { status: row.status, position: row.position, updatedAt: row.updatedAt.toISOString() });
      },
    }),
  );

  const create = useMutation(
    trpc.task.create.mutationOptions({
      onSuccess: (row) => insertTask(queryClient, ctx, { ...row, assigneeName: null }),
    }),
  );

  const update = useMutation(
    trpc.task.update.mutationOptions({
      onSuccess: (row, vars) => {
        const { workspaceSlug: _slug, taskId: _id, ...changed } = vars;
        const fields: Record<string, unknown> = { updatedAt: row.updatedAt.toISOString() };
        for (const k of Object.keys(changed)) fields[k] = row[k as keyof typeof row];
        patchTask(queryClient, ctx, row.id, fields);
      },
    }),
  );

  const remove = useMutation(
    trpc.task.delete.mutationOptions({
      onSuccess: (res) => removeTask(queryClient, ctx, res.id),
    }),
  );

  return {
    /** Moves to a column, between two neighbours (afterId above it, beforeId below it). */
    move: (taskId: string, status: TaskStatus, neighbours: { afterId?: string | null; beforeId?: string | null } = {}) =>
      move.mutate({ workspaceSlug: slug, taskId, status, afterId: neighbours.afterId ?? null, beforeId: neighbours.beforeId ?? null }),
    /** Moves to the bottom of another column (the "Move to…" menu and the status field). */
    moveToEnd: (taskId: string, status: TaskStatus) => {
      const column = tasks()
        .filter((t) => t.status === status && t.id !== taskId)
        .sort(compareTasks);
      move.mutate({ workspaceSlug: slug, taskId, status, afterId: column.at(-1)?.id ?? null, beforeId: null });
      const title = tasks().find((t) => t.id === taskId)?.title;
      return title ? `Moved “${title}” to ${TASK_STATUS_LABELS[status]}` : undefined;
    },
    create: (input: CreateInput) => create.mutateAsync({ workspaceSlug: slug, ...input }),
    update: (input: UpdateInput, assigneeName?: string | null) =>
      update.mutateAsync({ workspaceSlug: slug, ...input }).then((row) => {
        if (assigneeName !== undefined) patchTask(queryClient, ctx, row.id, { assigneeName });
        return row;
      }),
    remove: (taskId: string) => remove.mutateAsync({ workspaceSlug: slug, taskId }),
    movePending: move.isPending,
  };
}
