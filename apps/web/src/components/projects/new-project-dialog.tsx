"use client";

import { createProjectSchema } from "@tandem/api/validators";
import { perSide, WORKING_SIDES } from "@tandem/domain/sides";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { toast } from "~/lib/toast";

import { FormAlert } from "~/components/forms/field";
import { UserAvatar } from "~/components/people/user-avatar";
import { SubmitFooter } from "~/components/forms/submit-footer";
import { Button } from "@tandem/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@tandem/ui/dialog";
import { errorMessage, trpcFieldErrors, zodFieldErrors, type FieldErrors } from "~/lib/form-errors";
import { SIDE_LABELS, SIDE_NOUNS, SIDES } from "~/lib/sides";
import { useTRPC } from "~/trpc/react";

import { defaultLead, ProjectFields, type ProjectFieldKey, type ProjectFieldValues } from "./project-fields";

type Key = ProjectFieldKey | "memberIds";
const EMPTY: ProjectFieldValues = { name: "", outcome: "", phase: "idea", targetDate: "", leads: perSide(() => ""), cadence: "7", cadenceCustom: false };

export function NewProjectDialog({ slug, meMemberId, trigger }: { slug: string; meMemberId: string; trigger?: React.ReactNode }) {
  const trpc = useTRPC();
  const router = useRouter();
  const members = useQuery(trpc.member.list.queryOptions({ workspaceSlug: slug }));
  const create = useMutation(trpc.project.create.mutationOptions());

  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<ProjectFieldValues>(EMPTY);
  const [extra, setExtra] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<FieldErrors<Key>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const list = useMemo(() => members.data ?? [], [members.data]);
  // Until someone picks a lead, the sensible default stands in (members load after the dialog opens).
  const leads = perSide((side) => values.leads[side] || defaultLead(list, side, meMemberId));
  const isLead = (id: string) => WORKING_SIDES.some((side) => leads[side] === id);
  const others = list.filter((m) => !isLead(m.id));

  function reset() {
    setValues(EMPTY);
    setExtra(new Set());
    setErrors({});
    setFormError(null);
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const input = {
      name: values.name,
      outcome: values.outcome,
      phase: values.phase,
      targetDate: values.targetDate || null,
      sides: perSide((side) => ({ leadId: leads[side] })),
      memberIds: [...extra].filter((id) => !isLead(id)),
    };
    const parsed = createProjectSchema.safeParse(input);
    if (!parsed.success) {
      const fields = zodFieldErrors<Key>(parsed.error);
      for (const side of WORKING_SIDES) if (!leads[side]) fields[`sides.${side}`] = `Choose the ${SIDE_NOUNS[side]} lead.`;
      setErrors(fields);
      return;
    }
    setErrors({});
    try {
      const project = await create.mutateAsync({ workspaceSlug: slug, ...parsed.data });
      toast.success(`Project “${project.name}” created`);
      setOpen(false);
      reset();
      router.push(`/${slug}/projects/${project.id}`);
    } catch (err) {
      const fields = trpcFieldErrors<Key>(err);
      if (Object.keys(fields).length > 0) setErrors(fields);
      else setFormError(errorMessage(err, "We couldn't create the project. Try again."));
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        {trigger ?? (
          <Button>
            <Plus aria-hidden /> New project
          </Button>
        )}
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] max-w-xl overflow-y-auto">
        <DialogHeader>
          <DialogTitle>New joint project</DialogTitle>
          <DialogDescription>Every project has a lead on each side. Both post their own view of its health.</DialogDescription>
        </DialogHeader>
        <form noValidate onSubmit={onSubmit} className="grid gap-4" aria-label="New project">
          {formError ? <FormAlert>{formError}</FormAlert> : null}
          <ProjectFields
            idPrefix="project"
            values={{ ...values, leads }}
            onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
            errors={errors}
            members={list}
            show={{ phase: true }}
            autoFocusName
          />
          <fieldset className="grid gap-1.5">
            <legend className="mb-1.5 text-sm font-medium">
              Other members <span className="font-normal text-muted-foreground">(optional)</span>
            </legend>
            {members.isPending ? (
              <div className="h-24 animate-pulse rounded-md bg-muted" />
            ) : (
              <ul className="max-h-44 divide-y overflow-y-auto rounded-md border" aria-label="Other members">
                {SIDES.flatMap((s) => others.filter((m) => m.side === s)).map((m) => (
                  <li key={m.id}>
                    <label className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-accent/60">
                      <input
                        type="checkbox"
                        className="size-4 accent-[var(--color-primary)]"
                        checked={extra.has(m.id)}
                        onChange={(e) =>
                          setExtra((cur) => {
                            const next = new Set(cur);
                            if (e.target.checked) next.add(m.id);
                            else next.delete(m.id);
                            return next;
                          })
                        }
                      />
                      <UserAvatar name={m.name} side={m.side} size="xs" />
                      <span className="min-w-0 flex-1 truncate">{m.name}</span>
                      <span className="shrink-0 text-xs text-muted-foreground">{SIDE_LABELS[m.side]}</span>
                    </label>
                  </li>
                ))}
                {others.length === 0 ? <li className="px-3 py-2 text-sm text-muted-foreground">Nobody else in the workspace yet.</li> : null}
              </ul>
            )}
            {errors.memberIds ? <p className="text-[13px] font-medium text-destructive">{errors.memberIds}</p> : null}
          </fieldset>
          <SubmitFooter onCancel={() => setOpen(false)} pending={create.isPending} label="Create project" pendingLabel="Creating…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
