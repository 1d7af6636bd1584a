"use client";

import type { RouterOutputs } from "@tandem/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, Flag, Pencil, Trash2 } from "lucide-react";
import { useRef, useState } from "react";

import { Button } from "@tandem/ui/button";
import { EmptyState } from "@tandem/ui/empty-state";
import { Skeleton } from "@tandem/ui/skeleton";
import { Spinner } from "@tandem/ui/spinner";
import { formatDay } from "~/lib/dates";
import { errorMessage } from "~/lib/form-errors";
import { toast } from "~/lib/toast";
import { cn } from "~/lib/utils";
import { useToday } from "~/components/shell/workspace-context";
import { useTRPC } from "~/trpc/react";

import { MilestoneForm, useMilestoneFieldErrors } from "./milestone-form";

type Milestone = RouterOutputs["milestone"]["list"][number];

/**
 * A project's milestones by due date: dated points on the way to its target. Writers add them,
 * rename or re-date them, tick them off as reached and remove them; everyone else reads. The feed shows each one added or
 * reached, and /status the next one open. Other people's changes arrive through the live log.
 */
export function MilestonesPanel({ slug, projectId, canWrite }: { slug: string; projectId: string; canWrite: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.milestone.list.queryOptions({ workspaceSlug: slug, projectId }));
  // What the API answered goes into the list at once, without a re-read; the live log's re-read
  // brings the same to everyone else's page.
  const listKey = trpc.milestone.list.queryKey({ workspaceSlug: slug, projectId });
  const put = (m: Milestone) =>
    queryClient.setQueryData(listKey, (rows) => rows && [...rows.filter((r) => r.id !== m.id), m].sort((a, b) => a.dueOn.localeCompare(b.dueOn)));
  const drop = ({ id }: { id: string }) => queryClient.setQueryData(listKey, (rows) => rows?.filter((r) => r.id !== id));

  return (
    <section aria-labelledby="milestones-heading" className="grid gap-4">
      <h2 id="milestones-heading" className="sr-only">
        Milestones
      </h2>
      {canWrite ? <AddMilestone slug={slug} projectId={projectId} onAdded={put} /> : null}
      {list.isPending ? (
        <div className="grid gap-2">
          <Skeleton className="h-12 rounded-lg" />
          <Skeleton className="h-12 rounded-lg" />
        </div>
      ) : list.isError ? (
        <p role="alert" className="text-sm text-destructive">
          Couldn&apos;t load the milestones: {errorMessage(list.error)}{" "}
          <Button variant="link" size="sm" className="h-auto p-0" onClick={() => void list.refetch()}>
            Try again
          </Button>
        </p>
      ) : list.data.length === 0 ? (
        <EmptyState icon={Flag} title="No milestones yet" data-testid="milestones-empty">
          {canWrite
            ? "Add the dated steps on the way to the target date; leadership sees each one added and reached."
            : "The project's leads haven't set any milestones."}
        </EmptyState>
      ) : (
        <ol className="grid divide-y rounded-xl border bg-card" data-testid="milestones">
          {list.data.map((m) => (
            <MilestoneRow key={m.id} slug={slug} milestone={m} canWrite={canWrite} onSaved={put} onRemoved={drop} />
          ))}
        </ol>
      )}
    </section>
  );
}

