"use client";

import type { ProjectViewer } from "@tandem/realtime-contract";
import { useQuery } from "@tanstack/react-query";
import { PencilLine, Trash2 } from "lucide-react";
import { useState } from "react";

import { CommentThread } from "~/components/comments/comment-thread";
import { useToday } from "~/components/shell/workspace-context";
import { Button } from "@tandem/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@tandem/ui/select";
import { Spinner } from "@tandem/ui/spinner";
import { ago, exactTime, formatDay } from "~/lib/dates";
import { errorMessage, trpcFieldErrors } from "~/lib/form-errors";
import { canEditWork, SIDE_LABELS } from "~/lib/sides";
import { TASK_KIND_LABELS, TASK_KINDS, TASK_PRIORITIES, TASK_PRIORITY_LABELS, TASK_SIDES, TASK_STATUS_LABELS, TASK_STATUSES, type TaskSide } from "~/lib/tasks";
import { toast } from "~/lib/toast";
import { cn } from "~/lib/utils";
import type { TaskRow } from "~/realtime/apply-log-entry";
import { isOverdue } from "~/realtime/task-order";
import { useTRPC } from "~/trpc/react";

import { KindBadge, PriorityIcon, StatusDot, TaskSideBadge } from "./task-bits";
import { DescriptionField, DueField, EnumField, Person, Prop, ReadValue, TitleField } from "./task-fields";
import type { useTaskActions } from "./use-task-actions";

const UNASSIGNED = "unassigned";

/** The task's fields, each edited in place and saved as the writer goes; its comments; delete. */

