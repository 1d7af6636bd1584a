import type { MetricId } from "@tandem/domain/metrics";
import { sql } from "drizzle-orm";

import { defineMetric, hours } from "./frame";
import { finishedTasks } from "./finished";

/**
 * A percentile (interpolated, percentile_cont) of the hours from a task's first move to In
 * progress to its last move to Done, over the tasks finished in the period (see finishedTasks).
 */
export function cycleTime(id: MetricId, fraction: number) {
  return defineMetric(id, {
    empty: null,
    measure: (f) => sql`
      select ${f.bucket(sql`d.at`)} as bucket,
        percentile_cont(${fraction}::float8) within group (order by ${hours(sql`d.started_at`, sql`d.at`)}) as value
      from ${finishedTasks(f)} d
      where d.started_at is not null
      group by 1`,
  });
}
