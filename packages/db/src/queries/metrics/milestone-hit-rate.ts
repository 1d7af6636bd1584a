import { sql } from "drizzle-orm";

import { decidedMilestones } from "./decided-milestones";
import { defineMetric } from "./frame";

/** Percent of the milestones due in the period (outcome known) reached on or before their due day. */
export const milestoneHitRate = defineMetric("milestone_hit_rate", {
  empty: null,
  measure: (f) => sql`
    select ${f.bucketDay(sql`m.due_on`)} as bucket,
      100.0 * count(*) filter (where m.reached_on <= m.due_on) / count(*) as value
    from ${decidedMilestones(f)} m
    group by 1`,
});
