import { sql } from "drizzle-orm";

import { defineMetric } from "./frame";
import { finishedTasks } from "./finished";

/** Tasks finished in the period: each task once, at its last move to Done, while it is still done. */
export const throughput = defineMetric("throughput", {
  empty: 0,
  measure: (f) => sql`
    select ${f.bucket(sql`d.at`)} as bucket, count(*)::float8 as value
    from ${finishedTasks(f)} d
    group by 1`,
});
