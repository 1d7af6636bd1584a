import type { Auth } from "@tandem/auth";
import { kpiComputedState } from "@tandem/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callerFor } from "../support/api";
import { createTestAuth } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";
import { createFixture, type Fixture, type Person } from "../support/workspace";

describe.each(DB_KINDS)("off-target alerts for computed KPIs on %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let f: Fixture;
  let other: Fixture;
  const api = (p: Person) => callerFor(t.db, auth, p);

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    f = await createFixture(t.db, auth, "kpi-alerts");
    other = await createFixture(t.db, auth, "kpi-alerts-other");
  });
  afterAll(async () => t?.close());

  const newProject = async (w: Fixture, name: string) =>
    (await api(w.mLead)).project.create({
      workspaceSlug: w.slug,
      name,
      sides: { marketing: { leadId: w.mLead.memberId }, it: { leadId: w.iLead.memberId } },
    });
  /** A computed KPI both sides signed: tasks finished this week, on target at `target` or more, off below it. */
  const agreedThroughput = async (w: Fixture, over: { name: string; projectId: string; target: number; sign?: boolean }) => {
    const k = await (await api(w.iMember)).kpi.create({
      workspaceSlug: w.slug,
      name: over.name,
      unit: "count",
      direction: "higher",
      target: over.target,
      atRisk: over.target,
      cadence: "weekly",
      owner: "it",
      source: "computed",
      formula: { metric: "throughput", projectId: over.projectId },
    });
    if (over.sign !== false) {
      await (await api(w.mLead)).kpi.sign({ workspaceSlug: w.slug, kpiId: k.id, version: 1 });
      await (await api(w.iLead)).kpi.sign({ workspaceSlug: w.slug, kpiId: k.id, version: 1 });
    }
    return k;
  };
  const alertsOf = async (w: Fixture, kpiId: string) =>
    (await (await api(w.viewer)).log.list({ workspaceSlug: w.slug, limit: 200 })).entries.filter((e) => e.action === "kpi.off_target" && e.entityId === kpiId);
  const inboxOf = async (w: Fixture, p: Person, kpiId: string) =>
    (await (await api(p)).inbox.list({ workspaceSlug: w.slug })).filter((n) => n.kind === "kpi_off_target" && n.kpiId === kpiId);

  it("alerts once per crossing into off target as tasks are done and reopened, and keeps where it stood in the database", async () => {
    const project = await newProject(f, "Alerts");
    const k = await agreedThroughput(f, { name: "Tasks finished", projectId: project.id, target: 2 });
    const member = await api(f.iMember);
    const task = async (title: string) => (await member.task.create({ workspaceSlug: f.slug, projectId: project.id, title, side: "it" })).id;
    const move = async (taskId: string, status: "done" | "in_progress") => member.task.move({ workspaceSlug: f.slug, taskId, status });
    const [a, b, c] = [await task("A"), await task("B"), await task("C")];

    // The week starts with nothing finished, below the target: that is where it starts, not a crossing.
    await move(a, "done");
    expect(await alertsOf(f, k.id)).toHaveLength(0);
    const stored = async () => (await t.db.select().from(kpiComputedState).where(eq(kpiComputedState.kpiId, k.id)))[0];
    expect(await stored()).toMatchObject({ state: "off", kpiVersion: 1 });

    // Two done: on target. A reopen takes it off: one alert.
    await move(b, "done");
    expect(await stored()).toMatchObject({ state: "on", value: 2 });
    expect(await alertsOf(f, k.id)).toHaveLength(0);
    await move(b, "in_progress");
    const first = await alertsOf(f, k.id);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ actorName: "Tandem", actorId: null, summary: { label: "Tasks finished", after: { value: 1, target: 2 } } });

    // Still off (another reopen, another task): no second alert.
    await move(a, "in_progress");
    await task("D");
    expect(await alertsOf(f, k.id)).toHaveLength(1);

    // Back on, then off again: a second crossing, a second alert.
    await move(a, "done");
    await move(c, "done");
    expect(await stored()).toMatchObject({ state: "on" });
    await move(c, "in_progress");
    expect(await alertsOf(f, k.id)).toHaveLength(2);

    // The owning side's lead and admin are told each time; the other side's lead is not.
    expect(await inboxOf(f, f.iLead, k.id)).toHaveLength(2);
    expect(await inboxOf(f, f.admin, k.id)).toHaveLength(2);
    expect(await inboxOf(f, f.mLead, k.id)).toHaveLength(0);
    // The alert is news for leadership's feed, in words.
    const feed = await (await api(f.viewer)).feed.list({ workspaceSlug: f.slug, filter: { kind: "kpi" } });
    expect(feed.items.filter((i) => i.entityId === k.id && i.action === "kpi.off_target")).toHaveLength(2);
  });

  it("leaves drafts, retired KPIs and other workspaces alone", async () => {
    const project = await newProject(f, "Quiet");
    const draft = await agreedThroughput(f, { name: "Draft throughput", projectId: project.id, target: 1, sign: false });
    const retired = await agreedThroughput(f, { name: "Retired throughput", projectId: project.id, target: 1 });
    await (await api(f.iLead)).kpi.retire({ workspaceSlug: f.slug, kpiId: retired.id, reason: "Replaced" });
    const elsewhere = await newProject(other, "Elsewhere");
    const theirs = await agreedThroughput(other, { name: "Their throughput", projectId: elsewhere.id, target: 1 });

    const member = await api(f.iMember);
    const id = (await member.task.create({ workspaceSlug: f.slug, projectId: project.id, title: "Once", side: "it" })).id;
    await member.task.move({ workspaceSlug: f.slug, taskId: id, status: "done" });
    await member.task.move({ workspaceSlug: f.slug, taskId: id, status: "in_progress" });

    for (const k of [draft, retired]) expect(await alertsOf(f, k.id)).toHaveLength(0);
    expect(await alertsOf(other, theirs.id)).toHaveLength(0);
    const states = await t.db.select().from(kpiComputedState);
    expect(states.map((s) => s.kpiId)).not.toContain(draft.id);
    expect(states.map((s) => s.kpiId)).not.toContain(retired.id);
    expect(states.map((s) => s.kpiId)).not.toContain(theirs.id);
  });
});
