import type { KpiCadence } from "@tandem/domain/kpi";
import type { MetricId } from "@tandem/domain/metrics";
import type { WorkingSide } from "@tandem/domain/sides";

import type { Executor } from "../../client";

export interface MetricInput {
  workspaceId: string;
  /** The workspace's IANA zone: periods and days are read in it. */
  timeZone: string;
  cadence: KpiCadence;
  /** Days (YYYY-MM-DD): the result covers every period from the one holding `from` to the one holding `to`. */
  from: string;
  to: string;
  side?: WorkingSide | null;
  projectId?: string | null;
  /** The instant "now" and "today" are read at; the database's clock when absent (tests pin it). */
  now?: Date | null;
}

/** One value per period start, oldest first; null where the period has nothing to measure, never NaN. */
export type MetricSeries = { periodStart: string; value: number | null }[];

export interface Metric {
  id: MetricId;
  /** What a started period with nothing measured yet reads: 0 for counts and totals, else null (no value). */
  empty: 0 | null;
  compute(db: Executor, input: MetricInput): Promise<MetricSeries>;
}
