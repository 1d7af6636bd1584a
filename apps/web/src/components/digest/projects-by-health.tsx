import { WORKING_SIDES } from "@tandem/domain/sides";
import Link from "next/link";

import { DisagreeBadge, HealthDot, PhaseBadge } from "~/components/projects/health";
import { Card } from "@tandem/ui/card";
import { dayHeading } from "~/lib/dates";
import { HEALTH_LABELS, type Health, type Phase } from "~/lib/projects";
import { SIDE_LABELS } from "~/lib/sides";
import { cn } from "~/lib/utils";

import { DigestSection, EmptyNote } from "./section";
import type { Digest, DigestProject } from "./types";

const GROUPS: { key: keyof Digest["byHealth"]; label: string; dot: string }[] = [
  { key: "off_track", label: HEALTH_LABELS.off_track, dot: "bg-destructive" },
  { key: "at_risk", label: HEALTH_LABELS.at_risk, dot: "bg-warning" },
  { key: "on_track", label: HEALTH_LABELS.on_track, dot: "bg-success" },
  { key: "unknown", label: "No health posted", dot: "border-[1.5px] border-muted-foreground/45" },
];

/** A project's changes shown in the digest before "and N more". */
const MAX_LINES = 6;

/** Every project under the less hopeful of its two leads' views, with what changed this week. */
export function ProjectsByHealth({ slug, digest }: { slug: string; digest: Digest }) {
  const total = GROUPS.reduce((n, g) => n + digest.byHealth[g.key].length, 0);
  return (
    <DigestSection id="projects" title="Projects by health" count={total} description="Each project counts under the less hopeful of its two leads' views.">
      {total === 0 ? (
        <EmptyNote>
          No joint projects yet. Start one from{" "}
          <Link href={`/${slug}/projects`} className="font-medium text-foreground underline underline-offset-2">
            Projects
          </Link>{" "}
          and it shows here with its leads&apos; health each week.
        </EmptyNote>
      ) : (
        <div className="grid gap-5">
          {GROUPS.filter((g) => digest.byHealth[g.key].length > 0).map((g) => (
            <div key={g.key} className="grid gap-2.5" data-testid={`digest-health-${g.key}`} role="group" aria-label={g.label}>
              <h3 className="flex items-center gap-2 text-sm font-semibold">
                <span aria-hidden className={cn("size-2.5 rounded-full", g.dot)} />
                {g.label}
                <span className="font-normal text-muted-foreground tabular-nums">{digest.byHealth[g.key].length}</span>
              </h3>
              <ul className="grid gap-2.5 lg:grid-cols-2">
                {digest.byHealth[g.key].map((p) => (
                  <li key={p.id} className="break-inside-avoid">
                    <ProjectCard slug={slug} project={p} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </DigestSection>
  );
}

function ProjectCard({ slug, project: p }: { slug: string; project: DigestProject }) {
  const shown = p.changes.slice(0, MAX_LINES);
  return (
    <Card className="grid h-full content-start gap-3 p-4" data-testid="digest-project" data-name={p.name}>
      <div className="flex flex-wrap items-start gap-x-2 gap-y-1.5">
        <Link href={`/${slug}/projects/${p.id}`} className="min-w-0 flex-1 basis-48 font-medium break-words hover:underline">
          {p.name}
        </Link>
        <PhaseBadge phase={p.phase as Phase} />
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5 text-[13px] text-muted-foreground">
        {WORKING_SIDES.map((side) => (
          <LeadHealth key={side} label={SIDE_LABELS[side]} health={p.sides[side].health} />
        ))}
        {p.disagree ? <DisagreeBadge /> : null}
        {p.overdueTasks > 0 ? (
          <span className="font-medium text-destructive">
            {p.overdueTasks} overdue {p.overdueTasks === 1 ? "task" : "tasks"}
          </span>
        ) : null}
      </div>
      {p.changes.length === 0 ? (
        <p className="text-[13px] text-muted-foreground">No changes this week.</p>
      ) : (
        <ul className="grid gap-1 border-t pt-2.5 text-[13px]" aria-label={`Changes to ${p.name} this week`}>
          {shown.map((c, i) => (
            <li key={c.seq} className="flex gap-2">
              {/* The day once per run of changes on it, like a diary. */}
              <span className="w-16 shrink-0 text-muted-foreground sm:w-20">
                {i > 0 && shortDay(shown[i - 1]!.at) === shortDay(c.at) ? "" : shortDay(c.at)}
              </span>
              <span className="min-w-0 break-words">{c.line}</span>
            </li>
          ))}
          {p.changes.length > shown.length ? (
            <li className="pl-18 text-muted-foreground sm:pl-22">
              <Link href={`/${slug}/projects/${p.id}?view=activity`} className="hover:underline">
                and {p.changes.length - shown.length} more
              </Link>
            </li>
          ) : null}
        </ul>
      )}
    </Card>
  );
}

function LeadHealth({ label, health }: { label: string; health: Health | null }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <HealthDot health={health} />
      {label}: <span className="text-foreground">{health ? HEALTH_LABELS[health] : "not posted"}</span>
    </span>
  );
}

/** "Today", "Yesterday" or the weekday: the digest covers one week. */
function shortDay(at: string) {
  const heading = dayHeading(new Date(at));
  return heading === "Today" || heading === "Yesterday" ? heading : heading.split(" ")[0];
}
