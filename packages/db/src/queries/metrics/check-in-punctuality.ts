import { sql } from "drizzle-orm";

import { defineMetric } from "./frame";

/**
 * Percent of check-ins posted at most the project's cadence (in days of the workspace's zone)
 * after the same side's previous check-in on the project (`previous_at`, kept as check-ins are
 * written); a side's first one is on time. Counted in the period of posting. One range of
 * check_in_workspace_idx.
 */
export const checkInPunctuality = defineMetric("check_in_punctuality", {
  empty: null,
  measure: (f) => {
    const day = (at: string) => sql`(${sql.raw(at)} at time zone ${f.input.timeZone})::date`;
    return sql`
      select ${f.bucket(sql`ci.created_at`)} as bucket,
        100.0 * count(*) filter (where ci.previous_at is null or ${day("ci.created_at")} - ${day("ci.previous_at")} <= p.check_in_cadence_days) / count(*) as value
      from check_in ci
      join project p on p.id = ci.project_id
      where ci.workspace_id = ${f.input.workspaceId}::uuid and ci.created_at >= ${f.lo} and ci.created_at < ${f.hi}
        ${f.project(sql`ci.project_id`)} ${f.side(sql`ci.side`)}
      group by 1`;
  },
});
