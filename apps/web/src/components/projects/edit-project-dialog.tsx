"use client";

import { updateProjectSchema } from "@tandem/api/validators";
import { perSide, WORKING_SIDES, type WorkingSide } from "@tandem/domain/sides";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Pencil } from "lucide-react";
import { useState } from "react";
import { toast } from "~/lib/toast";

import { FormAlert } from "~/components/forms/field";
import { SubmitFooter } from "~/components/forms/submit-footer";
import { Button } from "@tandem/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@tandem/ui/dialog";
import { errorMessage, trpcFieldErrors, zodFieldErrors, type FieldErrors } from "~/lib/form-errors";
import type { ProjectDetail } from "~/realtime/apply-log-entry";
import { useTRPC } from "~/trpc/react";

import { CADENCE_PRESETS, cadenceDays, ProjectFields, type ProjectFieldKey, type ProjectFieldValues } from "./project-fields";

type Project = ProjectDetail["project"];
type Sides = ProjectDetail["sides"];

function valuesOf(p: Project, sides: Sides): ProjectFieldValues {
  return {
    name: p.name,
    outcome: p.outcome,
    phase: p.phase,
    targetDate: p.targetDate ?? "",
    leads: perSide((side) => sides[side].leadId),
    cadence: String(p.checkInCadenceDays),
    cadenceCustom: !CADENCE_PRESETS.some((c) => c.days === p.checkInCadenceDays),
  };
}

/** Only what the form changed, so an edit never overwrites what someone else changed meanwhile. */
function changes(before: ProjectFieldValues, after: ProjectFieldValues) {
  const out: Record<string, unknown> = {};
  if (after.name !== before.name) out.name = after.name;
  if (after.outcome !== before.outcome) out.outcome = after.outcome;
  if (after.targetDate !== before.targetDate) out.targetDate = after.targetDate || null;
  const sides: Partial<Record<WorkingSide, { leadId: string }>> = {};
  for (const side of WORKING_SIDES) if (after.leads[side] !== before.leads[side]) sides[side] = { leadId: after.leads[side] };
  if (Object.keys(sides).length > 0) out.sides = sides;
  if (after.cadence.trim() !== before.cadence) out.checkInCadenceDays = cadenceDays(after.cadence);
  return out;
}

/** Name, outcome, leads, target date and check-in cadence of a project, for anyone who may edit work. */
export function EditProjectDialog({ slug, project, sides, trigger }: { slug: string; project: Project; sides: Sides; trigger?: React.ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.member.list.queryOptions({ workspaceSlug: slug }));
  const update = useMutation(trpc.project.update.mutationOptions());
  const [open, setOpen] = useState(false);
  // What the form started from: edits are measured against it, not against live changes since.
  const [initial, setInitial] = useState(() => valuesOf(project, sides));
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors<ProjectFieldKey>>({});
  const [formError, setFormError] = useState<string | null>(null);

  function onOpenChange(next: boolean) {
    if (next) {
      const fresh = valuesOf(project, sides);
      setInitial(fresh);
      setValues(fresh);
      setErrors({});
      setFormError(null);
    }
    setOpen(next);
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const change = changes(initial, values);
    if (Object.keys(change).length === 0) {
      setOpen(false);
      return;
    }
    const parsed = updateProjectSchema.safeParse({ projectId: project.id, ...change });
    if (!parsed.success) {
      const fields = zodFieldErrors<ProjectFieldKey>(parsed.error);
      // A custom cadence that isn't a whole number reaches zod as NaN, whose message says nothing useful.
      if ("checkInCadenceDays" in change && Number.isNaN(change.checkInCadenceDays)) fields.checkInCadenceDays = "Enter a whole number of days, from 1 to 90.";
      setErrors(fields);
      return;
    }
    setErrors({});
    try {
      await update.mutateAsync({ workspaceSlug: slug, ...parsed.data });
      // The log entry refreshes everyone else's page; this makes ours immediate even with live updates down.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.project.get.queryKey({ workspaceSlug: slug, projectId: project.id }) }),
        queryClient.invalidateQueries({ queryKey: trpc.checkIn.status.queryKey({ workspaceSlug: slug }) }),
      ]);
      toast.success("Project updated");
      setOpen(false);
    } catch (err) {
      const fields = trpcFieldErrors<ProjectFieldKey>(err);
      if (Object.keys(fields).length > 0) setErrors(fields);
      else setFormError(errorMessage(err, "We couldn't save the project. Try again."));
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        {trigger ?? (
          <Button variant="outline" size="sm">
            <Pencil aria-hidden /> Edit project
          </Button>
        )}
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] max-w-xl overflow-y-auto">
        <DialogHeader>
          <DialogTitle>Edit project</DialogTitle>
          <DialogDescription>Changes are recorded in the log and show for everyone straight away.</DialogDescription>
        </DialogHeader>
        <form noValidate onSubmit={onSubmit} className="grid gap-4" aria-label="Edit project">
          {formError ? <FormAlert>{formError}</FormAlert> : null}
          <ProjectFields
            idPrefix="edit-project"
            values={values}
            onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
            errors={errors}
            members={members.data ?? []}
            show={{ cadence: true }}
          />
          <SubmitFooter onCancel={() => setOpen(false)} pending={update.isPending} label="Save changes" pendingLabel="Saving…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
