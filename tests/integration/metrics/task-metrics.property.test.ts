import { schema } from "@tandem/db";
import { computeMetric, taskBurnUp } from "@tandem/db/queries";
import { inArray, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DB_KINDS, startTestDb, type TestDb } from "../support/db";
import { arrivalArb, createMetricsFixture, expectClose, inputOf, type MetricsFixture, queryArb, reset } from "./support";
import { changeCount, insertTaskHistories, refBurnUp, refCycleTime, refThroughput, refTimeBlocked, taskArb } from "./task-history";

describe.each(DB_KINDS)("task metrics against their reference on %s", (kind) => {
  let t: TestDb;
  let f: MetricsFixture;

  beforeAll(async () => {
    t = await startTestDb(kind);
    f = await createMetricsFixture(t, `metrics-tasks-${kind}`);
  });
  afterAll(async () => t?.close());

  it("cycle time (median, p85), throughput and time blocked match a plain reading of the history", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(taskArb, { maxLength: 25 }), fc.array(queryArb, { minLength: 2, maxLength: 3 }), async (tasks, queries) => {
        f.projects = await reset(t.db, f);
        await insertTaskHistories(t.db, f, tasks);
        for (const q of queries) {
          const input = inputOf(f, q);
          expectClose(await computeMetric(t.db, "throughput", input), refThroughput(q, tasks));
          expectClose(await computeMetric(t.db, "cycle_time_median", input), refCycleTime(q, tasks, 0.5));
          expectClose(await computeMetric(t.db, "cycle_time_p85", input), refCycleTime(q, tasks, 0.85));
          expectClose(await computeMetric(t.db, "time_blocked", input), refTimeBlocked(q, tasks));
        }
      }),
      { numRuns: 20 },
    );
  });

  it("the dashboard's burn-up matches a plain reading of the history, week by week", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(taskArb, { maxLength: 25 }), fc.array(queryArb, { minLength: 2, maxLength: 3 }), async (tasks, queries) => {
        f.projects = await reset(t.db, f);
        await insertTaskHistories(t.db, f, tasks);
        for (const q of queries) {
          const projectId = q.project === null ? null : f.projects[q.project];
          const weeks = await taskBurnUp(t.db, { workspaceId: f.workspaceId, timeZone: q.timeZone, from: q.from, to: q.to, projectId });
          expect(weeks).toEqual(refBurnUp(q, tasks));
        }
      }),
      { numRuns: 20 },
    );
  });

  it("keeps each change's end and start as the migration's backfill reads them, whatever order the changes arrive in", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(taskArb, { maxLength: 15 }).chain((tasks) => fc.tuple(fc.constant(tasks), arrivalArb(changeCount(tasks)))),
        fc.array(queryArb, { minLength: 1, maxLength: 2 }),
        async ([tasks, arrival], queries) => {
          f.projects = await reset(t.db, f);
          await insertTaskHistories(t.db, f, tasks, arrival);
          // The backfill's reading (migration 0015): the next change's at, the first move to In progress so far.
          const { rows } = await t.db.execute<{ kept: number; read: number }>(sql`
            select count(*) filter (where c.ended_at is not distinct from x.next_at and c.started_at is not distinct from x.started_at)::int as kept,
              count(*)::int as read
            from ${schema.taskStatusChange} c
            join (
              select id, lead(at) over w as next_at, min(at) filter (where to_status = 'in_progress') over w as started_at
              from ${schema.taskStatusChange} where workspace_id = ${f.workspaceId}::uuid
              window w as (partition by task_id order by at, id)
            ) x on x.id = c.id`);
          expect(rows[0]).toEqual({ kept: changeCount(tasks), read: changeCount(tasks) });
          for (const q of queries) {
            const input = inputOf(f, q);
            expectClose(await computeMetric(t.db, "throughput", input), refThroughput(q, tasks));
            expectClose(await computeMetric(t.db, "cycle_time_p85", input), refCycleTime(q, tasks, 0.85));
            expectClose(await computeMetric(t.db, "time_blocked", input), refTimeBlocked(q, tasks));
            const projectId = q.project === null ? null : f.projects[q.project];
            expect(await taskBurnUp(t.db, { workspaceId: f.workspaceId, timeZone: q.timeZone, from: q.from, to: q.to, projectId })).toEqual(
              refBurnUp(q, tasks),
            );
          }
        },
      ),
      { numRuns: 20 },
    );
  });

  it("keeps the burn-up's monthly totals as the history adds up, also after tasks are deleted", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .array(taskArb, { maxLength: 15 })
          .chain((tasks) =>
            fc.tuple(fc.constant(tasks), arrivalArb(changeCount(tasks)), fc.array(fc.boolean(), { minLength: tasks.length, maxLength: tasks.length })),
          ),
        fc.array(queryArb, { minLength: 1, maxLength: 2 }),
        async ([tasks, arrival, deleted], queries) => {
          f.projects = await reset(t.db, f);
          await insertTaskHistories(t.db, f, tasks, arrival);
          const ids = (
            await t.db
              .select({ id: schema.task.id, title: schema.task.title })
              .from(schema.task)
              .where(sql`${schema.task.workspaceId} = ${f.workspaceId}::uuid`)
          )
            .filter((r) => deleted[Number(r.title.slice(1))])
            .map((r) => r.id);
          if (ids.length) await t.db.delete(schema.task).where(inArray(schema.task.id, ids));
          const kept = tasks.filter((_, i) => !deleted[i]);
          // The totals read from the rows that are left, month by month (UTC).
          const { rows } = await t.db.execute<{ differ: number }>(sql`
            with read as (
              select project_id, month, sum(scope)::int as scope, sum(done)::int as done from (
                select project_id, date_trunc('month', at at time zone 'UTC')::date as month,
                  (from_status is null)::int as scope, (to_status = 'done')::int as done
                from ${schema.taskStatusChange} where workspace_id = ${f.workspaceId}::uuid
                union all
                select project_id, date_trunc('month', ended_at at time zone 'UTC')::date, 0, -1
                from ${schema.taskStatusChange} where workspace_id = ${f.workspaceId}::uuid and to_status = 'done' and ended_at is not null
              ) d group by 1, 2
            )
            select count(*)::int as differ
            from read r full join (select * from ${schema.taskMonthTally} where workspace_id = ${f.workspaceId}::uuid) k
              on k.project_id = r.project_id and k.month = r.month
            where coalesce(k.scope, 0) <> coalesce(r.scope, 0) or coalesce(k.done, 0) <> coalesce(r.done, 0)`);
          expect(rows[0]?.differ).toBe(0);
          for (const q of queries) {
            const projectId = q.project === null ? null : f.projects[q.project];
            expect(await taskBurnUp(t.db, { workspaceId: f.workspaceId, timeZone: q.timeZone, from: q.from, to: q.to, projectId })).toEqual(refBurnUp(q, kept));
          }
        },
      ),
      { numRuns: 20 },
    );
  });
});
