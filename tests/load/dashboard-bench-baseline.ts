/**
 * The dashboard benchmark's baseline: each computed metric as one hand-written SQL statement, in
 * plain text with positional parameters, written from the metric's definition (METRICS_META) and
 * not from its registry file, over the same stored inputs (the columns the triggers of migrations 0015 and 0016
 * keep: a status change's `ended_at` and `started_at`, a comment's `asked_side` and `answered_at`,
 * a check-in's `previous_at`).
 * The benchmark runs each against its metric side by side and checks that both give the same numbers.
 *
 * Parameters: $1 workspace id, $2 time zone, $3 first period's start, $4 last period's start (weekly
 * periods), $5 "now".
 */
import type { MetricId } from "@tandem/domain/metrics";

const LO = "($3::date::timestamp at time zone $2)";
const HI = "(($4::date + 7)::timestamp at time zone $2)";
const TODAY = "(($5::timestamptz at time zone $2)::date)";
const WEEK = (at: string) => `date_trunc('week', ${at} at time zone $2)::date`;

/** Every week of the range, with the value measured (`per_week`: wk, v) or `empty` where none. */
const weeks = (perWeek: string, empty: "0" | "null") => `
  with per_week as (${perWeek})
  select g::date::text as period_start,
    case when g::date > ${TODAY} then null else coalesce(per_week.v, ${empty}) end::float8 as value
  from generate_series($3::date, $4::date, interval '1 week') g
  left join per_week on per_week.wk = g::date
  order by g`;

/** Each done task at its latest move to Done (no change after it), where that falls in the range. */
const DONE = `
  select at as done_at, started_at
  from task_status_change
  where workspace_id = $1 and to_status = 'done' and ended_at is null and at >= ${LO} and at < ${HI}`;

const cycle = (fraction: number) =>
  weeks(
    `
    select ${WEEK("done_at")} as wk,
      percentile_cont(${fraction}) within group (order by extract(epoch from done_at - started_at) / 3600) as v
    from (${DONE}) d
    where started_at is not null
    group by 1`,
    "null",
  );

const milestones = (value: string) =>
  weeks(
    `
    select date_trunc('week', due_on::timestamp)::date as wk, ${value} as v
    from (
      select due_on, (reached_at at time zone $2)::date as reached_on
      from milestone
      where workspace_id = $1 and due_on >= $3::date and due_on < $4::date + 7
    ) m
    where reached_on is not null or due_on < ${TODAY}
    group by 1`,
    "null",
  );

export const BASELINE_SQL: Record<MetricId, string> = {
  throughput: weeks(`select ${WEEK("done_at")} as wk, count(*) as v from (${DONE}) d group by 1`, "0"),
  cycle_time_median: cycle(0.5),
  cycle_time_p85: cycle(0.85),
  time_blocked: weeks(
    `
    select ${WEEK("ended")} as wk, sum(extract(epoch from ended - at) / 3600) as v
    from (
      select at, coalesce(ended_at, $5::timestamptz) as ended
      from task_status_change
      where workspace_id = $1 and to_status = 'blocked' and (ended_at >= ${LO} or ended_at is null)
    ) s
    where ended >= ${LO} and ended < ${HI}
    group by 1`,
    "0",
  ),
  cross_side_response: weeks(
    `
    select ${WEEK("answered_at")} as wk, percentile_cont(0.5) within group (order by extract(epoch from answered_at - created_at) / 3600) as v
    from comment
    where workspace_id = $1 and asked_side is not null and answered_at >= ${LO} and answered_at < ${HI}
    group by 1`,
    "null",
  ),
  check_in_punctuality: weeks(
    `
    select ${WEEK("ci.created_at")} as wk,
      100.0 * count(*) filter (where ci.previous_at is null or (ci.created_at at time zone $2)::date - (ci.previous_at at time zone $2)::date <= p.check_in_cadence_days) / count(*) as v
    from check_in ci join project p on p.id = ci.project_id
    where ci.workspace_id = $1 and ci.created_at >= ${LO} and ci.created_at < ${HI}
    group by 1`,
    "null",
  ),
  milestone_hit_rate: milestones("100.0 * count(*) filter (where reached_on <= due_on) / count(*)"),
  milestone_slip: milestones(`avg(case when reached_on is null then ${TODAY} - due_on else greatest(reached_on - due_on, 0) end)`),
};
