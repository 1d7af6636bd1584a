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
      select s.side, s.started, coalesce(s.next_at, ${f.now}) as ended
      from (
        select c.side, c.to_status, c.at as started, lead(c.at) over (partition by c.task_id order by c.at, c.id) as next_at
        from task_status_change c
        where c.workspace_id = ${f.input.workspaceId}::uuid ${f.project(sql`c.project_id`)}
      ) s
      where s.to_status = 'blocked' ${f.side(sql`s.side`)}
    ) b
    where b.ended >= ${f.lo} and b.ended < ${f.hi}
    group by 1`,
});
