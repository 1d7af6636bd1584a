import type { KpiCadence } from "@tandem/domain/kpi";
import type { MetricId } from "@tandem/domain/metrics";
import { periodEnd, periodStart } from "@tandem/domain/rules";
import { type SQL, sql } from "drizzle-orm";

import type { Executor } from "../../client";
import type { Metric, MetricInput, MetricSeries } from "./types";

const TRUNC: Record<KpiCadence, string> = { weekly: "week", monthly: "month", quarterly: "quarter" };
const STEP: Record<KpiCadence, string> = { weekly: "1 week", monthly: "1 month", quarterly: "3 months" };

/** The pieces of SQL every metric is written with: its periods, their bounds, and the zone's clock. */
export interface Frame {
  input: MetricInput;
  /** The first instant of the first period and the first instant after the last, in the zone. */
  lo: SQL;
  hi: SQL;
  /** The first day of the first period and the day after the last (for date columns). */
  firstDay: string;
  endDay: string;
  now: SQL;
  today: SQL;
  /** The period start (a date) holding a timestamptz, read in the zone (PostgreSQL weeks start Monday, as ISO weeks do). */
  bucket: (at: SQL) => SQL;
  /** The period start holding a date. */
  bucketDay: (day: SQL) => SQL;
  /** `and <column> = project` when narrowed to a project. */
  project: (column: SQL) => SQL;
  /** `and <column> = side` when narrowed to a side. */
  side: (column: SQL) => SQL;
}

export interface MetricQuery {
  /** A statement giving at most one row per period: `bucket` (date) and `value` (float8). */
  measure: (f: Frame) => SQL;
  /** The value of a started period the statement gave no row for: 0 for counts and totals, else null. */
  empty: 0 | null;
}

/**
 * A metric of the registry: one SQL statement per call, the metric's measure left-joined to the
 * series of periods (generate_series), periods that have not started yet left without a value.
 */
export function defineMetric(id: MetricId, query: MetricQuery): Metric {
  return { id, empty: query.empty, compute: (db, input) => runMetric(db, input, query) };
}

async function runMetric(db: Executor, input: MetricInput, { measure, empty }: MetricQuery): Promise<MetricSeries> {
  // Only the first and last periods are needed here (generate_series lists the rest): walking
  // every period in JavaScript cost a 1 ms metric a third more (docs/benchmarks.md).
  const first = periodStart(input.from, input.cadence);
  const last = periodStart(input.to, input.cadence);
  if (first > last) return [];
  const f = frame(input, first, periodEnd(last, input.cadence));
  const result = await db.execute<{ period_start: string; value: number | null }>(sql`
    with periods as (
      select g::date as period_start
      from generate_series(${first}::timestamp, ${last}::timestamp, ${STEP[input.cadence]}::interval) as g
    ), measured as (${measure(f)})
    select p.period_start::text as period_start,
      (case when p.period_start > ${f.today} then null else coalesce(m.value, ${empty}::float8) end)::float8 as value
    from periods p
    left join measured m on m.bucket = p.period_start
    order by p.period_start`);
  return result.rows.map((r) => ({ periodStart: r.period_start, value: r.value === null ? null : Number(r.value) }));
}

function frame(input: MetricInput, firstDay: string, endDay: string): Frame {
  const tz = input.timeZone;
  const unit = TRUNC[input.cadence];
  const now = sql`coalesce(${input.now ? input.now.toISOString() : null}::timestamptz, now())`;
  return {
    input,
    lo: sql`(${firstDay}::timestamp at time zone ${tz})`,
    hi: sql`(${endDay}::timestamp at time zone ${tz})`,
    firstDay,
    endDay,
    now,
    today: sql`(${now} at time zone ${tz})::date`,
    bucket: (at) => sql`date_trunc(${unit}, ${at} at time zone ${tz})::date`,
    bucketDay: (day) => sql`date_trunc(${unit}, ${day}::timestamp)::date`,
    project: (column) => (input.projectId ? sql`and ${column} = ${input.projectId}::uuid` : sql``),
    side: (column) => (input.side ? sql`and ${column} = ${input.side}::side` : sql``),
  };
}

/** Hours between two timestamptz expressions. */
export const hours = (from: SQL, to: SQL) => sql`extract(epoch from (${to} - ${from})) / 3600.0`;
