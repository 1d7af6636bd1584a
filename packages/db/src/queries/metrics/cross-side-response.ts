import { MENTION_PATTERN } from "@tandem/domain/mentions";
import { type SQL, sql } from "drizzle-orm";

import { defineMetric, hours } from "./frame";

/**
 * Median hours from an ask to its answer. An ask is a comment by a member of one working side
 * that @mentions a member of the other (comment_mention: read from the body with the editor's
 * pattern when the comment was written); its answer is the first later comment in the same thread (same project and
 * task, or the project itself) by a member of the side asked. Counted in the period of the
 * answer; unanswered asks are left out. The side filter is the side asked. A thread is matched
 * with = or IS NULL, one branch each, so that the comment index serves both.
 */
export const crossSideResponse = defineMetric("cross_side_response", {
  empty: null,
  measure: (f) => {
    const ws = sql`${f.input.workspaceId}::uuid`;
    // The first reply by the side asked, in the ask's thread: a task's comments, or the project's own.
    const reply = (thread: SQL) => sql`
      select r.created_at from comment r
      join member rm on rm.id = r.author_id
      where r.workspace_id = ${ws} and r.project_id = q.project_id and ${thread} and r.created_at > q.asked_at and rm.side = q.asked_side
      order by r.created_at
      limit 1`;
    return sql`
      with asks as (
        select distinct c.id, c.project_id, c.task_id, c.created_at as asked_at, asked.side as asked_side
        from comment_mention cm
        join comment c on c.id = cm.comment_id
        join member author on author.id = c.author_id and author.side in ('marketing', 'it')
        join member asked on asked.id = cm.member_id and asked.side in ('marketing', 'it') and asked.side <> author.side
        where cm.workspace_id = ${ws} and c.created_at < ${f.hi} ${f.project(sql`c.project_id`)} ${f.side(sql`asked.side`)}
      ), answered as (
        select q.asked_at, a.created_at as answered_at
        from asks q cross join lateral (${reply(sql`r.task_id = q.task_id`)}) a
        where q.task_id is not null
        union all
        select q.asked_at, a.created_at
        from asks q cross join lateral (${reply(sql`r.task_id is null`)}) a
        where q.task_id is null
      )
      select ${f.bucket(sql`answered_at`)} as bucket,
        percentile_cont(0.5) within group (order by ${hours(sql`asked_at`, sql`answered_at`)}) as value
      from answered
      where answered_at >= ${f.lo} and answered_at < ${f.hi}
      group by 1`;
  },
});

/** The member ids a comment body mentions, read in SQL as migration 0013 backfilled comment_mention (held to mentionedMemberIds by a test). */
export function mentionsInSql(body: string) {
  return sql`select distinct lower(m.parts[2]) as id from regexp_matches(${body}, ${MENTION_PATTERN.source}, 'gi') as m(parts)`;
}
