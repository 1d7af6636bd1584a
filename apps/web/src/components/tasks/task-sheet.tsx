"use client";

import type { RouterOutputs } from "@tandem/api";
import type { ProjectViewer } from "@tandem/realtime-contract";
import { useQuery } from "@tanstack/react-query";
import { PencilLine, Trash2, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { toast } from "~/lib/toast";

import { CommentThread } from "~/components/comments/comment-thread";
import { FieldError } from "~/components/forms/field";
import { UserAvatar } from "~/components/people/user-avatar";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Input } from "~/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "~/components/ui/select";
import { Sheet, SheetContent, SheetDescription, SheetTitle } from "~/components/ui/sheet";
import { Skeleton } from "~/components/ui/skeleton";
import { Spinner } from "~/components/ui/spinner";
import { Textarea } from "~/components/ui/textarea";
import { ago, exactTime, formatDay } from "~/lib/dates";
import { errorMessage, trpcFieldErrors } from "~/lib/form-errors";
import { canEditWork, SIDE_LABELS } from "~/lib/sides";
import {
  TASK_KIND_LABELS,
  TASK_KINDS,
  TASK_PRIORITIES,
  TASK_PRIORITY_LABELS,
  TASK_SIDES,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
  type TaskKind,
  type TaskPriority,
  type TaskSide,
  type TaskStatus,
} from "~/lib/tasks";
import { cn } from "~/lib/utils";
import type { TaskRow } from "~/realtime/apply-log-entry";
import { useToday } from "~/components/shell/workspace-context";
import { isOverdue } from "~/realtime/task-order";
import { useTRPC } from "~/trpc/react";

import { Markdown } from "./markdown";
import { KindBadge, PriorityIcon, StatusDot, TaskSideBadge } from "./task-bits";
import type { useTaskActions } from "./use-task-actions";

type Member = RouterOutputs["member"]["list"][number];
const UNASSIGNED = "unassigned";

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
          <div className="grid gap-4 p-6 pt-14" aria-label="Loading task">
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

