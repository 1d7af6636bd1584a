import { computeMetric, taskBurnUp } from "@tandem/db/queries";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DB_KINDS, startTestDb, type TestDb } from "../support/db";
import { createMetricsFixture, expectClose, inputOf, type MetricsFixture, queryArb, reset } from "./support";
import { insertTaskHistories, refBurnUp, refCycleTime, refThroughput, refTimeBlocked, taskArb } from "./task-history";

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
});
