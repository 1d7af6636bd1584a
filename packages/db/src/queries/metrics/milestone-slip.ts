import { sql } from "drizzle-orm";

import { decidedMilestones } from "./decided-milestones";
import { defineMetric } from "./frame";

/** Mean days late (0 when on time) of the milestones due in the period whose outcome is known. */
export const milestoneSlip = defineMetric("milestone_slip", {
  empty: null,
  measure: (f) => sql`
    select ${f.bucketDay(sql`m.due_on`)} as bucket, avg(m.days_late)::float8 as value
    from ${decidedMilestones(f)} m
    group by 1`,
});