function TaskDetail({
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
            <span className="font-medium">{editors.map((e) => e.name.split(" ")[0]).join(" and ")}</span> {editors.length === 1 ? "is" : "are"} editing this task
            right now. Your changes and theirs both save; the latest wins.
          </span>
        </div>
      ) : null}

      <TitleField task={task} canWrite={canWrite} error={errors.title} onSave={(title) => save("title", { taskId: task.id, title })} />

      <dl className="grid grid-cols-2 gap-x-3 gap-y-3 sm:gap-x-4">
        <Prop label="Status" id="task-status">
          {canWrite ? (
            <Select
              value={task.status}
              onValueChange={(v) => {
                const said = actions.moveToEnd(task.id, v as TaskStatus);
                if (said) toast.success(said);
              }}
            >
              <SelectTrigger id="task-status" size="sm">
                <SelectValue>
                  <StatusDot status={task.status} /> {TASK_STATUS_LABELS[task.status]}
                </SelectValue>
              </SelectTrigger>
              <SelectContent>
                {TASK_STATUSES.map((s) => (
                  <SelectItem key={s} value={s}>
                    <StatusDot status={s} /> {TASK_STATUS_LABELS[s]}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          ) : (
            <ReadValue>
              <StatusDot status={task.status} /> {TASK_STATUS_LABELS[task.status]}
            </ReadValue>
          )}
        </Prop>
        <Prop label="Priority" id="task-priority" error={errors.priority}>
          {canWrite ? (
            <Select value={task.priority} onValueChange={(v) => void save("priority", { taskId: task.id, priority: v as TaskPriority })}>
              <SelectTrigger id="task-priority" size="sm">
                <SelectValue>
                  <PriorityIcon priority={task.priority} /> {TASK_PRIORITY_LABELS[task.priority]}
                </SelectValue>
              </SelectTrigger>
              <SelectContent>
                {[...TASK_PRIORITIES].reverse().map((p) => (
                  <SelectItem key={p} value={p}>
                    <PriorityIcon priority={p} /> {TASK_PRIORITY_LABELS[p]}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          ) : (
            <ReadValue>
              <PriorityIcon priority={task.priority} /> {TASK_PRIORITY_LABELS[task.priority]}
            </ReadValue>
          )}
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
                <SelectValue>{task.assigneeName ? <Person name={task.assigneeName} member={assignable.find((m) => m.id === task.assigneeId)} /> : "Unassigned"}</SelectValue>
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
            <ReadValue>{task.assigneeName ? <Person name={task.assigneeName} member={members.data?.find((m) => m.id === task.assigneeId)} /> : "Unassigned"}</ReadValue>
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
          {canWrite ? (
            <Select value={task.side} onValueChange={(v) => void save("side", { taskId: task.id, side: v as TaskSide })}>
              <SelectTrigger id="task-side" size="sm">
                <SelectValue>{SIDE_LABELS[task.side]}</SelectValue>
              </SelectTrigger>
              <SelectContent>
                {TASK_SIDES.map((s) => (
                  <SelectItem key={s} value={s}>
                    {SIDE_LABELS[s]}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          ) : (
            <ReadValue>{SIDE_LABELS[task.side]}</ReadValue>
          )}
        </Prop>
        <Prop label="Kind" id="task-kind" error={errors.kind}>
          {canWrite ? (
            <Select value={task.kind} onValueChange={(v) => void save("kind", { taskId: task.id, kind: v as TaskKind })}>
              <SelectTrigger id="task-kind" size="sm">
                <SelectValue>{TASK_KIND_LABELS[task.kind]}</SelectValue>
              </SelectTrigger>
              <SelectContent>
                {TASK_KINDS.map((k) => (
                  <SelectItem key={k} value={k}>
                    {TASK_KIND_LABELS[k]}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          ) : (
            <ReadValue>{TASK_KIND_LABELS[task.kind]}</ReadValue>
          )}
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

function Prop({ label, id, error, children }: { label: string; id: string; error?: string; children: React.ReactNode }) {
  return (
    <div className="grid content-start gap-1">
      <dt>
        <label htmlFor={id} className="text-xs font-medium text-muted-foreground">
          {label}
        </label>
      </dt>
      <dd className="min-w-0">
        {children}
        {error ? (
          <div className="mt-1">
            <FieldError>{error}</FieldError>
          </div>
        ) : null}
      </dd>
    </div>
  );
}

function ReadValue({ children, className }: { children: React.ReactNode; className?: string }) {
  return <div className={cn("flex h-8 items-center gap-2 text-sm", className)}>{children}</div>;
}

function Person({ name, member }: { name: string; member?: Member }) {
  return (
    <span className="flex min-w-0 items-center gap-2 py-0.5 pl-0.5">
      <UserAvatar name={name} side={member?.side} size="xs" />
      <span className="truncate">{name}</span>
    </span>
  );
}

function TitleField({ task, canWrite, error, onSave }: { task: TaskRow; canWrite: boolean; error?: string; onSave: (title: string) => Promise<boolean> }) {
  const [value, setValue] = useState(task.title);
  const focused = useRef(false);
  // Someone else's rename shows up, unless you're in the middle of your own.
  useEffect(() => {
    if (!focused.current) setValue(task.title);
  }, [task.title]);

  if (!canWrite) {
    return <SheetTitle className="text-xl leading-snug font-semibold tracking-tight">{task.title}</SheetTitle>;
  }
  const commit = async () => {
    const next = value.trim();
    if (!next) {
      setValue(task.title);
      return;
    }
    if (next !== task.title) await onSave(next);
  };
  return (
    <div className="grid gap-1">
      <SheetTitle className="sr-only">{task.title}</SheetTitle>
      <label htmlFor="task-title" className="sr-only">
        Title
      </label>
      <Textarea
        id="task-title"
        value={value}
        rows={1}
        maxLength={200}
        aria-invalid={error ? true : undefined}
        onFocus={() => (focused.current = true)}
        onBlur={() => {
          focused.current = false;
          void commit();
        }}
        onChange={(e) => setValue(e.target.value.replace(/\n/g, " "))}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            e.currentTarget.blur();
          }
          if (e.key === "Escape") {
            e.stopPropagation();
            setValue(task.title);
            requestAnimationFrame(() => (e.target as HTMLTextAreaElement).blur());
          }
        }}
        className="field-sizing-content min-h-0 resize-none border-transparent bg-transparent px-2 py-1 -mx-2 text-xl leading-snug font-semibold tracking-tight shadow-none hover:border-input sm:text-xl"
      />
      {error ? <FieldError>{error}</FieldError> : null}
    </div>
  );
}

function DueField({ task, today, onSave }: { task: TaskRow; today: string; onSave: (dueDate: string | null) => Promise<boolean> }) {
  const [value, setValue] = useState(task.dueDate ?? "");
  useEffect(() => setValue(task.dueDate ?? ""), [task.dueDate]);
  const overdue = isOverdue(task, today);
  return (
    <div className="flex items-center gap-1">
      <Input
        id="task-due"
        type="date"
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          // Native date pickers report a whole date at once; partial typing reports "".
          if (e.target.value && e.target.value !== task.dueDate) void onSave(e.target.value);
        }}
        className={cn("h-8 text-[13px]", overdue && "border-destructive/50 text-destructive")}
        aria-describedby={overdue ? "task-due-overdue" : undefined}
      />
      {task.dueDate ? (
        <Button
          type="button"
          variant="ghost"
          size="icon-sm"
          aria-label="Clear due date"
          onClick={() => {
            setValue("");
            void onSave(null);
          }}
        >
          <X aria-hidden />
        </Button>
      ) : null}
      {overdue ? (
        <span id="task-due-overdue" className="sr-only">
          Overdue
        </span>
      ) : null}
    </div>
  );
}

function DescriptionField({ task, canWrite, error, onSave }: { task: TaskRow; canWrite: boolean; error?: string; onSave: (d: string) => Promise<boolean> }) {
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [draft, setDraft] = useState(task.description);
  const [pending, setPending] = useState(false);

  if (!editing) {
    return (
      <section className="grid gap-2" aria-labelledby="task-description-heading">
        <div className="flex items-center justify-between">
          <h3 id="task-description-heading" className="text-sm font-semibold">
            Description
          </h3>
          {canWrite ? (
            <Button
              variant="ghost"
              size="sm"
              className="-mr-2 text-muted-foreground"
              onClick={() => {
                setDraft(task.description);
                setTab("write");
                setEditing(true);
              }}
            >
              <PencilLine aria-hidden /> {task.description ? "Edit" : "Add description"}
            </Button>
          ) : null}
        </div>
        {task.description ? (
          <Markdown>{task.description}</Markdown>
        ) : (
          <p className="text-sm text-muted-foreground">{canWrite ? "No description yet. Say what done looks like, and what the other side needs to know." : "No description."}</p>
        )}
      </section>
    );
  }

  return (
    <section className="grid gap-2" aria-labelledby="task-description-heading">
      <div className="flex items-center justify-between gap-2">
        <h3 id="task-description-heading" className="text-sm font-semibold">
          Description
        </h3>
        <div role="tablist" aria-label="Description editor" className="flex rounded-md border p-0.5 text-xs">
          {(["write", "preview"] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={tab === t}
              onClick={() => setTab(t)}
              className={cn("rounded px-2.5 py-1 font-medium text-muted-foreground capitalize", tab === t && "bg-muted text-foreground")}
            >
              {t}
            </button>
          ))}
        </div>
      </div>
      {tab === "write" ? (
        <Textarea
          aria-label="Description (Markdown)"
          autoFocus
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          rows={8}
          maxLength={20_000}
          aria-invalid={error ? true : undefined}
          placeholder={"What needs doing, and what does done look like?\n\n- [ ] Markdown works: lists, **bold**, `code`, links"}
          className="font-mono text-[13px] sm:text-[13px]"
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.stopPropagation();
              setEditing(false);
            }
          }}
        />
      ) : (
        <div className="min-h-[10.5rem] rounded-md border bg-background/60 px-3 py-2">
          {draft.trim() ? <Markdown>{draft}</Markdown> : <p className="text-sm text-muted-foreground">Nothing to preview.</p>}
        </div>
      )}
      {error ? <FieldError>{error}</FieldError> : null}
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs text-muted-foreground">Markdown supported; raw HTML is left out.</span>
        <div className="flex gap-2">
          <Button variant="ghost" size="sm" onClick={() => setEditing(false)}>
            Cancel
          </Button>
          <Button
            size="sm"
            disabled={pending}
            onClick={async () => {
              setPending(true);
              const ok = draft === task.description ? true : await onSave(draft);
              setPending(false);
              if (ok) setEditing(false);
            }}
          >
            {pending ? <Spinner /> : null}
            Save description
          </Button>
        </div>
      </div>
    </section>
  );
}
