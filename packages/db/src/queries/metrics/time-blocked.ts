import { sql } from "drizzle-orm";

import { defineMetric, hours } from "./frame";

/**
 * Hours tasks spent Blocked. A stretch runs from a move to Blocked to the task's next status
 * change (or now, while it lasts) and counts whole in the period it ended. Its side is the
 * task's side when it got blocked.
 */
export const timeBlocked = defineMetric("time_blocked", {
  empty: 0,
  measure: (f) => sql`
    select ${f.bucket(sql`b.ended`)} as bucket, sum(${hours(sql`b.started`, sql`b.ended`)})::float8 as value
    from (
      select c.at as started, coalesce(next_change.at, ${f.now}) as ended
      from task_status_change c
      left join lateral (
        select n.at from task_status_change n
        where n.task_id = c.task_id and (n.at, n.id) > (c.at, c.id)
        order by n.at, n.id
        limit 1
      ) next_change on true
      where c.workspace_id = ${f.input.workspaceId}::uuid and c.to_status = 'blocked' and c.at < ${f.hi}
        ${f.project(sql`c.project_id`)} ${f.side(sql`c.side`)}
    ) b
    where b.ended >= ${f.lo} and b.ended < ${f.hi}
    group by 1`,
});
