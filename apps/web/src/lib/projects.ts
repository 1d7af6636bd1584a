import { HEALTH_LABELS, HEALTHS, PHASE_LABELS, PHASES, type Health, type Phase } from "@tandem/db/constants";

export { HEALTH_LABELS, HEALTHS, PHASE_LABELS, PHASES, type Health, type Phase };

/** Health colours are status colours (green / amber / red), never a side's. */
export const HEALTH_STYLES: Record<Health, { dot: string; soft: string; ink: string }> = {
  on_track: { dot: "bg-success", soft: "bg-success-soft", ink: "text-success-ink" },
  at_risk: { dot: "bg-warning", soft: "bg-warning-soft", ink: "text-warning-ink" },
  off_track: { dot: "bg-destructive", soft: "bg-destructive-soft", ink: "text-destructive" },
};

export const PHASE_HINTS: Record<Phase, string> = {
  idea: "Worth doing? Shaping the outcome.",
  discovery: "Finding out what it takes, on both sides.",
  build: "The work is under way.",
  launch: "Going out to customers.",
  done: "Delivered.",
};
