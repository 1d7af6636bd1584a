import type { Database, Side } from "@tandem/db";
import { schema } from "@tandem/db";
import type { KpiCadence } from "@tandem/domain/kpi";
import { periodEnd, periodStart, periodsBetween } from "@tandem/domain/rules";
import type { WorkingSide } from "@tandem/domain/sides";
import { eq } from "drizzle-orm";
import fc from "fast-check";

import { createTestAuth } from "../support/auth";
import type { TestDb } from "../support/db";
import { createFixture, type Fixture } from "../support/workspace";

export const ZONES = ["Pacific/Kiritimati", "America/Los_Angeles", "UTC"] as const;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Histories start here and every event lies before NOW (which the metrics are pinned to). */
export const T0 = Date.parse("2026-01-20T00:00:00Z");
export const NOW = new Date(T0 + 110 * DAY);

/** The day (YYYY-MM-DD) an instant falls on in a zone. */
export function dayIn(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(ms));
}

/** Whole days from day a to day b. */
export const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);

/** What a metric query asks, as the reference implementations read it. */
export interface Query {
  timeZone: string;
  cadence: KpiCadence;
  from: string;
  to: string;
  side: WorkingSide | null;
  /** Which of the two fixture projects to narrow to, if any. */
  project: 0 | 1 | null;
}

export const queryArb = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    cadence: fc.constantFrom<KpiCadence>("weekly", "monthly", "quarterly"),
    // From a little before the histories to past NOW, so that periods are empty, partial and in the future.
    from: fc.integer({ min: -20, max: 60 }).map((d) => new Date(T0 + d * DAY).toISOString().slice(0, 10)),
    span: fc.integer({ min: 0, max: 120 }),
    side: fc.constantFrom<WorkingSide | null>(null, "marketing", "it"),
    project: fc.constantFrom<0 | 1 | null>(null, 0, 1),
  })
  .map(({ span, ...q }): Query => ({ ...q, to: new Date(Date.parse(q.from) + span * DAY).toISOString().slice(0, 10) }));

/**
 * The reference's periods: values keyed by period start, every period from `from` to `to`,
 * periods that start after today (in the zone) without a value, others `empty` when unmeasured.
 */
export function series(q: Query, values: Map<string, number>, empty: 0 | null) {
  const today = dayIn(NOW.getTime(), q.timeZone);
  return periodsBetween(q.from, q.to, q.cadence).map((p) => ({ periodStart: p, value: p > today ? null : (values.get(p) ?? empty) }));
}

/** The period an instant falls in, in the zone, or null when outside the query's periods. */
export function bucketOf(q: Query, ms: number): string | null {
  return bucketOfDay(q, dayIn(ms, q.timeZone));
}

export function bucketOfDay(q: Query, day: string): string | null {
  const p = periodStart(day, q.cadence);
  const first = periodStart(q.from, q.cadence);
  const last = periodStart(q.to, q.cadence);
  return p >= first && p < periodEnd(last, q.cadence) ? p : null;
}

/** Values grouped by period, reduced by `reduce`. */
export function byPeriod<T>(items: { period: string | null; item: T }[], reduce: (xs: T[]) => number): Map<string, number> {
  const groups = new Map<string, T[]>();
  for (const { period, item } of items) if (period) groups.set(period, [...(groups.get(period) ?? []), item]);
  return new Map([...groups].map(([p, xs]) => [p, reduce(xs)]));
}

/** PostgreSQL's percentile_cont: linear interpolation between the closest ranks. */
export function percentileCont(values: number[], fraction: number): number {
  const xs = [...values].sort((a, b) => a - b);
  const pos = fraction * (xs.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return xs[lo]! + (xs[hi]! - xs[lo]!) * (pos - lo);
}

export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function expectClose(actual: { periodStart: string; value: number | null }[], expected: { periodStart: string; value: number | null }[]) {
  const same =
    actual.length === expected.length &&
    actual.every((a, i) => {
      const e = expected[i]!;
      if (a.periodStart !== e.periodStart) return false;
      if (a.value === null || e.value === null) return a.value === e.value;
      return Math.abs(a.value - e.value) <= 1e-6 * Math.max(1, Math.abs(e.value));
    });
  if (!same) throw new Error(`metric differs from the reference:\n actual   ${JSON.stringify(actual)}\n expected ${JSON.stringify(expected)}`);
}

export interface MetricsFixture extends Fixture {
  /** Two projects, recreated empty by `reset`. */
  projects: [string, string];
  sideOf: Map<string, Side>;
}

/** A workspace with people on every side and two empty projects. */
export async function createMetricsFixture(t: TestDb, slug: string): Promise<MetricsFixture> {
  const f = await createFixture(t.db, createTestAuth(t.db), slug);
  const sideOf = new Map(f.people.map((p) => [p.memberId, p.side]));
  return { ...f, projects: await reset(t.db, f), sideOf };
}

/** Removes every project (and so every task, history, comment, check-in and milestone) and makes two new ones. */
export async function reset(db: Database, f: Fixture, cadenceDays: [number, number] = [7, 7]): Promise<[string, string]> {
  await db.delete(schema.project).where(eq(schema.project.workspaceId, f.workspaceId));
  const rows = await db
    .insert(schema.project)
    .values(cadenceDays.map((d, i) => ({ workspaceId: f.workspaceId, name: `P${i}`, checkInCadenceDays: d })))
    .returning({ id: schema.project.id });
  await db.insert(schema.projectSide).values(
    rows.flatMap((r) => [
      { projectId: r.id, side: "marketing" as const, leadId: f.mLead.memberId },
      { projectId: r.id, side: "it" as const, leadId: f.iLead.memberId },
    ]),
  );
  return [rows[0]!.id, rows[1]!.id];
}

export const inputOf = (f: MetricsFixture, q: Query) => ({
  workspaceId: f.workspaceId,
  timeZone: q.timeZone,
  cadence: q.cadence,
  from: q.from,
  to: q.to,
  side: q.side,
  projectId: q.project === null ? null : f.projects[q.project],
  now: NOW,
});

/**
 * The order rows reach the database in, and in how many statements: the metrics' inputs are kept
 * by triggers as rows arrive (migration 0015), and must not depend on either.
 */
export interface Arrival {
  order: number[];
  statements: number;
}

export const arrivalArb = (rows: number): fc.Arbitrary<Arrival> =>
  fc.record({
    order: fc.shuffledSubarray([...Array(rows).keys()], { minLength: rows, maxLength: rows }),
    statements: fc.integer({ min: 1, max: 4 }),
  });

/** The rows in arrival order, cut into the arrival's statements (as in order and one statement without one). */
export function arrive<T>(rows: T[], arrival?: Arrival): T[][] {
  if (!arrival) return rows.length ? [rows] : [];
  const ordered = arrival.order.map((i) => rows[i]!);
  const size = Math.ceil(ordered.length / arrival.statements);
  const out: T[][] = [];
  for (let i = 0; i < ordered.length; i += size) out.push(ordered.slice(i, i + size));
  return out;
}
