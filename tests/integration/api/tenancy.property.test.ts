import type { Auth } from "@tandem/auth";
import { getLogHead } from "@tandem/db/queries";
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callerFor } from "../support/api";
import { createTestAuth } from "../support/auth";
import { startTestDb, type TestDb } from "../support/db";
import { createFixture, type Fixture, type Person } from "../support/workspace";

type Caller = Awaited<ReturnType<typeof callerFor>>;
interface Objects {
  projectId: string;
  taskId: string;
  memberId: string;
  kpiId: string;
  dashboardId: string;
  widgetId: string;
}
interface Op {
  name: string;
  write: boolean;
  /** Leadership may do this (comment); everything else that writes is theirs to read only. */
  leadershipMay?: boolean;
  /** Names no object, so it can't reach the other tenant: only its home rules apply. */
  objectless?: boolean;
  run: (api: Caller, slug: string, o: Objects) => Promise<unknown>;
}

const OPS: Op[] = [
  { name: "project.get", write: false, run: (a, s, o) => a.project.get({ workspaceSlug: s, projectId: o.projectId }) },
  { name: "project.update", write: true, run: (a, s, o) => a.project.update({ workspaceSlug: s, projectId: o.projectId, name: "Hijacked" }) },
  {
    name: "project.postHealth",
    write: true,
    run: (a, s, o) => a.project.postHealth({ workspaceSlug: s, projectId: o.projectId, health: "off_track", reason: "x" }),
  },
  { name: "task.get", write: false, run: (a, s, o) => a.task.get({ workspaceSlug: s, taskId: o.taskId }) },
  { name: "task.update", write: true, run: (a, s, o) => a.task.update({ workspaceSlug: s, taskId: o.taskId, title: "Hijacked" }) },
  { name: "task.move", write: true, run: (a, s, o) => a.task.move({ workspaceSlug: s, taskId: o.taskId, status: "blocked" }) },
  { name: "task.create", write: true, run: (a, s, o) => a.task.create({ workspaceSlug: s, projectId: o.projectId, title: "Injected", side: "it" }) },
  { name: "task.assign", write: true, run: (a, s, o) => a.task.update({ workspaceSlug: s, taskId: o.taskId, assigneeId: o.memberId }) },
  { name: "comment.list", write: false, run: (a, s, o) => a.comment.list({ workspaceSlug: s, projectId: o.projectId }) },
  {
    name: "comment.create",
    write: true,
    leadershipMay: true,
    run: (a, s, o) => a.comment.create({ workspaceSlug: s, projectId: o.projectId, taskId: o.taskId, body: "hi" }),
  },
  { name: "member.update", write: true, run: (a, s, o) => a.member.update({ workspaceSlug: s, memberId: o.memberId, role: "viewer" }) },
  { name: "member.remove", write: true, run: (a, s, o) => a.member.remove({ workspaceSlug: s, memberId: o.memberId }) },
  { name: "log.list", write: false, run: (a, s, o) => a.log.list({ workspaceSlug: s, projectId: o.projectId }) },
  { name: "checkIn.list", write: false, run: (a, s, o) => a.checkIn.list({ workspaceSlug: s, projectId: o.projectId }) },
  {
    name: "checkIn.create",
    write: true,
    run: (a, s, o) =>
      a.checkIn.create({ workspaceSlug: s, projectId: o.projectId, health: "off_track", headline: "Hijacked", moved: "", risks: "", asks: "", decisions: "" }),
  },
  { name: "feed.list", write: false, run: (a, s, o) => a.feed.list({ workspaceSlug: s, filter: { projectId: o.projectId } }) },
  { name: "feed.digest", write: false, run: (a, s) => a.feed.digest({ workspaceSlug: s }) },
  {
    name: "feed.exportCsv",
    write: false,
    run: (a, s, o) => a.feed.exportCsv({ workspaceSlug: s, from: "2020-01-01", to: "2100-01-01", filter: { projectId: o.projectId } }),
  },
  // The KPI register and dashboards.
  { name: "kpi.list", write: false, run: (a, s) => a.kpi.list({ workspaceSlug: s }) },
  { name: "kpi.headline", write: false, run: (a, s) => a.kpi.headline({ workspaceSlug: s }) },
  { name: "kpi.get", write: false, run: (a, s, o) => a.kpi.get({ workspaceSlug: s, kpiId: o.kpiId }) },
  { name: "kpi.series", write: false, run: (a, s, o) => a.kpi.series({ workspaceSlug: s, kpiId: o.kpiId, from: "2026-01-05", to: "2026-03-30" }) },
  { name: "kpi.exportCsv", write: false, run: (a, s, o) => a.kpi.exportCsv({ workspaceSlug: s, kpiId: o.kpiId }) },
  {
    name: "kpi.create",
    write: true,
    run: (a, s, o) =>
      a.kpi.create({
        workspaceSlug: s,
        projectIds: [o.projectId],
        name: "Injected",
        unit: "count",
        direction: "higher",
        target: 1,
        atRisk: 0,
        cadence: "weekly",
        owner: "joint",
        source: "entered",
      }),
  },
  { name: "kpi.update", write: true, run: (a, s, o) => a.kpi.update({ workspaceSlug: s, kpiId: o.kpiId, target: 9 }) },
  { name: "kpi.sign", write: true, run: (a, s, o) => a.kpi.sign({ workspaceSlug: s, kpiId: o.kpiId, version: 1 }) },
  { name: "kpi.object", write: true, run: (a, s, o) => a.kpi.object({ workspaceSlug: s, kpiId: o.kpiId, version: 1, reason: "no" }) },
  { name: "kpi.withdrawObjection", write: true, run: (a, s, o) => a.kpi.withdrawObjection({ workspaceSlug: s, kpiId: o.kpiId, version: 1 }) },
  { name: "kpi.record", write: true, run: (a, s, o) => a.kpi.record({ workspaceSlug: s, kpiId: o.kpiId, period: "2026-W10", value: 3 }) },
  { name: "kpi.previewImport", write: true, run: (a, s, o) => a.kpi.previewImport({ workspaceSlug: s, kpiId: o.kpiId, csv: "period,value\n2026-W11,4" }) },
  { name: "kpi.import", write: true, run: (a, s, o) => a.kpi.import({ workspaceSlug: s, kpiId: o.kpiId, csv: "period,value\n2026-W12,5" }) },
  { name: "kpi.comment", write: true, leadershipMay: true, run: (a, s, o) => a.kpi.comment({ workspaceSlug: s, kpiId: o.kpiId, body: "hi" }) },
  { name: "kpi.retire", write: true, run: (a, s, o) => a.kpi.retire({ workspaceSlug: s, kpiId: o.kpiId }) },
  { name: "dashboard.list", write: false, run: (a, s) => a.dashboard.list({ workspaceSlug: s }) },
  { name: "dashboard.get", write: false, run: (a, s, o) => a.dashboard.get({ workspaceSlug: s, dashboardId: o.dashboardId }) },
  {
    name: "dashboard.data",
    write: false,
    run: (a, s, o) => a.dashboard.data({ workspaceSlug: s, dashboardId: o.dashboardId, from: "2026-01-05", to: "2026-03-30" }),
  },
  { name: "dashboard.create", write: true, objectless: true, run: (a, s) => a.dashboard.create({ workspaceSlug: s, name: "Injected" }) },
  { name: "dashboard.update", write: true, run: (a, s, o) => a.dashboard.update({ workspaceSlug: s, dashboardId: o.dashboardId, name: "Hijacked" }) },
  { name: "dashboard.remove", write: true, run: (a, s, o) => a.dashboard.remove({ workspaceSlug: s, dashboardId: o.dashboardId }) },
  {
    name: "dashboard.addWidget",
    write: true,
    run: (a, s, o) => a.dashboard.addWidget({ workspaceSlug: s, dashboardId: o.dashboardId, kind: "kpi_tile", config: { kpiId: o.kpiId } }),
  },
  { name: "dashboard.changeWidget", write: true, run: (a, s, o) => a.dashboard.changeWidget({ workspaceSlug: s, widgetId: o.widgetId, width: 3 }) },
  { name: "dashboard.moveWidget", write: true, run: (a, s, o) => a.dashboard.moveWidget({ workspaceSlug: s, widgetId: o.widgetId }) },
  { name: "dashboard.removeWidget", write: true, run: (a, s, o) => a.dashboard.removeWidget({ workspaceSlug: s, widgetId: o.widgetId }) },
];