export function TaskDetail({
  slug,
  projectId,
  task,
  canWrite,
  actions,
  editors,
  onClose,
}: {
  slug: string;
  projectId: string;
  task: TaskRow;
  canWrite: boolean;
  actions: ReturnType<typeof useTaskActions>;
  editors: ProjectViewer[];
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const members = useQuery(trpc.member.list.queryOptions({ workspaceSlug: slug }));
  const assignable = (members.data ?? []).filter((m) => canEditWork(m));
  const today = useToday();
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [saving, setSaving] = useState<string | null>(null);

  async function save(field: string, change: Parameters<typeof actions.update>[0], assigneeName?: string | null) {
    setSaving(field);
    setErrors((e) => ({ ...e, [field]: undefined }));
    try {
      await actions.update(change, assigneeName);
      return true;
    } catch (err) {
      const fields = trpcFieldErrors<string>(err);
      const message = fields[field] ?? errorMessage(err, "That change wasn't saved. Try again.");
      setErrors((e) => ({ ...e, [field]: message }));
      toast.error("Change not saved", { description: message });
      return false;
    } finally {
      setSaving(null);
    }
  }

  return (
    <div className="grid content-start gap-6 p-5 pt-4 sm:p-6 sm:pt-5">
      <div className="flex flex-wrap items-center gap-2 pr-10 text-xs text-muted-foreground">
        <TaskSideBadge side={task.side as TaskSide} />
        <KindBadge kind={task.kind} />
        <span className="inline-flex items-center gap-1.5">
          <StatusDot status={task.status} /> {TASK_STATUS_LABELS[task.status]}
        </span>
        {saving ? (
          <span className="inline-flex items-center gap-1" aria-live="polite">
            <Spinner className="size-3" /> Saving…
          </span>
        ) : null}
      </div>

      {editors.length > 0 ? (
        <div
          role="status"
          className="-mt-2 flex items-center gap-2 rounded-lg border border-warning/40 bg-warning-soft px-3 py-2 text-[13px] text-warning-ink"
          data-testid="editing-banner"
        >
          <PencilLine aria-hidden className="size-4 shrink-0" />
          <span>
            <span className="font-medium">{editors.map((e) => e.name.split(" ")[0]).join(" and ")}</span> {editors.length === 1 ? "is" : "are"} editing this
            task right now. Your changes and theirs both save; the latest wins.
          </span>
        </div>
      ) : null}

      <TitleField task={task} canWrite={canWrite} error={errors.title} onSave={(title) => save("title", { taskId: task.id, title })} />

      <dl className="grid grid-cols-2 gap-x-3 gap-y-3 sm:gap-x-4">
        <Prop label="Status" id="task-status">
          <EnumField
            id="task-status"
            value={task.status}
            options={TASK_STATUSES}
            canWrite={canWrite}
            show={(s) => (
              <>
                <StatusDot status={s} /> {TASK_STATUS_LABELS[s]}
              </>
            )}
            onChange={(status) => {
              const said = actions.moveToEnd(task.id, status);
              if (said) toast.success(said);
            }}
          />
        </Prop>
        <Prop label="Priority" id="task-priority" error={errors.priority}>
          <EnumField
            id="task-priority"
            value={task.priority}
            options={[...TASK_PRIORITIES].reverse()}
            canWrite={canWrite}
            show={(p) => (
              <>
                <PriorityIcon priority={p} /> {TASK_PRIORITY_LABELS[p]}
              </>
            )}
            onChange={(priority) => void save("priority", { taskId: task.id, priority })}
          />
        </Prop>
        <Prop label="Assignee" id="task-assignee" error={errors.assigneeId}>
          {canWrite ? (
            <Select
              value={task.assigneeId ?? UNASSIGNED}
              onValueChange={(v) => {
                const who = assignable.find((m) => m.id === v);
                void save("assigneeId", { taskId: task.id, assigneeId: who ? who.id : null }, who ? who.name : null);
              }}
            >
              <SelectTrigger id="task-assignee" size="sm">
                <SelectValue>
                  {task.assigneeName ? <Person name={task.assigneeName} member={assignable.find((m) => m.id === task.assigneeId)} /> : "Unassigned"}
                </SelectValue>
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={UNASSIGNED}>Unassigned</SelectItem>
                {assignable.map((m) => (
                  <SelectItem key={m.id} value={m.id}>
                    <Person name={m.name} member={m} />
                    <span className="text-xs text-muted-foreground">{SIDE_LABELS[m.side]}</span>
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          ) : (
            <ReadValue>
              {task.assigneeName ? <Person name={task.assigneeName} member={members.data?.find((m) => m.id === task.assigneeId)} /> : "Unassigned"}
            </ReadValue>
          )}
        </Prop>
        <Prop label="Due date" id="task-due" error={errors.dueDate}>
          {canWrite ? (
            <DueField task={task} today={today} onSave={(dueDate) => save("dueDate", { taskId: task.id, dueDate })} />
          ) : (
            <ReadValue className={cn(isOverdue(task, today) && "font-medium text-destructive")}>
              {task.dueDate ? `${formatDay(task.dueDate)}${isOverdue(task, today) ? " · overdue" : ""}` : "No due date"}
            </ReadValue>
          )}
        </Prop>
        <Prop label="Side" id="task-side" error={errors.side}>
          <EnumField
            id="task-side"
            value={task.side as TaskSide}
            options={TASK_SIDES}
            canWrite={canWrite}
            show={(side) => SIDE_LABELS[side]}
            onChange={(side) => void save("side", { taskId: task.id, side })}
          />
        </Prop>
        <Prop label="Kind" id="task-kind" error={errors.kind}>
          <EnumField
            id="task-kind"
            value={task.kind}
            options={TASK_KINDS}
            canWrite={canWrite}
            show={(kind) => TASK_KIND_LABELS[kind]}
            onChange={(kind) => void save("kind", { taskId: task.id, kind })}
          />
        </Prop>
      </dl>

      <DescriptionField
        task={task}
        canWrite={canWrite}
        error={errors.description}
        onSave={(description) => save("description", { taskId: task.id, description })}
      />

      <div className="grid gap-3 border-t pt-5">
        <h3 className="text-sm font-semibold">Comments</h3>
        <CommentThread slug={slug} projectId={projectId} taskId={task.id} compact />
      </div>

      <footer className="flex flex-wrap items-center justify-between gap-3 border-t pt-4 text-xs text-muted-foreground">
        <span>
          Created <time title={exactTime(task.createdAt)}>{ago(task.createdAt)}</time> · updated{" "}
          <time title={exactTime(task.updatedAt)}>{ago(task.updatedAt)}</time>
        </span>
        {canWrite ? (
          <ConfirmDialog
            trigger={
              <Button variant="ghost" size="sm" className="text-muted-foreground hover:text-destructive">
                <Trash2 aria-hidden /> Delete task
              </Button>
            }
            title={`Delete “${task.title}”?`}
            description="It disappears from the board for everyone. The transparency log keeps a record that it existed and who deleted it."
            confirmLabel="Delete task"
            pendingLabel="Deleting…"
            onConfirm={async () => {
              try {
                await actions.remove(task.id);
                toast.success(`Deleted “${task.title}”`);
                onClose();
              } catch (err) {
                return errorMessage(err, "We couldn't delete the task. Try again.");
              }
            }}
          />
        ) : null}
      </footer>
    </div>
  );
}
