/**
 * The dashboard benchmark's history, written in bulk with SQL (generate_series): three years of
 * joint work in one workspace. Deterministic (no random()): every run, on either database, holds
 * the same numbers relative to its `now`.
 */
import type pg from "pg";

export interface BenchScale {
  logEntries: number;
  tasks: number;
  comments: number;
  projects: number;
}

export const FULL_SCALE: BenchScale = { logEntries: 1_000_000, tasks: 100_000, comments: 200_000, projects: 200 };

export interface BenchPeople {
  workspaceId: string;
  cmoMemberId: string;
  cioMemberId: string;
}

type Step = { label: string; text: string; values?: unknown[] };

/** The statements, in order; each is one INSERT … SELECT over generate_series. */
function steps(s: BenchScale, p: BenchPeople): Step[] {
  const ws = p.workspaceId;
  // Projects, indexed 0..n-1 by name order, and the members of each side, for the joins below.
  const projects = `(select id, check_in_cadence_days as cadence, (row_number() over (order by name) - 1)::int as i from project where workspace_id = $1::uuid) p`;
  const sides = `(select array_agg(id order by id) filter (where side = 'marketing') as mk, array_agg(id order by id) filter (where side = 'it') as it, array_agg(id order by id) filter (where side in ('marketing', 'it')) as everyone from member where workspace_id = $1::uuid) m`;
  // The tasks with their number g (kept in position), for the status history and comments.
  const tasks = `(select t.*, t.position::int as g from task t where t.workspace_id = $1::uuid)`;
  return [
    {
      label: `${s.logEntries.toLocaleString("en")} log entries`,
      // Task moves and comments spread evenly over three years, after the setup's own entries.
      text: `
        insert into log_entry (workspace_id, seq, actor_id, actor_name, actor_side, action, entity_type, entity_id, project_id, summary, created_at, prev_hash, hash)
        select $1::uuid, h.seq + g, u.user_id, u.name, u.side, a.action, a.entity, md5(g::text), null,
          case when a.action = 'task.moved'
            then jsonb_build_object('label', 'Bench task ' || g, 'after', jsonb_build_object('status', (array['in_progress','blocked','done'])[1 + g % 3], 'position', g, 'updatedAt', to_char(now(), 'YYYY-MM-DD"T"HH24:MI:SS"Z"')), 'before', jsonb_build_object('status', 'todo', 'position', g))
            else jsonb_build_object('label', 'Bench task ' || g) end,
          now() - interval '1095 days' + g * (interval '1094 days' / $2::int), md5((h.seq + g - 1)::text), md5((h.seq + g)::text)
        from generate_series(1, $2::int) g
        cross join (select coalesce(max(seq), 0) as seq from log_entry where workspace_id = $1::uuid) h
        cross join lateral (select case when g % 5 < 3 then 'task.moved' else 'comment.created' end as action, case when g % 5 < 3 then 'task' else 'comment' end as entity) a
        cross join lateral (
          select m.user_id, u.name, m.side from member m join "user" u on u.id = m.user_id
          where m.workspace_id = $1::uuid order by m.id offset (g % 20) limit 1
        ) u`,
      values: [ws, s.logEntries],
    },
    {
      label: "log head",
      text: `
        insert into log_head (workspace_id, seq, hash)
        select $1::uuid, max(seq), md5(max(seq)::text) from log_entry where workspace_id = $1::uuid
        on conflict (workspace_id) do update set seq = excluded.seq, hash = excluded.hash`,
      values: [ws],
    },
    {
      label: `${s.projects} projects`,
      text: `
        insert into project (workspace_id, name, outcome, phase, check_in_cadence_days, created_at, updated_at)
        select $1::uuid, 'Bench project ' || lpad(g::text, 4, '0'), 'What project ' || g || ' is for', (array['idea','discovery','build','launch','done'])[1 + g % 5]::phase,
          (array[7, 7, 14])[1 + g % 3], now() - interval '1100 days', now() - g * interval '1 hour'
        from generate_series(1, $2::int) g`,
      values: [ws, s.projects],
    },
    {
      label: "project sides",
      text: `
        insert into project_side (project_id, side, lead_id, health, health_at)
        select p.id, s.side::side, case when s.side = 'marketing' then $2::uuid else $3::uuid end,
          (array['on_track','at_risk','off_track'])[1 + (p.i + s.k) % 3]::health, now()
        from ${projects} cross join (values ('marketing', 0), ('it', 1)) s(side, k)`,
      values: [ws, p.cmoMemberId, p.cioMemberId],
    },
    {
      label: `${s.tasks.toLocaleString("en")} tasks`,
      // 70 % done, 10 % in progress, 10 % blocked, 10 % to do; created over three years, the last 26 days left for their history.
      text: `
        insert into task (workspace_id, project_id, title, side, assignee_id, status, position, created_at, updated_at)
        select $1::uuid, p.id, 'Bench task ' || g, (case when g % 2 = 0 then 'marketing' else 'it' end)::side, m.everyone[1 + g % cardinality(m.everyone)],
          (case when g % 10 < 7 then 'done' when g % 10 = 7 then 'in_progress' when g % 10 = 8 then 'blocked' else 'todo' end)::task_status,
          g, now() - interval '1095 days' + ((g::bigint * 7919) % 1540000) * interval '1 minute', now()
        from generate_series(1, $2::int) g
        join ${projects} on p.i = g % $3::int
        cross join ${sides}`,
      values: [ws, s.tasks, s.projects],
    },
    {
      label: "task status history",
      // Created → in progress → done; every 7th done task was blocked on the way, every 13th reopened and done again.
      text: `
        insert into task_status_change (workspace_id, project_id, task_id, side, from_status, to_status, at)
        select t.workspace_id, t.project_id, t.id, t.side, e.f::task_status, e.s::task_status, t.created_at + e.after
        from ${tasks} t
        cross join lateral (
          select null::text as f, 'todo'::text as s, interval '0' as after
          union all select 'todo', 'in_progress', (1 + t.g % 5) * interval '1 day' where t.status <> 'todo'
          union all select 'in_progress', 'blocked', (1 + t.g % 5) * interval '1 day' + interval '20 hours' where t.status = 'done' and t.g % 7 = 0
          union all select 'blocked', 'in_progress', (1 + t.g % 5) * interval '1 day' + (24 + t.g % 48) * interval '1 hour' where t.status = 'done' and t.g % 7 = 0
          union all select 'in_progress', 'blocked', (2 + t.g % 5) * interval '1 day' where t.status = 'blocked'
          union all select 'in_progress', 'done', (5 + t.g % 5 + t.g % 11) * interval '1 day' + (t.g % 24) * interval '1 hour' where t.status = 'done'
          union all select 'done', 'in_progress', (6 + t.g % 5 + t.g % 11) * interval '1 day' where t.status = 'done' and t.g % 13 = 0
          union all select 'in_progress', 'done', (7 + t.g % 5 + t.g % 11) * interval '1 day' where t.status = 'done' and t.g % 13 = 0
        ) e`,
      values: [ws],
    },
    {
      label: `${s.comments.toLocaleString("en")} comments`,
      // Two per task, one from each side, the second later; every third first comment @mentions someone on the other side (an ask the second answers). Every 50th is on the project.
      text: `
        insert into comment (workspace_id, project_id, task_id, author_id, body, created_at)
        select t.workspace_id, t.project_id, case when c % 50 = 0 then null else t.id end, a.author,
          case when c <= $2::int and c % 3 = 0
            then 'Could you check this before Friday, @[Bench member](member:' || a.other || ')? Comment ' || c
            else 'Bench comment ' || c || ': notes on what changed and what is next.' end,
          t.created_at + case when c <= $2::int then (c % 72) * interval '1 hour' else (72 + c % 100) * interval '1 hour' end
        from generate_series(1, $3::int) c
        join ${tasks} t on t.g = 1 + (c - 1) % $2::int
        cross join ${sides}
        cross join lateral (
          select case when (c + (c - 1) / $2::int) % 2 = 0 then m.mk[1 + c % cardinality(m.mk)] else m.it[1 + c % cardinality(m.it)] end as author,
            case when (c + (c - 1) / $2::int) % 2 = 0 then m.it[1 + c % cardinality(m.it)] else m.mk[1 + c % cardinality(m.mk)] end as other
        ) a`,
      values: [ws, s.tasks, s.comments],
    },
    {
      label: "comment mentions",
      // What createComment stores beside each comment (migration 0013 backfills it the same way).
      text: `
        insert into comment_mention (workspace_id, comment_id, member_id)
        select distinct c.workspace_id, c.id, m.id
        from comment c
        cross join lateral regexp_matches(c.body, '\\(member:([0-9a-f-]{36})\\)', 'g') as mention(parts)
        join member m on m.workspace_id = c.workspace_id and m.id::text = mention.parts[1]
        where c.workspace_id = $1::uuid and c.body like '%(member:%'`,
      values: [ws],
    },
    {
      label: "check-ins",
      // Each side of each project on its cadence for three years, with a missed one now and then.
      text: `
        insert into check_in (workspace_id, project_id, author_id, side, health, headline, created_at)
        select $1::uuid, p.id, case when s.side = 'marketing' then $2::uuid else $3::uuid end, s.side::side, 'on_track', 'Week ' || w,
          now() - interval '1092 days' + w * p.cadence * interval '1 day' + ((p.i + w + s.k) % 4) * interval '1 day'
        from ${projects}
        cross join (values ('marketing', 0), ('it', 1)) s(side, k)
        cross join generate_series(0, 156) w
        where (p.i + w + s.k) % 9 <> 0 and now() - interval '1092 days' + w * p.cadence * interval '1 day' < now() - interval '4 days'`,
      values: [ws, p.cmoMemberId, p.cioMemberId],
    },
    {
      label: "milestones",
      // Ten per project over three years: most reached within three days either side, one in five missed.
      text: `
        insert into milestone (workspace_id, project_id, title, due_on, reached_at)
        select $1::uuid, p.id, 'Milestone ' || k, d.due_on,
          case when d.due_on < current_date - 3 and (p.i + k) % 5 <> 0 then d.due_on + ((p.i + k) % 7 - 3) + time '15:00' else null end
        from ${projects}
        cross join generate_series(0, 9) k
        cross join lateral (select (current_date - 1090 + k * 110 + p.i % 30) as due_on) d`,
      values: [ws],
    },
  ];
}

/**
 * Writes the history, then vacuums and analyzes: what autovacuum does to tables this size soon after
 * (the triggers' updates leave dead rows; index-only scans need the visibility map). Logs each step's time.
 */
export async function fillWorkspace(client: pg.ClientBase, scale: BenchScale, people: BenchPeople, log: (line: string) => void) {
  for (const step of steps(scale, people)) {
    const t = performance.now();
    const r = await client.query(step.text, step.values);
    log(`  ${step.label}: ${(r.rowCount ?? 0).toLocaleString("en")} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const t = performance.now();
  await client.query("vacuum analyze");
  log(`  vacuum analyze: ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
