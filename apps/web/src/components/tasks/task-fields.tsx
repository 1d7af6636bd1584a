"use client";

import type { RouterOutputs } from "@tandem/api";
import { PencilLine, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";

import { FieldError } from "~/components/forms/field";
import { UserAvatar } from "~/components/people/user-avatar";
import { Button } from "@tandem/ui/button";
import { Input } from "@tandem/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@tandem/ui/select";
import { SheetTitle } from "@tandem/ui/sheet";
import { Spinner } from "@tandem/ui/spinner";
import { Textarea } from "@tandem/ui/textarea";
import { cn } from "~/lib/utils";
import type { TaskRow } from "~/realtime/apply-log-entry";
import { isOverdue } from "~/realtime/task-order";

import { Markdown } from "./markdown";

type Member = RouterOutputs["member"]["list"][number];

// The task panel's fields: a label over each value, and the title, due date and description editors.

export function Prop({ label, id, error, children }: { label: string; id: string; error?: string; children: React.ReactNode }) {
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

export function ReadValue({ children, className }: { children: React.ReactNode; className?: string }) {
  return <div className={cn("flex h-8 items-center gap-2 text-sm", className)}>{children}</div>;
}

export function Person({ name, member }: { name: string; member?: Member }) {
  return (
    <span className="flex min-w-0 items-center gap-2 py-0.5 pl-0.5">
      <UserAvatar name={name} side={member?.side} size="xs" />
      <span className="truncate">{name}</span>
    </span>
  );
}

export function TitleField({
  task,
  canWrite,
  error,
  onSave,
}: {
  task: TaskRow;
  canWrite: boolean;
  error?: string;
  onSave: (title: string) => Promise<boolean>;
}) {
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

export function DueField({ task, today, onSave }: { task: TaskRow; today: string; onSave: (dueDate: string | null) => Promise<boolean> }) {
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

export function DescriptionField({
  task,
  canWrite,
  error,
  onSave,
}: {
  task: TaskRow;
  canWrite: boolean;
  error?: string;
  onSave: (d: string) => Promise<boolean>;
}) {
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
          <p className="text-sm text-muted-foreground">
            {canWrite ? "No description yet. Say what done looks like, and what the other side needs to know." : "No description."}
          </p>
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

/** One of a fixed set (status, priority, side, kind): a select for writers, the value for others. */
export function EnumField<T extends string>({
  id,
  value,
  options,
  canWrite,
  show,
  onChange,
}: {
  id: string;
  value: T;
  options: readonly T[];
  canWrite: boolean;
  show: (v: T) => React.ReactNode;
  onChange: (v: T) => void;
}) {
  if (!canWrite) return <ReadValue>{show(value)}</ReadValue>;
  return (
    <Select value={value} onValueChange={(v) => onChange(v as T)}>
      <SelectTrigger id={id} size="sm">
        <SelectValue>{show(value)}</SelectValue>
      </SelectTrigger>
      <SelectContent>
        {options.map((o) => (
          <SelectItem key={o} value={o}>
            {show(o)}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
