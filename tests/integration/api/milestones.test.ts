import type { Auth } from "@tandem/auth";
import { addMember } from "@tandem/db/queries";
import { verifyWorkspaceLog } from "@tandem/db/log";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callerFor, errorCode } from "../support/api";
import { createTestAuth, signUpUser } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";
import { createFixture, type Fixture, type Person } from "../support/workspace";

const GHOST = "00000000-0000-4000-8000-000000000000";

describe.each(DB_KINDS)("project milestones on %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let f: Fixture;
  let other: Fixture;
  /** Leadership with the admin role: still reads only. */
  let chair: Person;
  const api = (p: { headers: Headers }) => callerFor(t.db, auth, p as never);

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    f = await createFixture(t.db, auth, "ms");
    other = await createFixture(t.db, auth, "ms-other");
    const u = await signUpUser(auth, { name: "Chair ms", email: "chair@ms.test" });
    const m = await addMember(t.db, { workspaceId: f.workspaceId, userId: u.userId, side: "leadership", role: "admin" });
    chair = { ...u, memberId: m!.id, side: "leadership", role: "admin" };
  });
  afterAll(async () => t?.close());

  const newProject = async (fx: Fixture, name: string) =>
    (await api(fx.mLead)).project.create({
      workspaceSlug: fx.slug,
      name,
      sides: { marketing: { leadId: fx.mLead.memberId }, it: { leadId: fx.iLead.memberId } },
      memberIds: [fx.mMember.memberId, fx.iMember.memberId],
    });
  const headSeq = async () => (await (await api(f.viewer)).log.list({ workspaceSlug: f.slug, limit: 1 })).entries[0]!.seq;
  const actionsSince = async (seq: number) => (await (await api(f.viewer)).log.since({ workspaceSlug: f.slug, afterSeq: seq })).entries.map((e) => e.action);
  const nextOf = async (projectId: string) =>
    (await (await api(f.viewer)).project.list({ workspaceSlug: f.slug })).find((r) => r.project.id === projectId)!.nextMilestone;

  it("adds, reaches, reopens and removes milestones, one log entry each, with the next open one on the project list", async () => {
    const p = await newProject(f, "Milestones");
    expect(await nextOf(p.id)).toBeNull();
    const before = await headSeq();
    const a = await api(f.iMember);
    const beta = await a.milestone.add({ workspaceSlug: f.slug, projectId: p.id, title: "Beta live", dueOn: "2026-12-04" });
    const pilot = await a.milestone.add({ workspaceSlug: f.slug, projectId: p.id, title: "Pilot market", dueOn: "2026-12-01" });
    expect(beta).toMatchObject({ projectId: p.id, title: "Beta live", dueOn: "2026-12-04", reachedAt: null });
    // Listed by due date; the project list names the earliest open one (what /status shows).
    expect((await (await api(f.viewer)).milestone.list({ workspaceSlug: f.slug, projectId: p.id })).map((m) => m.title)).toEqual(["Pilot market", "Beta live"]);
    expect(await nextOf(p.id)).toEqual({ title: "Pilot market", dueOn: "2026-12-01" });

    const reached = await (await api(f.mLead)).milestone.setReached({ workspaceSlug: f.slug, milestoneId: pilot.id, reached: true });
    expect(reached.reachedAt).not.toBeNull();
    // Reaching it again changes nothing and writes nothing.
    await (await api(f.mLead)).milestone.setReached({ workspaceSlug: f.slug, milestoneId: pilot.id, reached: true });
    expect(await nextOf(p.id)).toEqual({ title: "Beta live", dueOn: "2026-12-04" });
    await a.milestone.setReached({ workspaceSlug: f.slug, milestoneId: pilot.id, reached: false });
    expect(await nextOf(p.id)).toEqual({ title: "Pilot market", dueOn: "2026-12-01" });
    await a.milestone.remove({ workspaceSlug: f.slug, milestoneId: pilot.id });
    expect(await nextOf(p.id)).toEqual({ title: "Beta live", dueOn: "2026-12-04" });
    expect((await a.milestone.list({ workspaceSlug: f.slug, projectId: p.id })).map((m) => m.id)).toEqual([beta.id]);

    expect(await actionsSince(before)).toEqual(["milestone.added", "milestone.added", "milestone.reached", "milestone.reopened", "milestone.removed"]);
    // The feed tells leadership what was added and reached; reopening or removing is not news.
    const feed = await (await api(chair)).feed.list({ workspaceSlug: f.slug, filter: { kind: "milestone", projectId: p.id } });
    expect(feed.items.map((i) => `${i.action} ${i.summary.label}`)).toEqual([
      "milestone.reached Pilot market",
      "milestone.added Pilot market",
      "milestone.added Beta live",
      "project.created Milestones",
    ]);
  });

  it("lets leadership and viewers read milestones but not change them", async () => {
    const p = await newProject(f, "Read only");
    const m = await (await api(f.mLead)).milestone.add({ workspaceSlug: f.slug, projectId: p.id, title: "Launch", dueOn: "2026-12-10" });
    for (const who of [chair, f.viewer]) {
      const a = await api(who);
      expect(await a.milestone.list({ workspaceSlug: f.slug, projectId: p.id })).toHaveLength(1);
      expect(await errorCode(a.milestone.add({ workspaceSlug: f.slug, projectId: p.id, title: "Mine", dueOn: "2026-12-11" })), who.name).toBe("FORBIDDEN");
      expect(await errorCode(a.milestone.update({ workspaceSlug: f.slug, milestoneId: m.id, title: "Theirs now" })), who.name).toBe("FORBIDDEN");
      expect(await errorCode(a.milestone.setReached({ workspaceSlug: f.slug, milestoneId: m.id, reached: true })), who.name).toBe("FORBIDDEN");
      expect(await errorCode(a.milestone.remove({ workspaceSlug: f.slug, milestoneId: m.id })), who.name).toBe("FORBIDDEN");
    }
    expect((await (await api(f.viewer)).milestone.list({ workspaceSlug: f.slug, projectId: p.id }))[0]).toMatchObject({ title: "Launch", reachedAt: null });
  });

  it("renames and re-dates a milestone with one entry of what changed; the feed tells the new date, not the new name", async () => {
    const p = await newProject(f, "Moving dates");
    const a = await api(f.iLead);
    const m = await a.milestone.add({ workspaceSlug: f.slug, projectId: p.id, title: "Beta", dueOn: "2026-12-04" });
    const before = await headSeq();
    expect(await a.milestone.update({ workspaceSlug: f.slug, milestoneId: m.id, title: "Public beta" })).toMatchObject({
      title: "Public beta",
      dueOn: "2026-12-04",
    });
    expect(await a.milestone.update({ workspaceSlug: f.slug, milestoneId: m.id, dueOn: "2026-12-11" })).toMatchObject({
      title: "Public beta",
      dueOn: "2026-12-11",
    });
    // The same values again: nothing to log.
    await a.milestone.update({ workspaceSlug: f.slug, milestoneId: m.id, title: "Public beta", dueOn: "2026-12-11" });
    const { entries } = await (await api(f.viewer)).log.since({ workspaceSlug: f.slug, afterSeq: before });
    expect(entries.map((e) => [e.action, e.summary.before, e.summary.after])).toEqual([
      ["milestone.updated", { title: "Beta" }, { title: "Public beta" }],
      ["milestone.updated", { dueOn: "2026-12-04" }, { dueOn: "2026-12-11" }],
    ]);
    expect(await nextOf(p.id)).toEqual({ title: "Public beta", dueOn: "2026-12-11" });
    const feed = await (await api(chair)).feed.list({ workspaceSlug: f.slug, filter: { kind: "milestone", projectId: p.id } });
    expect(feed.items.map((i) => i.action)).toEqual(["milestone.updated", "milestone.added", "project.created"]);
    expect(feed.items[0]!.summary.after).toEqual({ dueOn: "2026-12-11" });
    expect(await errorCode(a.milestone.update({ workspaceSlug: f.slug, milestoneId: m.id, title: " " }))).toBe("BAD_REQUEST");
    expect(await errorCode(a.milestone.update({ workspaceSlug: f.slug, milestoneId: m.id, dueOn: "2026-13-01" }))).toBe("BAD_REQUEST");
    expect(await errorCode(a.milestone.update({ workspaceSlug: f.slug, milestoneId: GHOST, title: "Ghost" }))).toBe("NOT_FOUND");
  });

  it("refuses bad input and another workspace's projects and milestones", async () => {
    const p = await newProject(f, "Bad input");
    const elsewhere = await newProject(other, "Elsewhere");
    const theirs = await (await api(other.mLead)).milestone.add({ workspaceSlug: other.slug, projectId: elsewhere.id, title: "Theirs", dueOn: "2026-12-01" });
    const a = await api(f.mLead);
    for (const bad of [
      { title: "", dueOn: "2026-12-01" },
      { title: "   ", dueOn: "2026-12-01" },
      { title: "x".repeat(201), dueOn: "2026-12-01" },
      { title: "Nul \u0000 byte", dueOn: "2026-12-01" },
      { title: "No date", dueOn: "" },
      { title: "Not a day", dueOn: "2026-02-30" },
      { title: "Not a date", dueOn: "next week" },
    ]) {
      expect(await errorCode(a.milestone.add({ workspaceSlug: f.slug, projectId: p.id, ...bad })), JSON.stringify(bad)).toBe("BAD_REQUEST");
    }
    expect(await errorCode(a.milestone.add({ workspaceSlug: f.slug, projectId: elsewhere.id, title: "Sneaky", dueOn: "2026-12-01" }))).toBe("NOT_FOUND");
    expect(await errorCode(a.milestone.add({ workspaceSlug: f.slug, projectId: GHOST, title: "Ghost", dueOn: "2026-12-01" }))).toBe("NOT_FOUND");
    expect(await errorCode(a.milestone.setReached({ workspaceSlug: f.slug, milestoneId: theirs.id, reached: true }))).toBe("NOT_FOUND");
    expect(await errorCode(a.milestone.remove({ workspaceSlug: f.slug, milestoneId: theirs.id }))).toBe("NOT_FOUND");
    expect(await errorCode(a.milestone.update({ workspaceSlug: f.slug, milestoneId: theirs.id, title: "Mine now" }))).toBe("NOT_FOUND");
    expect(await a.milestone.list({ workspaceSlug: f.slug, projectId: elsewhere.id })).toEqual([]);
    expect((await (await api(other.viewer)).milestone.list({ workspaceSlug: other.slug, projectId: elsewhere.id }))[0]).toMatchObject({
      title: "Theirs",
      reachedAt: null,
    });
    expect(await a.milestone.list({ workspaceSlug: f.slug, projectId: p.id })).toEqual([]);
  });

  it("leaves a chain that verifies after all of the above", async () => {
    expect((await verifyWorkspaceLog(t.db, f.workspaceId)).ok).toBe(true);
  });
});
