import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";

import type { RealtimeNotifier } from "@tandem/api";
import type { SessionRevoked } from "@tandem/realtime-contract";

import type { Fixture, Person } from "../support/workspace";
import { nextEvent, settle } from "./harness";
import { apiAs, notifierFor, recordDashboardPresence } from "./log-harness";
import { realtimeSuite } from "./suite";

const UNKNOWN = "6f1c1a8e-2b0a-4c41-9a57-000000000000";

describe("dashboard presence (postgres)", () => {
  const s = realtimeSuite("postgres", { slugs: ["dp-a", "dp-b"] });
  let a: Fixture;
  let b: Fixture;
  let notifier: RealtimeNotifier;
  const api = (p: Person) => apiAs(s.t.db, s.auth, p, notifier);
  beforeAll(() => {
    [a, b] = s.fixtures as [Fixture, Fixture];
    notifier = notifierFor(s.node);
  });

  const watch = async (p: Person) => {
    const c = await s.clients.connect(s.node, { cookie: p.cookie });
    return { ...c, boards: recordDashboardPresence(c.client) };
  };
  const newDashboard = async (f: Fixture, name: string) => (await api(f.mLead)).dashboard.create({ workspaceSlug: f.slug, name });
  const ids = (st: { viewers: { userId: string }[] }) => st.viewers.map((v) => v.userId).sort();

  it("shows who has a dashboard open, one entry per user however many tabs, and their leaving", async () => {
    const board = await newDashboard(a, "Shared");
    const cmo = await watch(a.mLead);
    const ceo = await watch(a.viewer);

    expect(await cmo.client.emitWithAck("dashboard.view", { dashboardId: board.id })).toEqual({
      ok: true,
      data: { dashboardId: board.id, viewers: [{ userId: a.mLead.userId, name: a.mLead.name, side: "marketing" }] },
    });
    // Leadership reads every dashboard, so it may be seen looking at one.
    expect(await ceo.client.emitWithAck("dashboard.view", { dashboardId: board.id })).toMatchObject({ ok: true });
    const both = await cmo.boards.waitFor(board.id, (st) => st.viewers.length === 2);
    expect(both.viewers.find((v) => v.userId === a.viewer.userId)).toEqual({ userId: a.viewer.userId, name: a.viewer.name, side: "leadership" });

    // A second tab of the CEO: still one entry; closing it leaves the first.
    const ceoTab2 = await watch(a.viewer);
    await ceoTab2.client.emitWithAck("dashboard.view", { dashboardId: board.id });
    await s.node.realtime.presenceIdle();
    expect(ids(cmo.boards.latest(board.id)!)).toEqual([a.mLead.userId, a.viewer.userId].sort());
    ceoTab2.client.disconnect();
    await settle(200);
    expect(ids(cmo.boards.latest(board.id)!)).toEqual([a.mLead.userId, a.viewer.userId].sort());

    expect(await ceo.client.emitWithAck("dashboard.leave", { dashboardId: board.id })).toEqual({ ok: true, data: null });
    await cmo.boards.waitFor(board.id, (st) => st.viewers.length === 1);
    // Back, then gone with the socket.
    await ceo.client.emitWithAck("dashboard.view", { dashboardId: board.id });
    await cmo.boards.waitFor(board.id, (st) => st.viewers.length === 2);
    ceo.client.disconnect();
    const alone = await cmo.boards.waitFor(board.id, (st) => st.viewers.length === 1);
    expect(ids(alone)).toEqual([a.mLead.userId]);
  });

  it("moving to another dashboard leaves the first; a project open meanwhile stays open", async () => {
    const first = await newDashboard(a, "First");
    const second = await newDashboard(a, "Second");
    const project = await (await api(a.mLead)).project.create({
      workspaceSlug: a.slug,
      name: "Beside the dashboard",
      sides: { marketing: { leadId: a.mLead.memberId }, it: { leadId: a.iLead.memberId } },
    });
    const watcher = await watch(a.iLead);
    await watcher.client.emitWithAck("dashboard.view", { dashboardId: first.id });
    const mover = await watch(a.iMember);
    await mover.client.emitWithAck("project.view", { projectId: project.id });
    await mover.client.emitWithAck("dashboard.view", { dashboardId: first.id });
    await watcher.boards.waitFor(first.id, (st) => st.viewers.length === 2);

    expect(await mover.client.emitWithAck("dashboard.view", { dashboardId: second.id })).toMatchObject({ ok: true, data: { dashboardId: second.id } });
    await watcher.boards.waitFor(first.id, (st) => st.viewers.length === 1);
    expect(mover.boards.latest(second.id)?.viewers.map((v) => v.userId)).toEqual([a.iMember.userId]);
    // Leaving a dashboard one isn't viewing changes nothing.
    expect(await mover.client.emitWithAck("dashboard.leave", { dashboardId: first.id })).toEqual({ ok: true, data: null });
    // The project the mover opened before is still open: the watcher, opening it, finds them there.
    const projectNow = await watcher.client.emitWithAck("project.view", { projectId: project.id });
    expect(projectNow.ok && projectNow.data.viewers.map((v) => v.userId).sort()).toEqual([a.iLead.userId, a.iMember.userId].sort());
  });

  it("refuses a dashboard of another workspace, an unknown one and malformed requests, and never adds the socket to that room", async () => {
    const secret = await newDashboard(a, "Secret");
    const insider = await watch(a.iLead);
    await insider.client.emitWithAck("dashboard.view", { dashboardId: secret.id });
    const outsider = await watch(b.mLead);

    expect(await outsider.client.emitWithAck("dashboard.view", { dashboardId: secret.id })).toEqual({ ok: false, error: "not found" });
    expect(await outsider.client.emitWithAck("dashboard.view", { dashboardId: UNKNOWN })).toEqual({ ok: false, error: "not found" });
    const raw = outsider.client.emitWithAck.bind(outsider.client) as (e: string, p: unknown) => Promise<unknown>;
    for (const bad of [{ dashboardId: "nope" }, {}, null, 7, { dashboardId: secret.id.toUpperCase().replace(/-/g, "") }]) {
      expect(await raw("dashboard.view", bad), JSON.stringify(bad)).toEqual({ ok: false, error: "invalid request" });
    }
    expect(await raw("dashboard.leave", { dashboardId: 1 })).toEqual({ ok: false, error: "invalid request" });

    // The insider's presence changes; the outsider must hear none of it.
    await insider.client.emitWithAck("dashboard.leave", { dashboardId: secret.id });
    await insider.client.emitWithAck("dashboard.view", { dashboardId: secret.id });
    await settle(300);
    expect(outsider.boards.states).toEqual([]);
  });

  it("drops a member removed from the workspace from the dashboard at once, and tells them nothing more about it", async () => {
    const board = await newDashboard(a, "Removal");
    const lead = await watch(a.mLead);
    const leaving = await watch(a.iMember);
    await lead.client.emitWithAck("dashboard.view", { dashboardId: board.id });
    await leaving.client.emitWithAck("dashboard.view", { dashboardId: board.id });
    await lead.boards.waitFor(board.id, (st) => st.viewers.length === 2);

    const revoked = nextEvent<SessionRevoked>(leaving.client, "session.revoked");
    await (await api(a.admin)).member.remove({ workspaceSlug: a.slug, memberId: a.iMember.memberId });
    expect((await revoked).workspaceId).toBe(a.workspaceId);
    const before = leaving.boards.states.length;
    const seen = await lead.boards.waitFor(board.id, (st) => st.viewers.length === 1);
    expect(ids(seen)).toEqual([a.mLead.userId]);
    await lead.client.emitWithAck("dashboard.leave", { dashboardId: board.id });
    await lead.client.emitWithAck("dashboard.view", { dashboardId: board.id });
    await settle(300);
    expect(leaving.boards.states.slice(before)).toEqual([]);
  });

  it("lets a socket view a dashboard exactly when it belongs to one of its workspaces (property)", async () => {
    const boards = { a: await newDashboard(a, "Prop A"), b: await newDashboard(b, "Prop B") };
    const people = { a: [a.mLead, a.iLead, a.mMember, a.viewer], b: [b.mLead, b.iMember, b.viewer] };
    const sockets = new Map<Person, Awaited<ReturnType<typeof watch>>>();
    const socketOf = async (p: Person) => sockets.get(p) ?? sockets.set(p, await watch(p)).get(p)!;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("a", "b" as const), fc.nat(3), fc.constantFrom("a", "b", "unknown" as const), async (home, i, whose) => {
        const person = people[home][i % people[home].length]!;
        const c = await socketOf(person);
        const dashboardId = whose === "unknown" ? UNKNOWN : boards[whose].id;
        const res = await c.client.emitWithAck("dashboard.view", { dashboardId });
        if (whose === home) {
          expect(res.ok).toBe(true);
          expect(res.ok && res.data.viewers.some((v) => v.userId === person.userId)).toBe(true);
          // No one of the other workspace is ever among its viewers.
          const strangers = new Set(people[home === "a" ? "b" : "a"].map((p) => p.userId));
          expect(res.ok && res.data.viewers.some((v) => strangers.has(v.userId))).toBe(false);
        } else {
          expect(res).toEqual({ ok: false, error: "not found" });
        }
      }),
      { numRuns: 60 },
    );
  });
});
