import { Split } from "lucide-react";

import { Badge } from "@tandem/ui/badge";
import { HEALTH_LABELS, HEALTH_STYLES, PHASE_LABELS, type Health, type Phase } from "~/lib/projects";
import { cn } from "~/lib/utils";

/** A lead's health as a dot; a hollow ring when they haven't posted one. */
export function HealthDot({ health, className }: { health: Health | null; className?: string }) {
  return (
    <span
      aria-hidden
      className={cn(
        "inline-block size-2.5 shrink-0 rounded-full",
        health ? HEALTH_STYLES[health].dot : "border-[1.5px] border-muted-foreground/45 bg-transparent",
        className,
      )}
    />
  );
}

export function HealthPill({ health, className }: { health: Health | null; className?: string }) {
  if (!health) {
    return (
      <Badge variant="muted" className={className}>
        <HealthDot health={null} className="size-2" /> Not posted
      </Badge>
    );
  }
  return (
    <Badge className={cn("border-transparent", HEALTH_STYLES[health].soft, HEALTH_STYLES[health].ink, className)}>
      <HealthDot health={health} className="size-2" />
      {HEALTH_LABELS[health]}
    </Badge>
  );
}

/** Shown wherever a project appears when its two leads rate it differently. */
export function DisagreeBadge({ className }: { className?: string }) {
  return (
    <Badge variant="destructive" className={cn("border-destructive/20", className)} data-testid="disagree-badge">
      <Split aria-hidden />
      Leads disagree
    </Badge>
  );
}

export function PhaseBadge({ phase, className }: { phase: Phase; className?: string }) {
  return (
    <Badge variant="outline" className={cn("font-medium text-muted-foreground", className)}>
      <PhaseMeter phase={phase} />
      {PHASE_LABELS[phase]}
    </Badge>
  );
}

const PHASE_STEP: Record<Phase, number> = { idea: 1, discovery: 2, build: 3, launch: 4, done: 5 };

/** Five small bars, filled up to the phase: progress at a glance. */
function PhaseMeter({ phase }: { phase: Phase }) {
  const step = PHASE_STEP[phase];
  return (
    <span aria-hidden className="flex items-end gap-px">
      {[1, 2, 3, 4, 5].map((i) => (
        <span
          key={i}
          className={cn("w-[3px] rounded-[1px]", i <= step ? (phase === "done" ? "bg-success" : "bg-primary") : "bg-border")}
          style={{ height: 4 + i }}
        />
      ))}
    </span>
  );
}
