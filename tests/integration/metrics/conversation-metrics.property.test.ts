import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { computeMetric, mentionsInSql } from "@tandem/db/queries";
import { MENTION_PATTERN, mentionedMemberIds } from "@tandem/domain/mentions";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DB_KINDS, startTestDb, type TestDb } from "../support/db";
import { bodyOf, commentCount, GHOST, insertThreads, refCrossSideResponse, threadArb } from "./conversation-history";
import { arrivalArb, createMetricsFixture, expectClose, inputOf, type MetricsFixture, queryArb, reset } from "./support";

describe.each(DB_KINDS)("cross-side response time against its reference on %s", (kind) => {
  let t: TestDb;
  let f: MetricsFixture;

  beforeAll(async () => {
    t = await startTestDb(kind);
    f = await createMetricsFixture(t, `metrics-talk-${kind}`);
  });
  afterAll(async () => t?.close());

  it("reads mentions in SQL exactly as mentionedMemberIds does", async () => {
    const people = f.people;
    const read = async (body: string) => ((await t.db.execute<{ id: string }>(mentionsInSql(body))).rows.map((r) => r.id) as string[]).sort();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ who: fc.integer({ min: -1, max: people.length - 1 }), shout: fc.boolean(), junk: fc.string({ maxLength: 8 }) }), { maxLength: 4 }),
        async (parts) => {
          const body = parts
            .map((p) => `${p.junk}${bodyOf({ author: null, mentions: [p.who], shout: p.shout, at: 0 }, people)}`)
            .concat(["@[broken](member:123)", `@[New\nline](member:${GHOST})`])
            .join(" ");
          expect(await read(body)).toEqual(mentionedMemberIds(body).sort());
        },
      ),
      { numRuns: 20 },
    );
  });

  it("backfills comment_mention with the editor's own pattern", () => {
    const migration = readFileSync(fileURLToPath(new URL("../../../packages/db/migrations/0013_comment_mentions.sql", import.meta.url)), "utf8");
    expect(migration).toContain(`'${MENTION_PATTERN.source}'`);
  });

  it("matches a plain reading of the threads", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(threadArb(f.people.length), { maxLength: 12 }),
        fc.array(queryArb, { minLength: 2, maxLength: 3 }),
        async (threads, queries) => {
          f.projects = await reset(t.db, f);
          await insertThreads(t.db, f, threads);
          for (const q of queries) expectClose(await computeMetric(t.db, "cross_side_response", inputOf(f, q)), refCrossSideResponse(q, threads, f.people));
        },
      ),
      { numRuns: 20 },
    );
  });

  it("matches it whatever order the comments and their mentions arrive in (the triggers of migration 0015)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(threadArb(f.people.length), { maxLength: 12 }).chain((threads) => fc.tuple(fc.constant(threads), arrivalArb(commentCount(threads)))),
        fc.array(queryArb, { minLength: 1, maxLength: 2 }),
        async ([threads, arrival], queries) => {
          f.projects = await reset(t.db, f);
          await insertThreads(t.db, f, threads, arrival);
          for (const q of queries) expectClose(await computeMetric(t.db, "cross_side_response", inputOf(f, q)), refCrossSideResponse(q, threads, f.people));
        },
      ),
      { numRuns: 20 },
    );
  });
});
