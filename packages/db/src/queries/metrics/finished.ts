import { type SQL, sql } from "drizzle-orm";

import type { Frame } from "./frame";

/**
 * The tasks finished in the frame's periods: each task still done, once, at its last move to
 * Done (`at`), with its side at that moment (`side`), the side and project filters applied.
 * A subquery with columns task_id, at, side.
 */
export function finishedTasks(f: Frame): SQL {
  return sql`(
    select * from (
      select distinct on (c.task_id) c.task_id, c.at, c.side
      from task_status_change c
      join task t on t.id = c.task_id and t.status = 'done'
      where c.workspace_id = ${f.input.workspaceId}::uuid and c.to_status = 'done' ${f.project(sql`c.project_id`)}
      order by c.task_id, c.at desc
    ) last_done
    where last_done.at >= ${f.lo} and last_done.at < ${f.hi} ${f.side(sql`last_done.side`)}
  )`;
}
