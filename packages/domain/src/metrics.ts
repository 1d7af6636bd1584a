// The computed metrics a KPI can be "computed from the work itself": their ids and what each one
// means, in words both sides sign. Plain constants: safe in the browser. The SQL that computes
// them is the registry in @tandem/db/queries (one file per metric, same ids).
import type { KpiDirection, KpiUnit } from "./kpi";

export const METRIC_IDS = [
  "cycle_time_median",
  "cycle_time_p85",
  "throughput",
  "cross_side_response",
  "check_in_punctuality",
  "milestone_hit_rate",
  "milestone_slip",
  "time_blocked",
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

/**
 * Every metric gives one value per period of the KPI's cadence, in the workspace's time zone. A
 * period that has not started yet has no value; a started one where there is nothing to measure
 * (no task finished, no milestone due) has none either, except counts and totals, which are 0.
 */
export interface MetricMeta {
  name: string;
  /** What is counted, when, and what the side and project filters narrow: the definition people sign. */
  description: string;
  unit: KpiUnit;
  direction: KpiDirection;
  /** False where the working-side filter does not apply (milestones belong to the project, not a side). */
  bySide: boolean;
}

const doneTasks =
  "Counts each task once, in the period (in the workspace's time zone) of its last move to Done, and only while it is still done. " +
  "The side filter uses the task's side when it was done.";

export const METRICS_META: Record<MetricId, MetricMeta> = {
  cycle_time_median: {
    name: "Cycle time (median)",
    description: `Median hours from a task's first move to In progress to its last move to Done. ${doneTasks} Tasks never in progress are left out.`,
    unit: "duration",
    direction: "lower",
    bySide: true,
  },
  cycle_time_p85: {
    name: "Cycle time (85th percentile)",
    description: `85th percentile (interpolated) of the hours from a task's first move to In progress to its last move to Done. ${doneTasks} Tasks never in progress are left out.`,
    unit: "duration",
    direction: "lower",
    bySide: true,
  },
  throughput: {
    name: "Throughput",
    description: `Tasks finished in the period. ${doneTasks}`,
    unit: "count",
    direction: "higher",
    bySide: true,
  },
  cross_side_response: {
    name: "Cross-side response time",
    description:
      "Median hours from a comment by a member of one working side that @mentions a member of the other side, to the first later comment " +
      "in the same thread (the same task, or the project itself) by a member of the side asked. Counted in the period of the answer; " +
      "unanswered asks are left out. The side filter is the side that was asked.",
    unit: "duration",
    direction: "lower",
    bySide: true,
  },
  check_in_punctuality: {
    name: "Check-in punctuality",
    description:
      "Percent of check-ins posted at most the project's check-in cadence (in days, in the workspace's time zone) after the same side's " +
      "previous check-in on that project; a side's first check-in on a project is on time. Counted in the period of posting; the side " +
      "filter is the side that checked in.",
    unit: "percent",
    direction: "higher",
    bySide: true,
  },
  milestone_hit_rate: {
    name: "Milestone hit rate",
    description:
      "Percent of the milestones due in the period that were reached on or before their due day (in the workspace's time zone). " +
      "Milestones still open after their due day count as missed; open ones not yet past due are left out. Milestones have no side: " +
      "the side filter does not apply.",
    unit: "percent",
    direction: "higher",
    bySide: false,
  },
  milestone_slip: {
    name: "Milestone slip (days)",
    description:
      "Mean days late of the milestones due in the period that were reached (0 when on time) or are still open after their due day " +
      "(days late up to today). Open ones not yet past due are left out. Milestones have no side: the side filter does not apply.",
    unit: "count",
    direction: "lower",
    bySide: false,
  },
  time_blocked: {
    name: "Time blocked",
    description:
      "Total hours tasks spent Blocked, each blocked stretch counted whole in the period it ended; a stretch still open counts up to now, " +
      "in the current period. The side filter uses the task's side when it got blocked.",
    unit: "duration",
    direction: "lower",
    bySide: true,
  },
};

export function isMetricId(id: unknown): id is MetricId {
  return typeof id === "string" && (METRIC_IDS as readonly string[]).includes(id);
}
