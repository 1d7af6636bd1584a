import type { Auth } from "@tandem/auth";
import { verifyWorkspaceLog } from "@tandem/db/log";
import { periodKey, periodStart, shiftPeriod } from "@tandem/domain/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callerFor, errorCode, trpcError } from "../support/api";
import { createTestAuth } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";
import { createFixture, type Fixture, type Person } from "../support/workspace";

const GHOST = "00000000-0000-4000-8000-000000000000";

describe.each(DB_KINDS)("dashboards on %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let f: Fixture;
  let other: Fixture;
  let kpiId: string;
  const api = (p: Person) => callerFor(t.db, auth, p);
  const today = new Date().toISOString().slice(0, 10);
  const thisWeek = periodStart(today, "weekly");

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    f = await createFixture(t.db, auth, "dash");
    other = await createFixture(t.db, auth, "dash-other");
    const k = await (await api(f.iMember)).kpi.create({
      workspaceSlug: f.slug,
      name: "Availability",
      unit: "percent",
      direction: "higher",
      target: 99.9,
      atRisk: 99.5,
      cadence: "weekly",
      owner: "it",
      source: "entered",
    });
    kpiId = k.id;
    for (const n of [-2, -1, 0]) {
      await (await api(f.iMember)).kpi.record({
        workspaceSlug: f.slug,
        kpiId,
        period: periodKey(shiftPeriod(thisWeek, "weekly", n), "weekly"),
        value: 99.9 + n / 10,
      });
    }
  });
  afterAll(async () => t?.close());

  it("makes the first dashboard the shared one, keeps it, and lists it first", async () => {
    const a = await api(f.mMember);
    const shared = await a.dashboard.create({ workspaceSlug: f.slug, name: "Shared" });
    const mine = await a.dashboard.create({ workspaceSlug: f.slug, name: "Campaigns" });
    expect([shared.shared, mine.shared]).toEqual([true, false]);
    expect((await (await api(f.viewer)).dashboard.list({ workspaceSlug: f.slug })).map((d) => d.name)).toEqual(["Shared", "Campaigns"]);
    expect(await errorCode(a.dashboard.remove({ workspaceSlug: f.slug, dashboardId: shared.id }))).toBe("BAD_REQUEST");
    await a.dashboard.remove({ workspaceSlug: f.slug, dashboardId: mine.id });
    expect((await a.dashboard.list({ workspaceSlug: f.slug })).map((d) => d.name)).toEqual(["Shared"]);
  });

  it("adds, resizes, reorders and removes widgets, each a log entry, and serves their data in one request", async () => {
    const a = await api(f.iMember);
    const board = (await a.dashboard.list({ workspaceSlug: f.slug }))[0]!;
    const tile = await a.dashboard.addWidget({ workspaceSlug: f.slug, dashboardId: board.id, kind: "kpi_tile", config: { kpiId } });
    const line = await a.dashboard.addWidget({ workspaceSlug: f.slug, dashboardId: board.id, kind: "kpi_line", config: { kpiId }, width: 2, height: 2 });
    const matrix = await (await api(f.mLead)).dashboard.addWidget({ workspaceSlug: f.slug, dashboardId: board.id, kind: "health_matrix" });
    const feed = await a.dashboard.addWidget({ workspaceSlug: f.slug, dashboardId: board.id, kind: "feed_strip", config: { limit: 5 } });
    await a.dashboard.changeWidget({ workspaceSlug: f.slug, widgetId: tile.id, width: 2 });
    // Move the feed strip to the top: before the tile.
    await a.dashboard.moveWidget({ workspaceSlug: f.slug, widgetId: feed.id, beforeId: tile.id });
    const got = await (await api(f.viewer)).dashboard.get({ workspaceSlug: f.slug, dashboardId: board.id });
    expect(got.widgets.map((w) => [w.kind, w.width])).toEqual([
      ["feed_strip", 1],
      ["kpi_tile", 2],
      ["kpi_line", 2],
      ["health_matrix", 1],
    ]);

    const data = await (await api(f.viewer)).dashboard.data({
      workspaceSlug: f.slug,
      dashboardId: board.id,
      from: shiftPeriod(thisWeek, "weekly", -3),
      to: today,
    });
    const byId = new Map(data.map((d) => [d.widgetId, d.data]));
    const lineData = byId.get(line.id) as { series: { value: number | null; state: string | null }[] };
    expect(lineData.series.map((p) => p.value)).toEqual([null, 99.7, 99.8, 99.9].map((v) => (v === null ? null : expect.closeTo(v, 6))));
    expect(lineData.series.at(-1)!.state).toBe("on");
    expect((byId.get(feed.id) as { items: unknown[] }).items.length).toBeLessThanOrEqual(5);
    expect(byId.get(matrix.id)).toMatchObject({ kind: "health_matrix", projects: [] });

    await a.dashboard.removeWidget({ workspaceSlug: f.slug, widgetId: matrix.id });
    const log = await (await api(f.viewer)).log.list({ workspaceSlug: f.slug, limit: 7 });
    expect(log.entries.map((e) => e.action).reverse()).toEqual([
      "dashboard.widget_added",
      "dashboard.widget_added",
      "dashboard.widget_added",
      "dashboard.widget_added",
      "dashboard.widget_changed",
      "dashboard.widget_changed",
      "dashboard.widget_removed",
    ]);
    expect((await verifyWorkspaceLog(t.db, f.workspaceId)).ok).toBe(true);
  });

  it("refuses settings that don't fit the widget's kind, and ids of other workspaces, writing nothing", async () => {
    const a = await api(f.iMember);
    const board = (await a.dashboard.list({ workspaceSlug: f.slug }))[0]!;
    const before = (await a.dashboard.get({ workspaceSlug: f.slug, dashboardId: board.id })).widgets.length;
    const bad = [
      { kind: "kpi_tile", config: {} },
      { kind: "kpi_tile", config: { kpiId: "nope" } },
      { kind: "health_matrix", config: { kpiId } },
      { kind: "feed_strip", config: { limit: 500 } },
      { kind: "kpi_bar", config: { kpiId, by: "colour" } },
    ] as const;
    for (const w of bad) {
      const err = await trpcError(
        a.dashboard.addWidget({ workspaceSlug: f.slug, dashboardId: board.id, ...(w as unknown as { kind: "kpi_tile"; config: Record<string, unknown> }) }),
      );
      expect(err.code, JSON.stringify(w)).toBe("BAD_REQUEST");
      expect(err.message).toMatch(/settings don't fit/);
    }
    expect(await errorCode(a.dashboard.addWidget({ workspaceSlug: f.slug, dashboardId: board.id, kind: "kpi_tile", config: { kpiId: GHOST } }))).toBe(
      "NOT_FOUND",
    );
    expect(await errorCode(a.dashboard.addWidget({ workspaceSlug: f.slug, dashboardId: board.id, kind: "kpi_tile", config: { kpiId }, width: 9 }))).toBe(
      "BAD_REQUEST",
    );
    // Another workspace's member can't reach this dashboard, from either workspace.
    const o = await api(other.iLead);
    expect(await errorCode(o.dashboard.get({ workspaceSlug: other.slug, dashboardId: board.id }))).toBe("NOT_FOUND");
    expect(await errorCode(o.dashboard.get({ workspaceSlug: f.slug, dashboardId: board.id }))).toBe("NOT_FOUND");
    const otherBoard = await o.dashboard.create({ workspaceSlug: other.slug, name: "Theirs" });
    // This workspace's KPI on the other workspace's dashboard: not found there.
    expect(await errorCode(o.dashboard.addWidget({ workspaceSlug: other.slug, dashboardId: otherBoard.id, kind: "kpi_tile", config: { kpiId } }))).toBe(
      "NOT_FOUND",
    );
    expect((await a.dashboard.get({ workspaceSlug: f.slug, dashboardId: board.id })).widgets).toHaveLength(before);
  });

  it("lets leadership view but not edit", async () => {
    const ceo = await api(f.viewer);
    const board = (await ceo.dashboard.list({ workspaceSlug: f.slug }))[0]!;
    expect(await errorCode(ceo.dashboard.create({ workspaceSlug: f.slug, name: "Mine" }))).toBe("FORBIDDEN");
    expect(await errorCode(ceo.dashboard.addWidget({ workspaceSlug: f.slug, dashboardId: board.id, kind: "health_matrix" }))).toBe("FORBIDDEN");
    expect(await errorCode(ceo.dashboard.update({ workspaceSlug: f.slug, dashboardId: board.id, name: "x" }))).toBe("FORBIDDEN");
  });
});
