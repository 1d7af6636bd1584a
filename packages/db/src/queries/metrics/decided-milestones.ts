import { type SQL, sql } from "drizzle-orm";

import type { Frame } from "./frame";

/**
 * The milestones due in the frame's periods whose outcome is known: reached, or still open after
 * their due day (today in the workspace's zone). Columns: due_on, reached_on (the day reached, in
 * the zone; null while open), days_late (0 when on time; for open ones, up to today). Milestones
 * have no side: only the project filter applies.
 */
export function decidedMilestones(f: Frame): SQL {
  return sql`(
    select m.due_on, m.reached_on,
      (case when m.reached_on is null then ${f.today} - m.due_on else greatest(m.reached_on - m.due_on, 0) end)::float8 as days_late
    from (
      select ms.due_on, (ms.reached_at at time zone ${f.input.timeZone})::date as reached_on
      from milestone ms
      where ms.workspace_id = ${f.input.workspaceId}::uuid ${f.project(sql`ms.project_id`)}
        and ms.due_on >= ${f.firstDay}::date and ms.due_on < ${f.endDay}::date
    ) m
    where m.reached_on is not null or m.due_on < ${f.today}
  )`;
}
