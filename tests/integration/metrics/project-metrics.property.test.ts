import { schema } from "@tandem/db";
import { computeMetric } from "@tandem/db/queries";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DB_KINDS, startTestDb, type TestDb } from "../support/db";
import { insertProjectHistory, projectHistoryArb, refCheckInPunctuality, refMilestoneHitRate, refMilestoneSlip } from "./project-history";
import { arrivalArb, createMetricsFixture, expectClose, inputOf, type MetricsFixture, queryArb, reset } from "./support";

describe.each(DB_KINDS)("check-in and milestone metrics against their reference on %s", (kind) => {
  let t: TestDb;
  let f: MetricsFixture;

  beforeAll(async () => {
    t = await startTestDb(kind);
    f = await createMetricsFixture(t, `metrics-projects-${kind}`);
  });
  afterAll(async () => t?.close());

  it("check-in punctuality, milestone hit rate and slip match a plain reading of the project's history", async () => {
    await fc.assert(
      fc.asyncProperty(projectHistoryArb, fc.array(queryArb, { minLength: 2, maxLength: 3 }), async (h, queries) => {
        f.projects = await reset(t.db, f, h.cadenceDays);
        await insertProjectHistory(t.db, f, h);
        for (const q of queries) {
          const input = inputOf(f, q);
          expectClose(await computeMetric(t.db, "check_in_punctuality", input), refCheckInPunctuality(q, h));
          expectClose(await computeMetric(t.db, "milestone_hit_rate", input), refMilestoneHitRate(q, h));
          expectClose(await computeMetric(t.db, "milestone_slip", input), refMilestoneSlip(q, h));
        }
      }),
      { numRuns: 20 },
    );
  });

  it("keeps each check-in's previous one as the migration's backfill reads it, whatever order they arrive in", async () => {
    await fc.assert(
      fc.asyncProperty(
        projectHistoryArb.chain((h) => fc.tuple(fc.constant(h), arrivalArb(h.checkIns.length))),
        fc.array(queryArb, { minLength: 1, maxLength: 2 }),
        async ([h, arrival], queries) => {
          f.projects = await reset(t.db, f, h.cadenceDays);
          await insertProjectHistory(t.db, f, h, arrival);
          // The backfill's reading (migration 0016): the same side's previous check-in on the project.
          const { rows } = await t.db.execute<{ kept: number; read: number }>(sql`
            select count(*) filter (where c.previous_at is not distinct from x.prev)::int as kept, count(*)::int as read
            from ${schema.checkIn} c
            join (
              select id, lag(created_at) over (partition by project_id, side order by created_at, id) as prev
              from ${schema.checkIn} where workspace_id = ${f.workspaceId}::uuid
            ) x on x.id = c.id`);
          expect(rows[0]).toEqual({ kept: h.checkIns.length, read: h.checkIns.length });
          for (const q of queries) expectClose(await computeMetric(t.db, "check_in_punctuality", inputOf(f, q)), refCheckInPunctuality(q, h));
        },
      ),
      { numRuns: 20 },
    );
  });
});