describe("tenancy: (actor, procedure, object) across two workspaces", () => {
  let t: TestDb;
  let auth: Auth;
  let A: Fixture;
  let B: Fixture;
  const objects = new Map<string, Objects>();

  beforeAll(async () => {
    t = await startTestDb("pglite");
    auth = createTestAuth(t.db);
    A = await createFixture(t.db, auth, "tenant-a");
    B = await createFixture(t.db, auth, "tenant-b");
    for (const f of [A, B]) {
      const api = await callerFor(t.db, auth, f.mLead);
      const p = await api.project.create({
        workspaceSlug: f.slug,
        name: `P ${f.slug}`,
        sides: { marketing: { leadId: f.mLead.memberId }, it: { leadId: f.iLead.memberId } },
      });
      const task = await api.task.create({ workspaceSlug: f.slug, projectId: p.id, title: `T ${f.slug}`, side: "marketing" });
      const kpi = await api.kpi.create({
        workspaceSlug: f.slug,
        name: `K ${f.slug}`,
        unit: "count",
        direction: "higher",
        target: 10,
        atRisk: 5,
        cadence: "weekly",
        owner: "joint",
        source: "entered",
        projectIds: [p.id],
      });
      const board = await api.dashboard.create({ workspaceSlug: f.slug, name: `D ${f.slug}` });
      const widget = await api.dashboard.addWidget({ workspaceSlug: f.slug, dashboardId: board.id, kind: "kpi_line", config: { kpiId: kpi.id } });
      objects.set(f.slug, { projectId: p.id, taskId: task.id, memberId: f.iMember.memberId, kpiId: kpi.id, dashboardId: board.id, widgetId: widget.id });
    }
  });
  afterAll(async () => t?.close());

  it("never reads or writes another workspace's objects, and leadership/viewers never mutate work", async () => {
    const roles = ["admin", "mLead", "iLead", "mMember", "iMember", "viewer"] as const;
    const fixtures = { A: () => A, B: () => B };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("A", "B" as const), // the actor's workspace
        fc.constantFrom(...roles),
        fc.constantFrom(...OPS.map((op) => op.name)),
        fc.constantFrom("A", "B" as const), // whose objects
        fc.constantFrom("home", "target"), // which slug the caller names
        async (homeKey, role, opName, targetKey, slugOf) => {
          const home = fixtures[homeKey]();
          const target = fixtures[targetKey]();
          const p: Person = home[role];
          const op = OPS.find((x) => x.name === opName)!;
          const slug = slugOf === "home" ? home.slug : target.slug;
          const o = objects.get(target.slug)!;
          const heads = async () => [(await getLogHead(t.db, A.workspaceId)).seq, (await getLogHead(t.db, B.workspaceId)).seq];
          const before = await heads();
          const api = await callerFor(t.db, auth, p);
          let outcome = "ok";
          let result: unknown;
          try {
            result = await op.run(api, slug, o);
          } catch (err) {
            if (!(err instanceof TRPCError)) throw err;
            outcome = err.code;
          }
          const after = await heads();
          expect(outcome).not.toBe("INTERNAL_SERVER_ERROR");
          // Only the actor's own workspace can ever move.
          const otherIdx = homeKey === "A" ? 1 : 0;
          expect(after[otherIdx]).toBe(before[otherIdx]);
          if (home !== target) {
            if (op.write && !op.objectless) expect(outcome).not.toBe("ok");
            // A read that succeeds (a filtered list) returns nothing of the other tenant.
            const text = JSON.stringify(result ?? null);
            for (const secret of [target.workspaceId, o.taskId, `T ${target.slug}`, o.kpiId, `K ${target.slug}`, o.dashboardId, `D ${target.slug}`])
              expect(text).not.toContain(secret);
          }
          if (op.write && role === "viewer" && !op.leadershipMay) {
            expect(outcome).not.toBe("ok");
            expect(after).toEqual(before);
          }
        },
      ),
      { numRuns: 500 },
    );
  }, 300_000);
});
