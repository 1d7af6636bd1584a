import { MENTION_PATTERN } from "@tandem/domain/mentions";
import { sql } from "drizzle-orm";

import { defineMetric, hours } from "./frame";

/**
 * Median hours from an ask to its answer. An ask is a comment by a member of one working side
 * that @mentions a member of the other (mentions read from the body with the editor's pattern,
 * MENTION_PATTERN); its answer is the first later comment in the same thread (same project and
 * task, or the project itself) by a member of the side asked. Counted in the period of the
 * answer; unanswered asks are left out. The side filter is the side asked.
 */
export const crossSideResponse = defineMetric("cross_side_response", {
  empty: null,
  measure: (f) => {
    const ws = sql`${f.input.workspaceId}::uuid`;
    return sql`
      select ${f.bucket(sql`a.answered_at`)} as bucket,
        percentile_cont(0.5) within group (order by ${hours(sql`a.asked_at`, sql`a.answered_at`)}) as value
      from (
        select q.asked_at, (
          select min(r.created_at)
          from comment r
          join member rm on rm.id = r.author_id
          where r.workspace_id = ${ws} and r.project_id = q.project_id and r.task_id is not distinct from q.task_id
            and r.created_at > q.asked_at and rm.side = q.asked_side
        ) as answered_at
        from (
          select distinct c.id, c.project_id, c.task_id, c.created_at as asked_at, asked.side as asked_side
          from comment c
          join member author on author.id = c.author_id and author.side in ('marketing', 'it')
          cross join lateral regexp_matches(c.body, ${MENTION_PATTERN.source}, 'gi') as mention(parts)
          join member asked on asked.workspace_id = c.workspace_id and asked.id::text = lower(mention.parts[2])
            and asked.side in ('marketing', 'it') and asked.side <> author.side
          where c.workspace_id = ${ws} and c.created_at < ${f.hi} ${f.project(sql`c.project_id`)} ${f.side(sql`asked.side`)}
        ) q
      ) a
      where a.answered_at >= ${f.lo} and a.answered_at < ${f.hi}
      group by 1`;
  },
});

/** The member ids a comment body mentions, as the metric reads them in SQL (held to mentionedMemberIds by a test). */
export function mentionsInSql(body: string) {
  return sql`select distinct lower(m.parts[2]) as id from regexp_matches(${body}, ${MENTION_PATTERN.source}, 'gi') as m(parts)`;
}
