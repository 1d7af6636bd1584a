import { type SQL, sql } from "drizzle-orm";

import type { Frame } from "./frame";

/**
 * The tasks finished in the frame's periods: each task done now, once, at its last move to Done
 * (`at`, a move to Done that no change followed: `ended_at` is null), with its side then (`side`)
 * and its first move to In progress (`started_at`), the side and project filters applied. A
 * subquery read from one range of task_status_change_stretch_idx.
 */
export function finishedTasks(f: Frame): SQL {
  return sql`(
    select c.at, c.side, c.started_at
    from task_status_change c
    where c.workspace_id = ${f.input.workspaceId}::uuid and c.to_status = 'done' and c.ended_at is null
      and c.at >= ${f.lo} and c.at < ${f.hi}
      ${f.project(sql`c.project_id`)} ${f.side(sql`c.side`)}
  )`;
}
