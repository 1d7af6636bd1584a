"use client";

import { createCheckInSchema } from "@tandem/api/validators";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "~/lib/toast";

import { Field, FormAlert } from "~/components/forms/field";
import { HealthDot } from "~/components/projects/health";
import { Button } from "@tandem/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@tandem/ui/dialog";
import { Input } from "@tandem/ui/input";
import { Spinner } from "@tandem/ui/spinner";
import { Textarea } from "@tandem/ui/textarea";
import { errorMessage, trpcFieldErrors, zodFieldErrors, type FieldErrors } from "~/lib/form-errors";
import { HEALTH_LABELS, HEALTH_STYLES, HEALTHS, type Health } from "~/lib/projects";
import { cn } from "~/lib/utils";
import { useTRPC } from "~/trpc/react";

type Key = "health" | "headline" | "moved" | "risks" | "asks" | "decisions";

export const SECTIONS = [
  { key: "moved", label: "What moved", hint: "What got done or decided since the last check-in." },
  { key: "risks", label: "Risks", hint: "What could slip, and why." },
  { key: "asks", label: "Asks of the other side", hint: "What you need from the other team, and by when." },
  { key: "decisions", label: "Decisions taken", hint: "So nobody has to dig through threads later." },
] as const;
type SectionKey = (typeof SECTIONS)[number]["key"];

const EMPTY: Record<SectionKey, string> = { moved: "", risks: "", asks: "", decisions: "" };

/**
 * A lead's check-in: their side's health with a one-line headline, and what moved, the risks,
 * the asks of the other side and the decisions taken. Ctrl/Cmd+Enter posts it from any field.
 */
export function CheckInDialog({
  slug,
  projectId,
  side,
  current,
  open,
  onOpenChange,
  onPosted,
}: {
  slug: string;
  projectId: string;
  side: "marketing" | "it";
  current: Health | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Called instead of closing, after a successful post (the page closes the form itself). */
  onPosted?: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.checkIn.create.mutationOptions());
  const [health, setHealth] = useState<Health>(current ?? "on_track");
  const [headline, setHeadline] = useState("");
  const [sections, setSections] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors<Key>>({});
  const [formError, setFormError] = useState<string | null>(null);

  function reset() {
    setHealth(current ?? "on_track");
    setHeadline("");
    setSections(EMPTY);
    setErrors({});
    setFormError(null);
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    setFormError(null);
    const parsed = createCheckInSchema.safeParse({ projectId, health, headline, ...sections });
    if (!parsed.success) {
      setErrors(zodFieldErrors<Key>(parsed.error));
      return;
    }
    setErrors({});
    try {
      await create.mutateAsync({ workspaceSlug: slug, ...parsed.data });
      // The log entry refreshes everyone's caches; this makes ours immediate even with live updates down.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.checkIn.list.queryKey({ workspaceSlug: slug, projectId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.checkIn.status.queryKey({ workspaceSlug: slug }) }),
        queryClient.invalidateQueries({ queryKey: trpc.project.get.queryKey({ workspaceSlug: slug, projectId }) }),
      ]);
      toast.success("Check-in posted", { description: `${HEALTH_LABELS[parsed.data.health]}: ${parsed.data.headline}` });
      if (onPosted) onPosted();
      else onOpenChange(false);
      reset();
    } catch (err) {
      const fields = trpcFieldErrors<Key>(err);
      if (Object.keys(fields).length > 0) setErrors(fields);
      else setFormError(errorMessage(err, "We couldn't post the check-in. Try again."));
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[calc(100dvh-2rem)] max-w-2xl overflow-y-auto">
        <DialogHeader>
          <DialogTitle>Check in for {side === "marketing" ? "marketing" : "IT"}</DialogTitle>
          <DialogDescription>Your side&apos;s health and what changed. The other lead and leadership see it straight away.</DialogDescription>
        </DialogHeader>
        <form
          noValidate
          onSubmit={submit}
          aria-label="Check in"
          className="grid gap-4"
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
              e.preventDefault();
              e.currentTarget.requestSubmit();
            }
          }}
        >
          {formError ? <FormAlert>{formError}</FormAlert> : null}
          <fieldset className="grid gap-1.5" aria-describedby={errors.health ? "check-in-health-error" : undefined}>
            <legend className="mb-1.5 text-sm font-medium">Health</legend>
            <div role="radiogroup" aria-label="Health" className="grid grid-cols-3 gap-2">
              {HEALTHS.map((h) => (
                <label
                  key={h}
                  className={cn(
                    "flex cursor-pointer flex-col items-center gap-1.5 rounded-lg border px-2 py-2.5 text-center text-[13px] font-medium transition-colors has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/30",
                    health === h ? [HEALTH_STYLES[h].soft, HEALTH_STYLES[h].ink, "border-current/30"] : "text-muted-foreground hover:bg-accent",
                  )}
                >
                  <input type="radio" name="check-in-health" value={h} checked={health === h} onChange={() => setHealth(h)} className="sr-only" />
                  <HealthDot health={h} />
                  {HEALTH_LABELS[h]}
                </label>
              ))}
            </div>
            {errors.health ? (
              <p id="check-in-health-error" className="text-[13px] font-medium text-destructive">
                {errors.health}
              </p>
            ) : null}
          </fieldset>
          <Field id="check-in-headline" label="Headline" error={errors.headline} hint="One line: it becomes your side's health reason on the project.">
            {(a) => (
              <Input
                {...a}
                value={headline}
                onChange={(e) => setHeadline(e.target.value)}
                maxLength={200}
                placeholder="Copy approved; waiting on the staging URL"
                autoFocus
              />
            )}
          </Field>
          {SECTIONS.map((s) => (
            <Field key={s.key} id={`check-in-${s.key}`} label={s.label} error={errors[s.key]} hint={s.hint}>
              {(a) => (
                <Textarea
                  {...a}
                  rows={2}
                  maxLength={4000}
                  value={sections[s.key]}
                  onChange={(e) => setSections((cur) => ({ ...cur, [s.key]: e.target.value }))}
                />
              )}
            </Field>
          ))}
          <DialogFooter className="items-center">
            <span className="mr-auto hidden text-xs text-muted-foreground sm:inline">
              <kbd className="rounded border bg-muted px-1 font-sans">{isMac() ? "⌘" : "Ctrl"}</kbd> +{" "}
              <kbd className="rounded border bg-muted px-1 font-sans">Enter</kbd> to post
            </span>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? <Spinner /> : null}
              Post check-in
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** The dialog renders only in the browser (it opens on a click or from the URL), so `navigator` is there. */
function isMac() {
  return typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
}
