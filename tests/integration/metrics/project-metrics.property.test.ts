import { computeMetric } from "@tandem/db/queries";
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";

import { DB_KINDS, startTestDb, type TestDb } from "../support/db";
import { insertProjectHistory, projectHistoryArb, refCheckInPunctuality, refMilestoneHitRate, refMilestoneSlip } from "./project-history";
import { createMetricsFixture, expectClose, inputOf, type MetricsFixture, queryArb, reset } from "./support";

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
});
