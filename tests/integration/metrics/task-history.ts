import type { Database } from "@tandem/db";
import { schema } from "@tandem/db";
import { TASK_STATUSES, type TaskStatus } from "@tandem/domain/constants";
import type { WorkingSide } from "@tandem/domain/sides";
import fc from "fast-check";

import { periodEnd, periodsBetween } from "@tandem/domain/rules";

import { type Arrival, arrive, bucketOf, byPeriod, DAY, dayIn, NOW, percentileCont, type Query, series, T0 } from "./support";

export interface Change {
  status: TaskStatus;
  side: WorkingSide;
  at: number;
}
export interface TaskHistory {
  project: 0 | 1;
  changes: Change[];
}

const MINUTE = 60_000;

/** A task's status changes: each a different status from the one before, strictly later, all before NOW. */
export const taskArb: fc.Arbitrary<TaskHistory> = fc
  .record({
    project: fc.constantFrom<0 | 1>(0, 1),
    start: fc.integer({ min: 0, max: 100 * 24 * 60 }),
    steps: fc.array(
      fc.record({
        status: fc.constantFrom(...TASK_STATUSES),
        side: fc.constantFrom<WorkingSide>("marketing", "it"),
        // Minutes to the next change: from a minute to three weeks, so stretches cross period ends.
        gap: fc.oneof(fc.integer({ min: 1, max: 180 }), fc.integer({ min: 1, max: 21 * 24 * 60 })),
      }),
      { minLength: 1, maxLength: 7 },
    ),
  })
  .map(({ project, start, steps }) => {
    const changes: Change[] = [];
    let at = T0 + start * MINUTE;
    for (const s of steps) {
      if (at >= NOW.getTime()) break;
      if (changes.at(-1)?.status === s.status) continue;
      changes.push({ status: s.status, side: s.side, at });
      at += s.gap * MINUTE;
    }
    return { project, changes };
  });

/** The number of status change rows the histories write. */
export const changeCount = (tasks: TaskHistory[]) => tasks.reduce((n, t) => n + t.changes.length, 0);

/** Writes the tasks and their status changes; the changes in `arrival`'s order and statements when given. */
export async function insertTaskHistories(db: Database, f: { workspaceId: string; projects: [string, string] }, tasks: TaskHistory[], arrival?: Arrival) {
  if (tasks.length === 0) return;
  const rows = await db
    .insert(schema.task)
    .values(
      tasks.map((t, i) => {
        const last = t.changes.at(-1)!;
        const createdAt = new Date(t.changes[0]!.at);
        return { workspaceId: f.workspaceId, projectId: f.projects[t.project], title: `T${i}`, side: last.side, status: last.status, position: i, createdAt };
      }),
    )
    .returning({ id: schema.task.id });
  const changes = tasks.flatMap((t, i) =>
    t.changes.map((c, j) => ({
      workspaceId: f.workspaceId,
      projectId: f.projects[t.project],
      taskId: rows[i]!.id,
      side: c.side,
      fromStatus: j === 0 ? null : t.changes[j - 1]!.status,
      toStatus: c.status,
      at: new Date(c.at),
    })),
  );
  for (const statement of arrive(changes, arrival)) await db.insert(schema.taskStatusChange).values(statement);
}

const inProject = (q: Query, t: TaskHistory) => q.project === null || q.project === t.project;
const hours = (from: number, to: number) => (to - from) / 3_600_000;

/** Tasks still done, each at its last move to Done, with the side then. */
function finished(q: Query, tasks: TaskHistory[]) {
  return tasks.flatMap((t) => {
    const last = t.changes.at(-1)!;
    if (!inProject(q, t) || last.status !== "done" || (q.side && last.side !== q.side)) return [];
    const start = t.changes.find((c) => c.status === "in_progress");
    return [{ period: bucketOf(q, last.at), done: last.at, start: start?.at }];
  });
}

export function refThroughput(q: Query, tasks: TaskHistory[]) {
  return series(
    q,
    byPeriod(
      finished(q, tasks).map((d) => ({ period: d.period, item: d })),
      (xs) => xs.length,
    ),
    0,
  );
}

export function refCycleTime(q: Query, tasks: TaskHistory[], fraction: number) {
  const items = finished(q, tasks).flatMap((d) => (d.start === undefined ? [] : [{ period: d.period, item: hours(d.start, d.done) }]));
  return series(
    q,
    byPeriod(items, (xs) => percentileCont(xs, fraction)),
    null,
  );
}

export function refTimeBlocked(q: Query, tasks: TaskHistory[]) {
  const items = tasks.flatMap((t) =>
    inProject(q, t)
      ? t.changes.flatMap((c, i) => {
          if (c.status !== "blocked" || (q.side && c.side !== q.side)) return [];
          const ended = t.changes[i + 1]?.at ?? NOW.getTime();
          return [{ period: bucketOf(q, ended), item: hours(c.at, ended) }];
        })
      : [],
  );
  return series(
    q,
    byPeriod(items, (xs) => xs.reduce((a, b) => a + b, 0)),
    0,
  );
}

/**
 * The burn-up at the end of each week from `from` to `to` (weeks start Monday in the zone): the
 * tasks created by then, and those whose latest change by then was a move to Done.
 */
export function refBurnUp(q: Query, tasks: TaskHistory[]) {
  const weeks = periodsBetween(q.from, q.to, "weekly");
  return weeks.map((weekStart) => {
    const end = periodEnd(weekStart, "weekly");
    const before = (at: number) => dayIn(at, q.timeZone) < end;
    const mine = tasks.filter((t) => inProject(q, t) && before(t.changes[0]!.at));
    const done = mine.filter((t) => t.changes.filter((c) => before(c.at)).at(-1)?.status === "done");
    return { weekStart, scope: mine.length, done: done.length };
  });
}

export { DAY };
