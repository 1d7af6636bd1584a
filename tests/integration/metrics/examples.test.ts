import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { schema } from "@tandem/db";
import { MIGRATIONS_DIR } from "@tandem/db/migrate";
import { computeMetric, type MetricInput } from "@tandem/db/queries";
import type { MetricId } from "@tandem/domain/metrics";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callerFor } from "../support/api";
import { createTestAuth } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";
import { insertThreads } from "./conversation-history";
import { insertProjectHistory } from "./project-history";
import { createMetricsFixture, type MetricsFixture, reset } from "./support";
import { insertTaskHistories, type TaskHistory } from "./task-history";

const at = (iso: string) => Date.parse(iso);

describe.each(DB_KINDS)("computed metrics, hand-checked, on %s", (kind) => {
  let t: TestDb;
  let f: MetricsFixture;

  beforeAll(async () => {
    t = await startTestDb(kind);
    f = await createMetricsFixture(t, `metrics-examples-${kind}`);
  });
  afterAll(async () => t?.close());

  const values = async (id: MetricId, input: Partial<MetricInput>) =>
    (
      await computeMetric(t.db, id, {
        workspaceId: f.workspaceId,
        timeZone: "UTC",
        cadence: "weekly",
        from: "2026-03-02",
        to: "2026-03-16",
        now: new Date("2026-03-13T00:00:00Z"),
        ...input,
      })
    ).map((r) => (r.value === null ? null : Math.round(r.value * 1e6) / 1e6));

  it("counts cycle time, throughput and time blocked by week, a reopened task once at its last done", async () => {
    f.projects = await reset(t.db, f);
    const tasks: TaskHistory[] = [
      // A: 48 h in progress, done in the week of 2 March.
      {
        project: 0,
        changes: [
          { status: "todo", side: "marketing", at: at("2026-03-02T09:00:00Z") },
          { status: "in_progress", side: "marketing", at: at("2026-03-02T10:00:00Z") },
          { status: "done", side: "marketing", at: at("2026-03-04T10:00:00Z") },
        ],
      },
      // B: blocked 48 h (ended 5 March), done 6 March, reopened, done again 10 March: 168 h from its first start.
      {
        project: 0,
        changes: [
          { status: "in_progress", side: "it", at: at("2026-03-03T00:00:00Z") },
          { status: "blocked", side: "it", at: at("2026-03-03T12:00:00Z") },
          { status: "in_progress", side: "it", at: at("2026-03-05T12:00:00Z") },
          { status: "done", side: "it", at: at("2026-03-06T00:00:00Z") },
          { status: "in_progress", side: "it", at: at("2026-03-07T00:00:00Z") },
          { status: "done", side: "it", at: at("2026-03-10T00:00:00Z") },
        ],
      },
      // C: 6 h, done 9 March 06:00 UTC, which is still Sunday 8 March in Los Angeles.
      {
        project: 1,
        changes: [
          { status: "in_progress", side: "marketing", at: at("2026-03-09T00:00:00Z") },
          { status: "done", side: "marketing", at: at("2026-03-09T06:00:00Z") },
        ],
      },
      // D: blocked since 12 March, still blocked "now" (13 March): 24 h so far, in the current week.
      { project: 1, changes: [{ status: "blocked", side: "it", at: at("2026-03-12T00:00:00Z") }] },
    ];
    await insertTaskHistories(t.db, f, tasks);

    expect(await values("throughput", {})).toEqual([1, 2, null]);
    expect(await values("throughput", { side: "it" })).toEqual([0, 1, null]);
    expect(await values("throughput", { projectId: f.projects[1] })).toEqual([0, 1, null]);
    expect(await values("throughput", { timeZone: "America/Los_Angeles" })).toEqual([2, 1, null]);
    expect(await values("cycle_time_median", {})).toEqual([48, 87, null]);
    expect(await values("cycle_time_p85", {})).toEqual([48, 143.7, null]);
    expect(await values("cycle_time_median", { side: "marketing" })).toEqual([48, 6, null]);
    expect(await values("time_blocked", {})).toEqual([48, 24, null]);
    expect(await values("time_blocked", { projectId: f.projects[1] })).toEqual([0, 24, null]);
    expect(await values("throughput", { cadence: "monthly", from: "2026-01-15", to: "2026-03-31" })).toEqual([0, 0, 3]);
    // An empty or inverted range has no periods.
    expect(await values("throughput", { from: "2026-03-20", to: "2026-03-02" })).toEqual([]);
  });

  it("reads milestones' outcomes and check-in punctuality in the workspace's zone", async () => {
    f.projects = await reset(t.db, f, [7, 7]);
    await insertProjectHistory(t.db, f, {
      cadenceDays: [7, 7],
      milestones: [
        // Reached at 10:00 UTC on its due day: on time in UTC, the next day (late by 1) in Kiritimati (UTC+14).
        { project: 0, dueOn: "2026-03-05", reachedAt: at("2026-03-05T10:00:00Z") },
        // 3 days late in UTC; 4 in Kiritimati, where it was already 10 March.
        { project: 0, dueOn: "2026-03-06", reachedAt: at("2026-03-09T12:00:00Z") },
        // Open, 3 days past due on 13 March.
        { project: 1, dueOn: "2026-03-10", reachedAt: null },
        // Open, not yet due: left out.
        { project: 1, dueOn: "2026-03-20", reachedAt: null },
      ],
      checkIns: [
        { project: 0, side: "marketing", at: at("2026-03-02T09:00:00Z") },
        { project: 0, side: "marketing", at: at("2026-03-09T18:00:00Z") }, // 7 days on: on time
        { project: 0, side: "marketing", at: at("2026-03-17T10:00:00Z") }, // 8 days on: late
        { project: 0, side: "it", at: at("2026-03-03T12:00:00Z") }, // IT's first: on time
      ],
    });
    const month = { cadence: "monthly", from: "2026-03-01", to: "2026-03-31" } as const;
    expect(await values("milestone_hit_rate", month)).toEqual([33.333333]);
    expect(await values("milestone_slip", month)).toEqual([2]);
    expect(await values("milestone_hit_rate", { ...month, timeZone: "Pacific/Kiritimati" })).toEqual([0]);
    expect(await values("milestone_slip", { ...month, timeZone: "Pacific/Kiritimati" })).toEqual([2.666667]);
    // Milestones have no side: the side filter changes nothing.
    expect(await values("milestone_slip", { ...month, side: "it" })).toEqual([2]);
    expect(await values("milestone_hit_rate", { projectId: f.projects[1] })).toEqual([null, 0, null]);
    expect(await values("milestone_slip", {})).toEqual([1.5, 3, null]);

    const later = { ...month, now: new Date("2026-03-31T12:00:00Z") };
    expect(await values("check_in_punctuality", later)).toEqual([75]);
    expect(await values("check_in_punctuality", { ...later, side: "marketing" })).toEqual([66.666667]);
    // Weeks from the one holding 1 March (from 23 February); weeks without a check-in have no value.
    expect(await values("check_in_punctuality", { ...later, cadence: "weekly" })).toEqual([null, 100, 100, 0, null, null]);
  });

  it("times answers to asks across sides in the same thread", async () => {
    f.projects = await reset(t.db, f);
    const [admin, mLead, iLead, mMember, iMember, viewer] = f.people.map((_, i) => i);
    await insertThreads(t.db, f, [
      {
        project: 0,
        onTask: false,
        comments: [
          { author: mLead!, mentions: [iLead!], shout: false, at: at("2026-03-03T10:00:00Z") }, // asks IT
          { author: mMember!, mentions: [], shout: false, at: at("2026-03-03T11:00:00Z") }, // same side: no answer
          { author: iMember!, mentions: [], shout: false, at: at("2026-03-03T13:00:00Z") }, // IT answers: 3 h
          { author: iMember!, mentions: [mLead!], shout: false, at: at("2026-03-03T14:00:00Z") }, // never answered
          { author: viewer!, mentions: [iLead!], shout: false, at: at("2026-03-03T15:00:00Z") }, // leadership: not an ask
          { author: admin!, mentions: [iMember!], shout: false, at: at("2026-03-03T15:30:00Z") }, // same side: not an ask
        ],
      },
      {
        project: 0,
        onTask: true,
        comments: [
          { author: iLead!, mentions: [mMember!], shout: true, at: at("2026-03-04T09:00:00Z") }, // asks marketing
          { author: mLead!, mentions: [], shout: false, at: at("2026-03-04T09:30:00Z") }, // answered in 0.5 h
        ],
      },
    ]);
    expect(await values("cross_side_response", {})).toEqual([1.75, null, null]);
    expect(await values("cross_side_response", { side: "it" })).toEqual([3, null, null]);
    expect(await values("cross_side_response", { side: "marketing" })).toEqual([0.5, null, null]);
    expect(await values("cross_side_response", { projectId: f.projects[1] })).toEqual([null, null, null]);
  });

  it("lets the task service write the history, and the migration's backfill rebuild it from the log", async () => {
    const auth = createTestAuth(t.db);
    const asM = await callerFor(t.db, auth, f.mLead);
    const p = await asM.project.create({
      workspaceSlug: f.slug,
      name: "History",
      sides: { marketing: { leadId: f.mLead.memberId }, it: { leadId: f.iLead.memberId } },
    });
    const task = await asM.task.create({ workspaceSlug: f.slug, projectId: p.id, title: "Ship it", side: "marketing" });
    await asM.task.move({ workspaceSlug: f.slug, taskId: task.id, status: "in_progress" });
    await asM.task.move({ workspaceSlug: f.slug, taskId: task.id, status: "in_progress" }); // a reorder: no change
    await asM.task.update({ workspaceSlug: f.slug, taskId: task.id, side: "it" });
    await asM.task.move({ workspaceSlug: f.slug, taskId: task.id, status: "done" });
    await asM.task.create({ workspaceSlug: f.slug, projectId: p.id, title: "Born blocked", side: "it", status: "blocked" });

    const history = async () =>
      (
        await t.db
          .select()
          .from(schema.taskStatusChange)
          .where(eq(schema.taskStatusChange.projectId, p.id))
          .orderBy(asc(schema.taskStatusChange.at), asc(schema.taskStatusChange.toStatus))
      ).map((r) => [r.taskId === task.id ? "ship" : "other", r.fromStatus, r.toStatus, r.side]);
    const written = await history();
    expect(written).toEqual([
      ["ship", null, "todo", "marketing"],
      ["ship", "todo", "in_progress", "marketing"],
      ["ship", "in_progress", "done", "it"],
      ["other", null, "blocked", "it"],
    ]);

    const sql = await readFile(join(MIGRATIONS_DIR, "0012_task_status_changes.sql"), "utf8");
    const backfill = sql.split("--> statement-breakpoint").at(-1)!;
    await t.db.delete(schema.taskStatusChange);
    await t.pool.query(backfill);
    expect(await history()).toEqual(written);
  });
});
