import { type SQL, sql } from "drizzle-orm";

import type { Frame } from "./frame";

/**
 * The tasks finished in the frame's periods: each task still done, once, at its last move to
 * Done (`at`), with its side at that moment (`side`), the side and project filters applied.
 * A subquery with columns task_id, at, side. It reads only the moves to Done inside the frame
 * (task_status_change_status_idx) and asks each whether a later one exists (by its task).
 */
export function finishedTasks(f: Frame): SQL {
  return sql`(
    select c.task_id, c.at, c.side
    from task_status_change c
    join task t on t.id = c.task_id and t.status = 'done'
    where c.workspace_id = ${f.input.workspaceId}::uuid and c.to_status = 'done' and c.at >= ${f.lo} and c.at < ${f.hi}
      ${f.project(sql`c.project_id`)} ${f.side(sql`c.side`)}
      and not exists (
        select 1 from task_status_change later
        where later.task_id = c.task_id and later.to_status = 'done' and (later.at, later.id) > (c.at, c.id)
      )
  )`;
}
