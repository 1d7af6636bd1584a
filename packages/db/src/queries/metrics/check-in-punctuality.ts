import { sql } from "drizzle-orm";

import { defineMetric } from "./frame";

/**
 * Percent of check-ins posted at most the project's cadence (in days of the workspace's zone)
 * after the same side's previous check-in on the project; a side's first one is on time.
 * Counted in the period of posting.
 */
export const checkInPunctuality = defineMetric("check_in_punctuality", {
  empty: null,
  measure: (f) => {
    const day = (at: string) => sql`(${sql.raw(at)} at time zone ${f.input.timeZone})::date`;
    return sql`
      select ${f.bucket(sql`c.created_at`)} as bucket,
        100.0 * count(*) filter (where c.prev is null or ${day("c.created_at")} - ${day("c.prev")} <= c.cadence) / count(*) as value
      from (
        select ci.created_at, p.check_in_cadence_days as cadence,
          lag(ci.created_at) over (partition by ci.project_id, ci.side order by ci.created_at, ci.id) as prev
        from check_in ci
        join project p on p.id = ci.project_id
        where ci.workspace_id = ${f.input.workspaceId}::uuid ${f.project(sql`ci.project_id`)} ${f.side(sql`ci.side`)}
      ) c
      where c.created_at >= ${f.lo} and c.created_at < ${f.hi}
      group by 1`;
  },
});
