"use client";

import { postHealthSchema } from "@tandem/api/validators";
import { WORKING_SIDES, type WorkingSide } from "@tandem/domain/sides";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Activity, Split } from "lucide-react";
import { useState } from "react";
import { toast } from "~/lib/toast";

import { Field, FormAlert } from "~/components/forms/field";
import { UserAvatar } from "~/components/people/user-avatar";
import { Button } from "@tandem/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@tandem/ui/dialog";
import { Input } from "@tandem/ui/input";
import { Spinner } from "@tandem/ui/spinner";
import { ago, exactTime } from "~/lib/dates";
import { errorMessage, trpcFieldErrors, zodFieldErrors, type FieldErrors } from "~/lib/form-errors";
import { HEALTH_LABELS, HEALTH_STYLES, HEALTHS, type Health } from "~/lib/projects";
import { SIDE_EDGE, SIDE_LABELS, SIDE_NOUNS } from "~/lib/sides";
import { cn } from "~/lib/utils";
import type { ProjectDetail } from "~/realtime/apply-log-entry";
import { useTRPC } from "~/trpc/react";

import { HealthDot, HealthPill } from "./health";

/**
 * The two leads' views of the project, side by side. Each lead posts their own side's health
 * with a one-line reason; when they differ, the panel says so above both.
 */
export function HealthPanel({ slug, detail, me }: { slug: string; detail: ProjectDetail; me: { memberId: string; side: string } }) {
  const p = detail.project;
  const { sides } = detail;
  const mine = (side: WorkingSide) => me.side === side && sides[side].leadId === me.memberId;
  const says = (side: WorkingSide) => {
    const health = sides[side].health;
    return `${sides[side].leadName.split(" ")[0]} says ${health ? HEALTH_LABELS[health].toLowerCase() : "nothing yet"}`;
  };
  return (
    <section aria-label="Health" className="grid gap-3">
      {detail.disagree ? (
        <div
          role="status"
          className="flex items-start gap-2.5 rounded-lg border border-destructive/25 bg-destructive-soft px-3.5 py-2.5 text-sm text-destructive"
          data-testid="disagree-banner"
        >
          <Split aria-hidden className="mt-0.5 size-4 shrink-0" />
          <p>
            <span className="font-semibold">Leads disagree.</span> {WORKING_SIDES.map(says).join(", ")}. Worth a conversation.
          </p>
        </div>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {WORKING_SIDES.map((side) => (
          <LeadHealth
            key={side}
            slug={slug}
            projectId={p.id}
            side={side}
            name={sides[side].leadName}
            health={sides[side].health}
            reason={sides[side].healthReason}
            at={sides[side].healthAt}
            canPost={mine(side)}
          />
        ))}
      </div>
    </section>
  );
}

function LeadHealth({
  slug,
  projectId,
  side,
  name,
  health,
  reason,
  at,
  canPost,
}: {
  slug: string;
  projectId: string;
  side: WorkingSide;
  name: string;
  health: Health | null;
  reason: string | null;
  at: Date | null;
  canPost: boolean;
}) {
  return (
    <div className={cn("grid content-start gap-2.5 rounded-xl border border-l-[3px] bg-card p-4", SIDE_EDGE[side].left)} data-testid={`health-${side}`}>
      <div className="flex items-center gap-2.5">
        <UserAvatar name={name} side={side} size="sm" />
        <div className="grid min-w-0 flex-1 leading-tight">
          <span className="truncate text-sm font-medium">{name}</span>
          <span className="text-xs text-muted-foreground">{SIDE_LABELS[side]} lead</span>
        </div>
        <HealthPill health={health} />
      </div>
      {health ? (
        <p className="text-[13px] leading-relaxed">
          <span className="text-foreground/85">“{reason}”</span>
          {at ? (
            <span className="text-muted-foreground">
              {" "}
              · <time title={exactTime(at)}>{ago(at)}</time>
            </span>
          ) : null}
        </p>
      ) : (
        <p className="text-[13px] text-muted-foreground">{canPost ? "You haven't posted your view yet." : `${name.split(" ")[0]} hasn't posted a view yet.`}</p>
      )}
      {canPost ? <PostHealthDialog slug={slug} projectId={projectId} side={side} current={health} /> : null}
    </div>
  );
}

function PostHealthDialog({ slug, projectId, side, current }: { slug: string; projectId: string; side: WorkingSide; current: Health | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const post = useMutation(trpc.project.postHealth.mutationOptions());
  const [open, setOpen] = useState(false);
  const [health, setHealth] = useState<Health>(current ?? "on_track");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors<"health" | "reason">>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = postHealthSchema.safeParse({ projectId, health, reason });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    try {
      await post.mutateAsync({ workspaceSlug: slug, ...parsed.data });
      // The log entry patches list and page too; this makes it immediate even with live updates down.
      await queryClient.invalidateQueries({ queryKey: trpc.project.get.queryKey({ workspaceSlug: slug, projectId }) });
      toast.success(`Health posted: ${HEALTH_LABELS[parsed.data.health]}`);
      setOpen(false);
      setReason("");
    } catch (err) {
      const fields = trpcFieldErrors<"health" | "reason">(err);
      if (Object.keys(fields).length) setErrors(fields);
      else setFormError(errorMessage(err, "We couldn't post the health. Try again."));
    }
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" className="justify-self-start">
          <Activity aria-hidden /> Post health
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Post {SIDE_NOUNS[side]}&apos;s view</DialogTitle>
          <DialogDescription>How is the project going from your side? The other lead posts their own; if you differ, everyone sees it.</DialogDescription>
        </DialogHeader>
        <form noValidate onSubmit={submit} className="grid gap-4">
          {formError ? <FormAlert>{formError}</FormAlert> : null}
          <fieldset className="grid gap-1.5">
            <legend className="mb-1.5 text-sm font-medium">Health</legend>
            <div className="grid grid-cols-3 gap-2">
              {HEALTHS.map((h) => (
                <label
                  key={h}
                  className={cn(
                    "flex cursor-pointer flex-col items-center gap-1.5 rounded-lg border px-2 py-2.5 text-[13px] font-medium transition-colors has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/30",
                    health === h ? [HEALTH_STYLES[h].soft, HEALTH_STYLES[h].ink, "border-current/30"] : "text-muted-foreground hover:bg-accent",
                  )}
                >
                  <input type="radio" name="health" value={h} checked={health === h} onChange={() => setHealth(h)} className="sr-only" />
                  <HealthDot health={h} />
                  {HEALTH_LABELS[h]}
                </label>
              ))}
            </div>
          </fieldset>
          <Field id="health-reason" label="Why, in one line" error={errors.reason} hint="e.g. “Consent vendor slipped two weeks; launch date at risk.”">
            {(a) => <Input {...a} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} autoFocus />}
          </Field>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={post.isPending}>
              {post.isPending ? <Spinner /> : null}
              Post health
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
