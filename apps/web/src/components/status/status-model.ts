import { differenceInCalendarDays, format, parseISO } from "date-fns";

import { WORKING_SIDES, type WorkingSide } from "@tandem/domain/sides";

import type { Health, Phase } from "~/lib/projects";

import { formatDay } from "../../lib/dates";

/** What the status page needs of a `project.list` row. */
export interface StatusProjectInput {
  project: {
    id: string;
    name: string;
    phase: Phase;
    targetDate: string | null;
  };
  sides: Record<WorkingSide, { leadName: string; health: Health | null }>;
  overdueTasks: number;
  disagree: boolean;
  /** The earliest milestone not yet reached, if any. */
  nextMilestone?: { title: string; dueOn: string } | null;
}

/** What the status page needs of a `checkIn.status` `all` entry. */
export interface CheckInInput {
  projectId: string;
  side: WorkingSide;
  lastAt: string | null;
  daysSinceUpdate: number;
  state: "ok" | "due" | "overdue";
}

/**
 * Worst first: a project either lead calls off track, then at risk, then (within those) one
 * whose leads disagree, then on track, then one with no health posted at all.
 */
export function statusRank(p: Pick<StatusProjectInput, "sides" | "disagree">): number {
  const said = (health: Health) => WORKING_SIDES.some((side) => p.sides[side].health === health);
  if (said("off_track")) return p.disagree ? 0 : 1;
  if (said("at_risk")) return p.disagree ? 2 : 3;
  if (p.disagree) return 4;
  if (said("on_track")) return 5;
  return 6;
}

export function sortWorstFirst<T extends StatusProjectInput>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => statusRank(a) - statusRank(b) || b.overdueTasks - a.overdueTasks || a.project.name.localeCompare(b.project.name));
}

export interface TargetLine {
  text: string;
  overdue: boolean;
}

function days(n: number) {
  return n === 1 ? "1 day" : `${n} days`;
}

/** "<label> · in 22 days", "<label> · today" or "<label> · 3 days overdue". */
function countdown(label: string, date: Date, now: Date): TargetLine {
  const left = differenceInCalendarDays(date, now);
  if (left > 0) return { text: `${label} · in ${days(left)}`, overdue: false };
  if (left === 0) return { text: `${label} · today`, overdue: false };
  return { text: `${label} · ${days(-left)} overdue`, overdue: true };
}

/** "Target Dec 14 · in 22 days"; past it (and not done) "Target Dec 14 · 3 days overdue". */
export function targetLine(targetDate: string | null, phase: Phase, now: Date): TargetLine | null {
  if (!targetDate) return null;
  const target = parseISO(targetDate);
  const label = `Target ${formatDay(targetDate, now)}`;
  if (phase === "done") return { text: `${label} · delivered`, overdue: false };
  return countdown(label, target, now);
}

/** "Next: Beta live · Dec 4 · in 3 days"; past its date "Next: Beta live · Dec 4 · 2 days overdue". */
export function milestoneLine(next: { title: string; dueOn: string } | null | undefined, now: Date): TargetLine | null {
  if (!next) return null;
  const due = parseISO(next.dueOn);
  return countdown(`Next: ${next.title} · ${formatDay(next.dueOn, now)}`, due, now);
}

/** "Checked in 2 days ago", or "No check-in for 9 days" when the lead never has. */
export function checkInLine(c: CheckInInput): string {
  if (!c.lastAt) return c.daysSinceUpdate === 0 ? "No check-in yet" : `No check-in for ${days(c.daysSinceUpdate)}`;
  if (c.daysSinceUpdate === 0) return "Checked in today";
  if (c.daysSinceUpdate === 1) return "Checked in yesterday";
  return `Checked in ${days(c.daysSinceUpdate)} ago`;
}

/** The server's render time as the page shows it ("as of 14:05"). */
export function asOfLabel(at: Date): string {
  return format(at, "HH:mm");
}
