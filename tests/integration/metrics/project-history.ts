import type { Database } from "@tandem/db";
import { schema } from "@tandem/db";
import type { WorkingSide } from "@tandem/domain/sides";
import fc from "fast-check";

import { type Arrival, arrive, bucketOf, bucketOfDay, byPeriod, DAY, daysBetween, dayIn, mean, NOW, type Query, series, T0 } from "./support";

const MINUTE = 60_000;

export interface CheckInAt {
  project: 0 | 1;
  side: WorkingSide;
  at: number;
}
export interface MilestoneAt {
  project: 0 | 1;
  dueOn: string;
  reachedAt: number | null;
}
export interface ProjectHistory {
  cadenceDays: [number, number];
  checkIns: CheckInAt[];
  milestones: MilestoneAt[];
}

export const projectHistoryArb: fc.Arbitrary<ProjectHistory> = fc.record({
  cadenceDays: fc.tuple(fc.constantFrom(1, 3, 7, 14), fc.constantFrom(1, 3, 7, 14)),
  checkIns: fc.array(
    fc.record({
      project: fc.constantFrom<0 | 1>(0, 1),
      side: fc.constantFrom<WorkingSide>("marketing", "it"),
      at: fc.integer({ min: 0, max: 109 * 24 * 60 }).map((m) => T0 + m * MINUTE),
    }),
    { maxLength: 30 },
  ),
  milestones: fc.array(
    fc
      .record({
        project: fc.constantFrom<0 | 1>(0, 1),
        due: fc.integer({ min: -10, max: 130 }),
        // Minutes from the due day's midnight UTC to when it was reached (early or late), or never.
        reached: fc.option(fc.integer({ min: -6 * 24 * 60, max: 12 * 24 * 60 }), { nil: null }),
      })
      .map(({ project, due, reached }) => {
        const dueMs = T0 + due * DAY;
        const reachedAt = reached === null || dueMs + reached * MINUTE >= NOW.getTime() ? null : dueMs + reached * MINUTE;
        return { project, dueOn: new Date(dueMs).toISOString().slice(0, 10), reachedAt };
      }),
    { maxLength: 20 },
  ),
});

export async function insertProjectHistory(
  db: Database,
  f: { workspaceId: string; projects: [string, string]; mLead: { memberId: string }; iLead: { memberId: string } },
  h: ProjectHistory,
  /** The check-ins' order and statements (they are in `h`'s order, in one statement, without it). */
  arrival?: Arrival,
) {
  const checkIns = h.checkIns.map((c) => ({
    workspaceId: f.workspaceId,
    projectId: f.projects[c.project],
    authorId: c.side === "marketing" ? f.mLead.memberId : f.iLead.memberId,
    side: c.side,
    health: "on_track" as const,
    createdAt: new Date(c.at),
  }));
  for (const statement of arrive(checkIns, arrival)) await db.insert(schema.checkIn).values(statement);
  if (h.milestones.length > 0) {
    await db.insert(schema.milestone).values(
      h.milestones.map((m, i) => ({
        workspaceId: f.workspaceId,
        projectId: f.projects[m.project],
        title: `M${i}`,
        dueOn: m.dueOn,
        reachedAt: m.reachedAt === null ? null : new Date(m.reachedAt),
      })),
    );
  }
}

const inProject = (q: Query, project: 0 | 1) => q.project === null || q.project === project;

export function refCheckInPunctuality(q: Query, h: ProjectHistory) {
  const items = h.checkIns
    .filter((c) => inProject(q, c.project) && (!q.side || c.side === q.side))
    .map((c) => {
      const before = h.checkIns.filter((o) => o.project === c.project && o.side === c.side && o.at < c.at).map((o) => o.at);
      const prev = before.length ? Math.max(...before) : null;
      const onTime = prev === null || daysBetween(dayIn(prev, q.timeZone), dayIn(c.at, q.timeZone)) <= h.cadenceDays[c.project];
      return { period: bucketOf(q, c.at), item: onTime };
    });
  return series(
    q,
    byPeriod(items, (xs) => (100 * xs.filter(Boolean).length) / xs.length),
    null,
  );
}

/** Milestones whose outcome is known, with the day reached (in the zone) and days late. */
function decided(q: Query, h: ProjectHistory) {
  const today = dayIn(NOW.getTime(), q.timeZone);
  return h.milestones.flatMap((m) => {
    if (!inProject(q, m.project)) return [];
    const reachedOn = m.reachedAt === null ? null : dayIn(m.reachedAt, q.timeZone);
    if (reachedOn === null && !(m.dueOn < today)) return [];
    const late = reachedOn === null ? daysBetween(m.dueOn, today) : Math.max(0, daysBetween(m.dueOn, reachedOn));
    return [{ period: bucketOfDay(q, m.dueOn), item: { hit: reachedOn !== null && reachedOn <= m.dueOn, late } }];
  });
}

export function refMilestoneHitRate(q: Query, h: ProjectHistory) {
  return series(
    q,
    byPeriod(decided(q, h), (xs) => (100 * xs.filter((x) => x.hit).length) / xs.length),
    null,
  );
}

export function refMilestoneSlip(q: Query, h: ProjectHistory) {
  return series(
    q,
    byPeriod(decided(q, h), (xs) => mean(xs.map((x) => x.late))),
    null,
  );
}
