import type { MetricId } from "@tandem/domain/metrics";

import type { Executor } from "../../client";
import { checkInPunctuality } from "./check-in-punctuality";
import { crossSideResponse } from "./cross-side-response";
import { cycleTimeMedian } from "./cycle-time-median";
import { cycleTimeP85 } from "./cycle-time-p85";
import { milestoneHitRate } from "./milestone-hit-rate";
import { milestoneSlip } from "./milestone-slip";
import { throughput } from "./throughput";
import { timeBlocked } from "./time-blocked";
import type { Metric, MetricInput, MetricSeries } from "./types";

export type { Metric, MetricInput, MetricSeries } from "./types";
export { mentionsInSql } from "./cross-side-response";

/** The computed metrics a KPI's formula names (their words: METRICS_META in @tandem/domain/metrics). */
export const METRICS: Record<MetricId, Metric> = {
  cycle_time_median: cycleTimeMedian,
  cycle_time_p85: cycleTimeP85,
  throughput,
  cross_side_response: crossSideResponse,
  check_in_punctuality: checkInPunctuality,
  milestone_hit_rate: milestoneHitRate,
  milestone_slip: milestoneSlip,
  time_blocked: timeBlocked,
};

/** One value per period from `input.from` to `input.to`, oldest first, in one SQL statement. */
export function computeMetric(db: Executor, id: MetricId, input: MetricInput): Promise<MetricSeries> {
  return METRICS[id].compute(db, input);
}
