import { Clock } from "lucide-react";

import { Badge } from "@tandem/ui/badge";
import { cn } from "~/lib/utils";

const DAY_MS = 86_400_000;

export interface DueState {
  state: "ok" | "due" | "overdue";
  dueAt: string;
}

/** Whole days past the deadline, at least 1 once it has passed (nobody is "overdue by 0 days"). */
export function overdueDays(dueAt: string, now = new Date()) {
  return Math.max(1, Math.floor((now.getTime() - new Date(dueAt).getTime()) / DAY_MS));
}

export function dueText(s: DueState, now = new Date()) {
  if (s.state === "overdue") {
    const n = overdueDays(s.dueAt, now);
    return `Overdue by ${n} ${n === 1 ? "day" : "days"}`;
  }
  return s.state === "due" ? "Due" : null;
}

/** "Due" in amber, "Overdue by N days" in red; nothing while a lead is on cadence. */
export function DueBadge({ status, className }: { status: DueState | undefined; className?: string }) {
  const text = status ? dueText(status) : null;
  if (!status || !text) return null;
  return (
    <Badge
      data-testid="check-in-due"
      className={cn("border-transparent", status.state === "overdue" ? "bg-destructive-soft text-destructive" : "bg-warning-soft text-warning-ink", className)}
    >
      <Clock aria-hidden />
      {text}
    </Badge>
  );
}
