import type { Auth } from "@tandem/auth";
import { addMember } from "@tandem/db/queries";
import { project as projectTable } from "@tandem/db/schema";
import { verifyWorkspaceLog } from "@tandem/db/log";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callerFor, errorCode } from "../support/api";
import { createTestAuth, signUpUser } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";
import { createFixture, type Fixture, type Person } from "../support/workspace";

const DAY = 86_400_000;
const GHOST = "00000000-0000-4000-8000-000000000000";

describe.each(DB_KINDS)("check-ins and the digest on %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let f: Fixture;
  /** Leadership with the admin role: still reads only. */
  let chair: Person;
  const api = (p: { headers: Headers }) => callerFor(t.db, auth, p as never);

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    f = await createFixture(t.db, auth, "ci");
    const u = await signUpUser(auth, { name: "Chair ci", email: "chair@ci.test" });
    const m = await addMember(t.db, { workspaceId: f.workspaceId, userId: u.userId, side: "leadership", role: "admin" });
    chair = { ...u, memberId: m!.id, side: "leadership", role: "admin" };
  });
  afterAll(async () => t?.close());

  const newProject = async (name: string, extra: { checkInCadenceDays?: number } = {}) => {
    const p = await (await api(f.mLead)).project.create({
      workspaceSlug: f.slug,
      name,
      sides: { marketing: { leadId: f.mLead.memberId }, it: { leadId: f.iLead.memberId } },
      memberIds: [f.mMember.memberId, f.iMember.memberId],
    });
    if (extra.checkInCadenceDays)
      await (await api(f.mLead)).project.update({ workspaceSlug: f.slug, projectId: p.id, checkInCadenceDays: extra.checkInCadenceDays });
    return p;
  };
  const checkIn = (who: Person, projectId: string, over: Partial<{ health: "on_track" | "at_risk" | "off_track"; headline: string; moved: string }> = {}) =>
    api(who).then((a) =>
      a.checkIn.create({
        workspaceSlug: f.slug,
        projectId,
        health: "on_track",
        headline: "Copy approved",
        moved: "Drafts done",
        risks: "",
        asks: "Staging URL",
        decisions: "",
        ...over,
      }),
    );
  /** Moves a project's start back, as if it had been created `days` ago. */
  const backdate = (projectId: string, days: number) =>
    t.db
      .update(projectTable)
      .set({ createdAt: new Date(Date.now() - days * DAY) })
      .where(eq(projectTable.id, projectId));

  it("lets only the project's two leads check in, each for their own side", async () => {
    const p = await newProject("Who checks in");
    const other = await (await api(f.iLead)).project.create({
      workspaceSlug: f.slug,
      name: "Another",
      sides: { marketing: { leadId: f.mMember.memberId }, it: { leadId: f.iMember.memberId } },
    });
    // A member on each side, an admin who leads nothing here, leadership (viewer and admin).
    for (const who of [f.mMember, f.iMember, f.admin, f.viewer, chair]) {
      expect(await errorCode(checkIn(who, p.id)), `${who.name} checking in`).toBe("FORBIDDEN");
    }
    // The members refused here lead the other project, and check in there.
    await checkIn(f.mMember, other.id);
    await checkIn(f.iMember, other.id);
    await checkIn(f.mLead, p.id);
    await checkIn(f.iLead, p.id, { health: "at_risk", headline: "Vendor late" });
    const list = await (await api(f.viewer)).checkIn.list({ workspaceSlug: f.slug, projectId: p.id });
    expect(list.items).toHaveLength(2);
    expect(list.latest.marketing).toMatchObject({
      side: "marketing",
      health: "on_track",
      authorId: f.mLead.memberId,
      authorName: f.mLead.name,
      asks: "Staging URL",
    });
    expect(list.latest.it).toMatchObject({ side: "it", health: "at_risk", authorId: f.iLead.memberId });
  });

  it("keeps leadership, admin or not, from editing shared work", async () => {
    const p = await newProject("Leadership reads");
    const task = await (await api(f.mMember)).task.create({ workspaceSlug: f.slug, projectId: p.id, title: "Copy", side: "marketing" });
    for (const who of [chair, f.viewer]) {
      const a = await api(who);
      expect(await errorCode(a.project.update({ workspaceSlug: f.slug, projectId: p.id, name: "Renamed" }))).toBe("FORBIDDEN");
      expect(await errorCode(a.project.update({ workspaceSlug: f.slug, projectId: p.id, checkInCadenceDays: 14 }))).toBe("FORBIDDEN");
      expect(await errorCode(a.task.create({ workspaceSlug: f.slug, projectId: p.id, title: "x", side: "it" }))).toBe("FORBIDDEN");
      expect(await errorCode(a.task.move({ workspaceSlug: f.slug, taskId: task.id, status: "done" }))).toBe("FORBIDDEN");
    }
    const got = await (await api(f.viewer)).project.get({ workspaceSlug: f.slug, projectId: p.id });
    expect(got.project).toMatchObject({ name: "Leadership reads", checkInCadenceDays: 7 });
  });

  it("writes exactly one log entry per check-in and sets that side's health from it", async () => {
    const p = await newProject("One entry");
    const before = (await (await api(f.viewer)).log.list({ workspaceSlug: f.slug, limit: 1 })).entries[0]!.seq;
    const posted = await checkIn(f.iLead, p.id, { health: "off_track", headline: "Tag vendor's API still in beta" });
    const { entries } = await (await api(f.viewer)).log.since({ workspaceSlug: f.slug, afterSeq: before });
    expect(entries.map((e) => e.action)).toEqual(["check_in.posted"]);
    expect(entries[0]).toMatchObject({ entityType: "check_in", entityId: posted.id, projectId: p.id });
    expect(entries[0]!.summary.after).toMatchObject({
      checkInId: posted.id,
      health: "off_track",
      headline: "Tag vendor's API still in beta",
      moved: "Drafts done",
    });
    const got = await (await api(f.mMember)).project.get({ workspaceSlug: f.slug, projectId: p.id });
    expect(got.sides).toMatchObject({ it: { health: "off_track", healthReason: "Tag vendor's API still in beta" }, marketing: { health: null } });
  });

  it("reports each lead as ok, due or overdue on the project's cadence", async () => {
    const p = await newProject("Cadence", { checkInCadenceDays: 2 });
    const status = async (who: Person) => (await api(who)).checkIn.status({ workspaceSlug: f.slug });
    const mine = (s: Awaited<ReturnType<typeof status>>, side: "marketing" | "it") => s.all.find((x) => x.projectId === p.id && x.side === side)!;

    // Just started, two days to go: nobody is due.
    let s = await status(f.viewer);
    expect([mine(s, "marketing").state, mine(s, "it").state]).toEqual(["ok", "ok"]);

    // Started a day and a half ago: due within the day.
    await backdate(p.id, 1.5);
    s = await status(f.viewer);
    expect(mine(s, "it")).toMatchObject({ state: "due", leadId: f.iLead.memberId, lastAt: null, daysSinceUpdate: 1 });

    // Started three days ago; marketing checks in now, IT stays quiet.
    await backdate(p.id, 3);
    await checkIn(f.mLead, p.id);
    s = await status(f.viewer);
    expect(mine(s, "marketing")).toMatchObject({ state: "ok", daysSinceUpdate: 0 });
    expect(mine(s, "it")).toMatchObject({ state: "overdue", daysSinceUpdate: 3 });
    // `mine` is the caller's own due and overdue ones only.
    expect((await status(f.iLead)).mine.map((x) => `${x.projectId}:${x.side}`)).toContain(`${p.id}:it`);
    expect((await status(f.mLead)).mine.map((x) => x.projectId)).not.toContain(p.id);
    expect((await status(f.viewer)).mine).toEqual([]);

    // A longer cadence puts IT back on time.
    await (await api(f.iLead)).project.update({ workspaceSlug: f.slug, projectId: p.id, checkInCadenceDays: 30 });
    expect(mine(await status(f.viewer), "it").state).toBe("ok");

    // The digest lists the overdue ones as missing.
    await (await api(f.iLead)).project.update({ workspaceSlug: f.slug, projectId: p.id, checkInCadenceDays: 2 });
    const digest = await (await api(f.viewer)).feed.digest({ workspaceSlug: f.slug });
    expect(digest.missingCheckIns.filter((m) => m.projectId === p.id).map((m) => m.side)).toEqual(["it"]);
  });

  it("groups the digest's projects by the worse of the two healths and lists overdue tasks by side", async () => {
    const offTrack = await newProject("Digest off track");
    const atRisk = await newProject("Digest at risk");
    const onTrack = await newProject("Digest on track");
    const unknown = await newProject("Digest unknown");
    await checkIn(f.mLead, offTrack.id, { health: "on_track", headline: "Fine by us" });
    await checkIn(f.iLead, offTrack.id, { health: "off_track", headline: "Platform down" });
    await checkIn(f.mLead, atRisk.id, { health: "at_risk", headline: "Copy late" });
    await checkIn(f.mLead, onTrack.id, { health: "on_track", headline: "Good" });
    await checkIn(f.iLead, onTrack.id, { health: "on_track", headline: "Good too" });

    const m = await api(f.mMember);
    await m.task.create({
      workspaceSlug: f.slug,
      projectId: offTrack.id,
      title: "Late copy",
      side: "marketing",
      assigneeId: f.mMember.memberId,
      dueDate: "2020-01-01",
    });
    await m.task.create({ workspaceSlug: f.slug, projectId: atRisk.id, title: "Late CMP", side: "it", dueDate: "2020-01-02" });
    await m.task.create({ workspaceSlug: f.slug, projectId: atRisk.id, title: "Future work", side: "it", dueDate: "2999-01-01" });
    const done = await m.task.create({ workspaceSlug: f.slug, projectId: onTrack.id, title: "Late but done", side: "marketing", dueDate: "2020-01-03" });
    await m.task.move({ workspaceSlug: f.slug, taskId: done.id, status: "done" });

    const d = await (await api(f.viewer)).feed.digest({ workspaceSlug: f.slug });
    const ids = (k: keyof typeof d.byHealth) => d.byHealth[k].map((x) => x.id);
    expect(ids("off_track")).toContain(offTrack.id);
    expect(ids("at_risk")).toContain(atRisk.id);
    expect(ids("on_track")).toContain(onTrack.id);
    expect(ids("unknown")).toContain(unknown.id);
    for (const k of ["on_track", "at_risk", "unknown"] as const) expect(ids(k)).not.toContain(offTrack.id);

    const off = d.byHealth.off_track.find((x) => x.id === offTrack.id)!;
    expect(off).toMatchObject({ sides: { marketing: { health: "on_track" }, it: { health: "off_track" } }, disagree: true, overdueTasks: 1 });
    // This week's changes, as readable lines, newest first.
    expect(off.changes.map((c) => c.line)).toEqual([
      expect.stringMatching(/checked in on ‘Digest off track’ for IT: Off track/),
      expect.stringMatching(/checked in on ‘Digest off track’ for marketing: On track/),
      expect.stringMatching(/created the project ‘Digest off track’/),
    ]);
    expect(off.changes.map((c) => c.seq)).toEqual([...off.changes.map((c) => c.seq)].sort((a, b) => b - a));
    expect(d.disagreements.find((x) => x.id === offTrack.id)).toMatchObject({
      sides: { marketing: { healthReason: "Fine by us" }, it: { healthReason: "Platform down" } },
    });
    expect(d.disagreements.map((x) => x.id)).not.toContain(onTrack.id);

    expect(d.overdueBySide.marketing.map((x) => x.title)).toContain("Late copy");
    expect(d.overdueBySide.marketing.find((x) => x.title === "Late copy")).toMatchObject({
      projectId: offTrack.id,
      projectName: "Digest off track",
      dueDate: "2020-01-01",
      assigneeName: f.mMember.name,
    });
    expect(d.overdueBySide.it.map((x) => x.title)).toContain("Late CMP");
    const all = [...d.overdueBySide.marketing, ...d.overdueBySide.it].map((x) => x.title);
    expect(all).not.toContain("Future work");
    expect(all).not.toContain("Late but done");
    expect(d.overdueBySide.it.map((x) => x.title)).not.toContain("Late copy");
  });

  it("answers invalid check-in and project input with BAD_REQUEST or NOT_FOUND, never a server error", async () => {
    const p = await newProject("Invalid");
    const a = await api(f.mLead);
    const ok = { workspaceSlug: f.slug, projectId: p.id, health: "on_track" as const, headline: "Fine" };
    const cases: [() => Promise<unknown>, string][] = [
      [() => a.checkIn.create({ ...ok, health: "great" as never }), "BAD_REQUEST"],
      [() => a.checkIn.create({ ...ok, headline: "" }), "BAD_REQUEST"],
      [() => a.checkIn.create({ ...ok, headline: "   " }), "BAD_REQUEST"],
      [() => a.checkIn.create({ ...ok, headline: 42 as never }), "BAD_REQUEST"],
      [() => a.checkIn.create({ ...ok, headline: "x".repeat(201) }), "BAD_REQUEST"],
      [() => a.checkIn.create({ ...ok, moved: "x".repeat(5000) }), "BAD_REQUEST"],
      [() => a.checkIn.create({ ...ok, risks: "x".repeat(5000) }), "BAD_REQUEST"],
      [() => a.checkIn.create({ ...ok, asks: "x".repeat(5000) }), "BAD_REQUEST"],
      [() => a.checkIn.create({ ...ok, decisions: "x".repeat(5000) }), "BAD_REQUEST"],
      [() => a.checkIn.create({ ...ok, moved: "nul\u0000" }), "BAD_REQUEST"],
      [() => a.checkIn.create({ ...ok, moved: ["a"] as never }), "BAD_REQUEST"],
      [() => a.checkIn.create({ ...ok, projectId: "nope" }), "BAD_REQUEST"],
      [() => a.checkIn.create({ ...ok, projectId: GHOST }), "NOT_FOUND"],
      [() => a.checkIn.list({ workspaceSlug: f.slug, projectId: "nope" }), "BAD_REQUEST"],
      [() => a.checkIn.list({ workspaceSlug: f.slug, projectId: GHOST }), "NOT_FOUND"],
      [() => a.project.update({ workspaceSlug: f.slug, projectId: p.id, checkInCadenceDays: 0 }), "BAD_REQUEST"],
      [() => a.project.update({ workspaceSlug: f.slug, projectId: p.id, checkInCadenceDays: 91 }), "BAD_REQUEST"],
      [() => a.project.update({ workspaceSlug: f.slug, projectId: p.id, checkInCadenceDays: 2.5 }), "BAD_REQUEST"],
      [() => a.project.update({ workspaceSlug: f.slug, projectId: p.id, checkInCadenceDays: "7" as never }), "BAD_REQUEST"],
      [() => a.project.update({ workspaceSlug: f.slug, projectId: p.id, name: "" }), "BAD_REQUEST"],
      [() => a.project.update({ workspaceSlug: f.slug, projectId: p.id, outcome: "x".repeat(501) }), "BAD_REQUEST"],
      [() => a.project.update({ workspaceSlug: f.slug, projectId: p.id, sides: { marketing: { leadId: f.iLead.memberId } } }), "BAD_REQUEST"],
      [() => a.project.update({ workspaceSlug: f.slug, projectId: GHOST, checkInCadenceDays: 14 }), "NOT_FOUND"],
    ];
    for (const [i, [call, code]] of cases.entries()) expect(await errorCode(call()), `case ${i}`).toBe(code);
    // None of them changed anything.
    const got = await a.project.get({ workspaceSlug: f.slug, projectId: p.id });
    expect(got).toMatchObject({ project: { name: "Invalid", checkInCadenceDays: 7 }, sides: { marketing: { leadId: f.mLead.memberId, health: null } } });
    expect((await a.checkIn.list({ workspaceSlug: f.slug, projectId: p.id })).items).toEqual([]);
  });

  it("leaves a chain that verifies after all of the above", async () => {
    const r = await verifyWorkspaceLog(t.db, f.workspaceId);
    expect(r.ok).toBe(true);
  });
});
