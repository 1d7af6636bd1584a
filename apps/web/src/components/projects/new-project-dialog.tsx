"use client";

import type { RouterOutputs } from "@tandem/api";
import { createProjectSchema } from "@tandem/api/validators";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { toast } from "sonner";

import { Field, FormAlert } from "~/components/forms/field";
import { UserAvatar } from "~/components/people/user-avatar";
import { Button } from "~/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "~/components/ui/dialog";
import { Input } from "~/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "~/components/ui/select";
import { Spinner } from "~/components/ui/spinner";
import { Textarea } from "~/components/ui/textarea";
import { errorMessage, trpcFieldErrors, zodFieldErrors, type FieldErrors } from "~/lib/form-errors";
import { PHASE_HINTS, PHASE_LABELS, PHASES, type Phase } from "~/lib/projects";
import { SIDE_LABELS, SIDE_STYLES, SIDES } from "~/lib/sides";
import { cn } from "~/lib/utils";
import { useTRPC } from "~/trpc/react";

type Member = RouterOutputs["member"]["list"][number];
type Key = "name" | "outcome" | "phase" | "targetDate" | "marketingLeadId" | "itLeadId" | "memberIds";

/** The first lead-role member of a side, or anyone on it; me first when I'm on that side. */
function defaultLead(members: Member[], side: "marketing" | "it", meId: string) {
  const onSide = members.filter((m) => m.side === side);
  return (onSide.find((m) => m.id === meId) ?? onSide.find((m) => m.role === "lead") ?? onSide.find((m) => m.role === "admin") ?? onSide[0])?.id ?? "";
}

export function NewProjectDialog({ slug, meMemberId, trigger }: { slug: string; meMemberId: string; trigger?: React.ReactNode }) {
  const trpc = useTRPC();
  const router = useRouter();
  const members = useQuery(trpc.member.list.queryOptions({ workspaceSlug: slug }));
  const create = useMutation(trpc.project.create.mutationOptions());

  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [outcome, setOutcome] = useState("");
  const [phase, setPhase] = useState<Phase>("idea");
  const [targetDate, setTargetDate] = useState("");
  const [marketingLeadId, setMarketingLeadId] = useState<string | null>(null);
  const [itLeadId, setItLeadId] = useState<string | null>(null);
  const [extra, setExtra] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<FieldErrors<Key>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const list = useMemo(() => members.data ?? [], [members.data]);
  const mLead = marketingLeadId ?? defaultLead(list, "marketing", meMemberId);
  const iLead = itLeadId ?? defaultLead(list, "it", meMemberId);
  const marketing = list.filter((m) => m.side === "marketing");
  const it = list.filter((m) => m.side === "it");
  const others = list.filter((m) => m.id !== mLead && m.id !== iLead);

  function reset() {
    setName("");
    setOutcome("");
    setPhase("idea");
    setTargetDate("");
    setMarketingLeadId(null);
    setItLeadId(null);
    setExtra(new Set());
    setErrors({});
    setFormError(null);
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const input = {
      name,
      outcome,
      phase,
      targetDate: targetDate || null,
      marketingLeadId: mLead,
      itLeadId: iLead,
      memberIds: [...extra].filter((id) => id !== mLead && id !== iLead),
    };
    const parsed = createProjectSchema.safeParse(input);
    if (!parsed.success) {
      const fields = zodFieldErrors<Key>(parsed.error);
      if (!mLead) fields.marketingLeadId = "Choose the marketing lead.";
      if (!iLead) fields.itLeadId = "Choose the IT lead.";
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

  const leadSelect = (id: string, value: string, onChange: (v: string) => void, options: Member[], side: "marketing" | "it", a: object) => (
    <Select value={value} onValueChange={onChange}>
      <SelectTrigger {...a} id={id}>
        <SelectValue placeholder={options.length ? "Choose a lead" : `Nobody on the ${SIDE_LABELS[side]} side yet`}>
          {options.find((m) => m.id === value)?.name}
        </SelectValue>
      </SelectTrigger>
      <SelectContent>
        {options.map((m) => (
          <SelectItem key={m.id} value={m.id}>
            <UserAvatar name={m.name} side={m.side} size="xs" />
            {m.name}
            {m.title ? <span className="text-muted-foreground">· {m.title}</span> : null}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );

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
          <Field id="project-name" label="Name" error={errors.name}>
            {(a) => <Input {...a} value={name} onChange={(e) => setName(e.target.value)} maxLength={120} placeholder="Consent banner relaunch" autoFocus />}
          </Field>
          <Field id="project-outcome" label="Customer outcome" hint="What changes for customers when this is done. One or two sentences." error={errors.outcome}>
            {(a) => (
              <Textarea
                {...a}
                value={outcome}
                onChange={(e) => setOutcome(e.target.value)}
                maxLength={500}
                rows={2}
                placeholder="Visitors choose their cookie settings in one step, and campaigns still measure what they need."
              />
            )}
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="project-phase" label="Phase" hint={PHASE_HINTS[phase]} error={errors.phase}>
              {(a) => (
                <Select value={phase} onValueChange={(v) => setPhase(v as Phase)}>
                  <SelectTrigger {...a}>
                    <SelectValue>{PHASE_LABELS[phase]}</SelectValue>
                  </SelectTrigger>
                  <SelectContent>
                    {PHASES.map((p) => (
                      <SelectItem key={p} value={p}>
                        {PHASE_LABELS[p]}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              )}
            </Field>
            <Field id="project-target" label="Target date (optional)" error={errors.targetDate}>
              {(a) => <Input {...a} type="date" value={targetDate} onChange={(e) => setTargetDate(e.target.value)} />}
            </Field>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              id="project-marketing-lead"
              label={
                <span className="flex items-center gap-1.5">
                  <span aria-hidden className={cn("size-2 rounded-full", SIDE_STYLES.marketing.dot)} /> Marketing lead
                </span>
              }
              error={errors.marketingLeadId}
            >
              {(a) => leadSelect("project-marketing-lead", mLead, setMarketingLeadId, marketing, "marketing", a)}
            </Field>
            <Field
              id="project-it-lead"
              label={
                <span className="flex items-center gap-1.5">
                  <span aria-hidden className={cn("size-2 rounded-full", SIDE_STYLES.it.dot)} /> IT lead
                </span>
              }
              error={errors.itLeadId}
            >
              {(a) => leadSelect("project-it-lead", iLead, setItLeadId, it, "it", a)}
            </Field>
          </div>
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
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? (
                <>
                  <Spinner /> Creating…
                </>
              ) : (
                "Create project"
              )}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
