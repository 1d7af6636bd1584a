import { WORKING_SIDES, type WorkingSide } from "@tandem/domain/sides";

import { HEALTH_LABELS, PHASE_LABELS, type Health } from "~/lib/projects";
import { cn } from "~/lib/utils";

import { checkInLine, milestoneLine, targetLine, type CheckInInput, type StatusProjectInput } from "./status-model";

/**
 * Text colours are the -700/-800 shades (4.5:1 or better on white and on their -50 tints);
 * the status page is read outdoors on phones.
 */
const HEALTH_CHIP: Record<Health, string> = {
  on_track: "bg-emerald-50 text-emerald-800 ring-emerald-600/25",
  at_risk: "bg-amber-50 text-amber-800 ring-amber-600/30",
  off_track: "bg-red-50 text-red-700 ring-red-600/25",
};
const HEALTH_DOT: Record<Health, string> = {
  on_track: "bg-emerald-600",
  at_risk: "bg-amber-500",
  off_track: "bg-red-600",
};

const SIDE = {
  marketing: { label: "Marketing", ink: "text-rose-700", bar: "bg-rose-500" },
  it: { label: "IT", ink: "text-teal-800", bar: "bg-teal-600" },
} as const;

function LeadRow({ side, lead, health, checkIn }: { side: WorkingSide; lead: string; health: Health | null; checkIn: CheckInInput | undefined }) {
  const s = SIDE[side];
  return (
    <div className="flex min-w-0 items-start gap-2.5" data-testid={`status-lead-${side}`}>
      <span aria-hidden className={cn("mt-1 h-9 w-1 shrink-0 rounded-full", s.bar)} />
      <div className="grid min-w-0 flex-1 gap-0.5">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className={cn("text-xs font-semibold tracking-wide uppercase", s.ink)}>{s.label}</span>
          <span className="min-w-0 truncate text-sm text-slate-700">{lead}</span>
        </div>
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
          {health ? (
            <span className={cn("inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset", HEALTH_CHIP[health])}>
              <span aria-hidden className={cn("size-2 rounded-full", HEALTH_DOT[health])} />
              {HEALTH_LABELS[health]}
            </span>
          ) : (
            <span className="inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium text-slate-600 ring-1 ring-slate-300 ring-inset">
              No health posted
            </span>
          )}
          {checkIn ? (
            <span className={cn("text-xs", checkIn.state === "overdue" ? "font-medium text-red-700" : "text-slate-600")} data-testid="status-check-in">
              {checkInLine(checkIn)}
            </span>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/** One project on the status page: the whole card links to the project in the workspace. */
export function StatusCard({
  row,
  checkIns,
  href,
  now,
}: {
  row: StatusProjectInput;
  checkIns: Partial<Record<WorkingSide, CheckInInput>>;
  href: string;
  now: Date;
}) {
  const p = row.project;
  const target = targetLine(p.targetDate, p.phase, now);
  const milestone = p.phase === "done" ? null : milestoneLine(row.nextMilestone, now);
  const headingId = `status-${p.id}`;
  return (
    <li>
      <article aria-labelledby={headingId} className="relative rounded-xl border border-slate-200 bg-white p-4 shadow-xs" data-testid="status-project">
        <div className="flex items-start justify-between gap-3">
          <h2 id={headingId} className="min-w-0 text-base leading-snug font-semibold break-words text-slate-950">
            {/* The stretched link makes the whole card one large tap target. */}
            <a
              href={href}
              className="outline-none after:absolute after:inset-0 after:rounded-xl focus-visible:after:ring-2 focus-visible:after:ring-violet-600"
            >
              {p.name}
            </a>
          </h2>
          <span className="shrink-0 rounded-md bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{PHASE_LABELS[p.phase]}</span>
        </div>
        {row.disagree ? (
          <p
            className="mt-2 inline-flex items-center gap-1.5 rounded-md bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-700"
            data-testid="status-disagree"
          >
            <svg aria-hidden viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
              <path d="M8 14V8M8 8 3 3m5 5 5-5" />
            </svg>
            Leads disagree
          </p>
        ) : null}
        <div className="mt-3 grid gap-3">
          {WORKING_SIDES.map((side) => (
            <LeadRow key={side} side={side} lead={row.sides[side].leadName} health={row.sides[side].health} checkIn={checkIns[side]} />
          ))}
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 border-t border-slate-100 pt-3 text-sm">
          {milestone ? (
            <span className={milestone.overdue ? "font-medium text-red-700" : "text-slate-700"} data-testid="status-milestone">
              {milestone.text}
            </span>
          ) : null}
          {target ? (
            <span className={target.overdue ? "font-medium text-red-700" : "text-slate-700"} data-testid="status-target">
              {target.text}
            </span>
          ) : (
            <span className="text-slate-600">No target date</span>
          )}
          <span className={row.overdueTasks > 0 ? "font-medium text-red-700" : "text-slate-600"} data-testid="status-overdue">
            {row.overdueTasks === 0 ? "No overdue tasks" : row.overdueTasks === 1 ? "1 overdue task" : `${row.overdueTasks} overdue tasks`}
          </span>
        </div>
      </article>
    </li>
  );
}
