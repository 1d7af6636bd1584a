import { type SQL, sql } from "drizzle-orm";

import { defineMetric, hours } from "./frame";

/**
 * Hours tasks spent Blocked. A stretch runs from a move to Blocked to the task's next status
 * change (`ended_at`; now, while it lasts) and counts whole in the period it ended. Its side is
 * the task's side when it got blocked. Two ranges of task_status_change_stretch_idx: the stretches
 * that ended in the frame, and, when now is in it, those still blocked.
 */
export const timeBlocked = defineMetric("time_blocked", {
  empty: 0,
  measure: (f) => {
    const blocked = (ended: SQL, where: SQL) => sql`
      select ${f.bucket(ended)} as bucket, ${hours(sql`c.at`, ended)} as spent
      from task_status_change c
      where c.workspace_id = ${f.input.workspaceId}::uuid and c.to_status = 'blocked' and ${where}
        ${f.project(sql`c.project_id`)} ${f.side(sql`c.side`)}`;
    return sql`
      select b.bucket, sum(b.spent)::float8 as value
      from (
        ${blocked(sql`c.ended_at`, sql`c.ended_at >= ${f.lo} and c.ended_at < ${f.hi}`)}
        union all
        ${blocked(f.now, sql`c.ended_at is null and c.at < ${f.hi} and ${f.now} >= ${f.lo} and ${f.now} < ${f.hi}`)}
      ) b
      group by 1`;
  },
});
