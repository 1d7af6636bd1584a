import { MENTION_PATTERN } from "@tandem/domain/mentions";
import { sql } from "drizzle-orm";

import { defineMetric, hours } from "./frame";

/**
 * Median hours from an ask to its answer. An ask is a comment by a member of one working side
 * that @mentions a member of the other (`asked_side`); its answer is the first later comment in the
 * same thread (same project and task, or the project itself) by a member of the side asked
 * (`answered_at`). Both are kept by triggers as comments and mentions are written (migration
 * 0015), with the members' sides as they were then. Counted in the period of the answer;
 * unanswered asks are left out. The side filter is the side asked. One range of
 * comment_answered_idx.
 */
export const crossSideResponse = defineMetric("cross_side_response", {
  empty: null,
  measure: (f) => sql`
    select ${f.bucket(sql`c.answered_at`)} as bucket,
      percentile_cont(0.5) within group (order by ${hours(sql`c.created_at`, sql`c.answered_at`)}) as value
    from comment c
    where c.workspace_id = ${f.input.workspaceId}::uuid and c.asked_side is not null
      and c.answered_at >= ${f.lo} and c.answered_at < ${f.hi}
      ${f.project(sql`c.project_id`)} ${f.side(sql`c.asked_side`)}
    group by 1`,
});

/** The member ids a comment body mentions, read in SQL as migration 0013 backfilled comment_mention (held to mentionedMemberIds by a test). */
export function mentionsInSql(body: string) {
  return sql`select distinct lower(m.parts[2]) as id from regexp_matches(${body}, ${MENTION_PATTERN.source}, 'gi') as m(parts)`;
}
