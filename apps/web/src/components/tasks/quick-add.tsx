"use client";

import { Plus } from "lucide-react";
import { useRef, useState } from "react";
import { toast } from "~/lib/toast";

import { Button } from "@tandem/ui/button";
import { Input } from "@tandem/ui/input";
import { Spinner } from "@tandem/ui/spinner";
import { errorMessage, trpcFieldErrors } from "~/lib/form-errors";
import { SIDE_LABELS, SIDE_STYLES } from "~/lib/sides";
import { TASK_SIDES, TASK_STATUS_LABELS, type TaskSide, type TaskStatus } from "~/lib/tasks";
import { cn } from "~/lib/utils";

import type { useTaskActions } from "./use-task-actions";

/** "Add task" at the foot of a column: a title and a side; the rest is set in the task's sheet. */
export function QuickAdd({
  status,
  projectId,
  actions,
  defaultSide = "marketing",
}: {
  status: TaskStatus;
  projectId: string;
  actions: ReturnType<typeof useTaskActions>;
  defaultSide?: TaskSide;
}) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState("");
  const [side, setSide] = useState<TaskSide>(defaultSide);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = `quick-add-${status}`;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!title.trim()) {
      setError("Give the task a title.");
      input.current?.focus();
      return;
    }
    setPending(true);
    setError(null);
    try {
      await actions.create({ projectId, title: title.trim(), side, status, description: "", priority: "none", kind: "task" });
      setTitle("");
      input.current?.focus();
    } catch (err) {
      const message = trpcFieldErrors<"title">(err).title ?? errorMessage(err, "We couldn't add the task. Try again.");
      setError(message);
      toast.error("Task not added", { description: message });
    } finally {
      setPending(false);
    }
  }

  if (!open) {
    return (
      <Button
        variant="ghost"
        size="sm"
        className="w-full justify-start text-muted-foreground"
        onClick={() => setOpen(true)}
        aria-label={`Add task to ${TASK_STATUS_LABELS[status]}`}
      >
        <Plus aria-hidden /> Add task
      </Button>
    );
  }

  return (
    <form onSubmit={submit} className="grid gap-2 rounded-lg border bg-card p-2 shadow-xs" aria-label={`New task in ${TASK_STATUS_LABELS[status]}`}>
      <label htmlFor={id} className="sr-only">
        Task title
      </label>
      <Input
        ref={input}
        id={id}
        autoFocus
        value={title}
        maxLength={200}
        placeholder="What needs doing?"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setTitle(e.target.value);
          if (error) setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            setOpen(false);
            setTitle("");
            setError(null);
          }
        }}
      />
      {error ? (
        <p id={`${id}-error`} className="px-0.5 text-[13px] font-medium text-destructive">
          {error}
        </p>
      ) : null}
      <div className="flex items-center gap-2">
        <div role="group" aria-label="Side" className="flex rounded-md border p-0.5">
          {TASK_SIDES.map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={side === s}
              onClick={() => setSide(s)}
              className={cn(
                "flex h-6 items-center gap-1.5 rounded px-2 text-xs font-medium text-muted-foreground transition-colors",
                side === s && [SIDE_STYLES[s].soft, SIDE_STYLES[s].ink],
              )}
            >
              <span aria-hidden className={cn("size-1.5 rounded-full", SIDE_STYLES[s].dot)} />
              {SIDE_LABELS[s]}
            </button>
          ))}
        </div>
        <div className="ml-auto flex items-center gap-1">
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => {
              setOpen(false);
              setTitle("");
              setError(null);
            }}
          >
            Cancel
          </Button>
          <Button type="submit" size="sm" disabled={pending}>
            {pending ? <Spinner /> : null}
            Add
          </Button>
        </div>
      </div>
    </form>
  );
}