function MilestoneRow({
  slug,
  milestone: m,
  canWrite,
  onSaved,
  onRemoved,
}: {
  slug: string;
  milestone: Milestone;
  canWrite: boolean;
  onSaved: (m: Milestone) => void;
  onRemoved: (m: { id: string }) => void;
}) {
  const trpc = useTRPC();
  const reached = m.reachedAt !== null;
  const today = useToday();
  const overdue = !reached && m.dueOn < today;
  const setReached = useMutation(
    trpc.milestone.setReached.mutationOptions({
      onSuccess: onSaved,
      onError: (err) => toast.error("Milestone not updated", { description: errorMessage(err) }),
    }),
  );
  const remove = useMutation(
    trpc.milestone.remove.mutationOptions({ onSuccess: onRemoved, onError: (err) => toast.error("Milestone not removed", { description: errorMessage(err) }) }),
  );
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const { errors, setErrors, onError } = useMilestoneFieldErrors("Milestone not changed");
  const update = useMutation(
    trpc.milestone.update.mutationOptions({
      onSuccess: (saved) => {
        setErrors({});
        closeEditor();
        onSaved(saved);
      },
      onError,
    }),
  );
  const busy = setReached.isPending || remove.isPending;

  function closeEditor() {
    setEditing(false);
    // Back to where the keyboard was, once the row is a row again.
    requestAnimationFrame(() => editButton.current?.focus());
  }

  if (editing) {
    return (
      <li className="px-3 py-3 sm:px-4" data-testid="milestone">
        <MilestoneForm
          idPrefix={`milestone-${m.id}`}
          label={`Edit the milestone ${m.title}`}
          initial={{ title: m.title, dueOn: m.dueOn }}
          submitLabel="Save"
          pending={update.isPending}
          serverErrors={errors}
          onSubmit={(v) => update.mutate({ workspaceSlug: slug, milestoneId: m.id, ...v })}
          onCancel={() => {
            setErrors({});
            closeEditor();
          }}
        />
      </li>
    );
  }

  return (
    <li className="flex items-center gap-3 px-3 py-2.5 sm:px-4" data-testid="milestone" data-reached={reached || undefined}>
      {canWrite ? (
        <button
          type="button"
          role="checkbox"
          aria-checked={reached}
          aria-label={`${m.title}: reached`}
          disabled={busy}
          onClick={() => setReached.mutate({ workspaceSlug: slug, milestoneId: m.id, reached: !reached })}
          className={cn(
            "flex size-5 shrink-0 items-center justify-center rounded-full border-2 transition-colors outline-none focus-visible:ring-2 focus-visible:ring-ring disabled:opacity-60",
            reached ? "border-success bg-success text-white" : "border-muted-foreground/40 hover:border-primary",
          )}
        >
          {setReached.isPending ? <Spinner className="size-3" /> : reached ? <Check aria-hidden className="size-3" strokeWidth={3} /> : null}
        </button>
      ) : (
        <span
          aria-hidden
          className={cn(
            "flex size-5 shrink-0 items-center justify-center rounded-full border-2",
            reached ? "border-success bg-success text-white" : "border-muted-foreground/30",
          )}
        >
          {reached ? <Check className="size-3" strokeWidth={3} /> : null}
        </span>
      )}
      <span className={cn("min-w-0 flex-1 text-sm break-words", reached && "text-muted-foreground line-through")}>
        {m.title}
        {!canWrite ? <span className="sr-only">{reached ? " (reached)" : " (open)"}</span> : null}
      </span>
      <span className={cn("shrink-0 text-[13px] tabular-nums", overdue ? "font-medium text-destructive" : "text-muted-foreground")}>
        {overdue ? "Overdue · " : ""}
        {formatDay(m.dueOn)}
      </span>
      {canWrite ? (
        <Button
          ref={editButton}
          variant="ghost"
          size="icon"
          className="size-8 shrink-0 text-muted-foreground"
          aria-label={`Edit the milestone ${m.title}`}
          disabled={busy}
          onClick={() => setEditing(true)}
        >
          <Pencil aria-hidden />
        </Button>
      ) : null}
      {canWrite ? (
        <Button
          variant="ghost"
          size="icon"
          className="-ml-2 size-8 shrink-0 text-muted-foreground hover:text-destructive"
          aria-label={`Remove the milestone ${m.title}`}
          disabled={busy}
          onClick={() => remove.mutate({ workspaceSlug: slug, milestoneId: m.id })}
        >
          {remove.isPending ? <Spinner /> : <Trash2 aria-hidden />}
        </Button>
      ) : null}
    </li>
  );
}

function AddMilestone({ slug, projectId, onAdded }: { slug: string; projectId: string; onAdded: (m: Milestone) => void }) {
  const trpc = useTRPC();
  // A new key empties the form after each add.
  const [formKey, setFormKey] = useState(0);
  const { errors, setErrors, onError } = useMilestoneFieldErrors("Milestone not added");
  const add = useMutation(
    trpc.milestone.add.mutationOptions({
      onSuccess: (added) => {
        setErrors({});
        setFormKey((k) => k + 1);
        onAdded(added);
      },
      onError,
    }),
  );
  return (
    <div className="rounded-xl border bg-card p-3 sm:p-4">
      <MilestoneForm
        key={formKey}
        idPrefix="milestone"
        label="Add a milestone"
        submitLabel="Add milestone"
        pending={add.isPending}
        serverErrors={errors}
        onSubmit={(v) => add.mutate({ workspaceSlug: slug, projectId, ...v })}
      />
    </div>
  );
}
