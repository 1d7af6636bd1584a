import type { Auth } from "@tandem/auth";
import { schema } from "@tandem/db";
import { verifyWorkspaceLog } from "@tandem/db/log";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callerFor, errorCode, trpcError } from "../support/api";
import { createTestAuth } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";
import { createFixture, type Fixture } from "../support/workspace";

describe.each(DB_KINDS)("projects and tasks on %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let f: Fixture;
  const api = (p: { headers: Headers }) => callerFor(t.db, auth, p as never);

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    f = await createFixture(t.db, auth, "pt");
  });
  afterAll(async () => t?.close());

  const newProject = async (name = "Consent banner") =>
    (await api(f.mLead)).project.create({
      workspaceSlug: f.slug,
      name,
      outcome: "Customers choose what we track",
      sides: { marketing: { leadId: f.mLead.memberId }, it: { leadId: f.iLead.memberId } },
      memberIds: [f.mMember.memberId],
    });

  it("creates a co-owned project whose leads must be on their sides, and logs it", async () => {
    const p = await newProject();
    const got = await (await api(f.iMember)).project.get({ workspaceSlug: f.slug, projectId: p.id });
    expect(got.sides.marketing).toMatchObject({ leadId: f.mLead.memberId, health: null });
    expect(got.sides.marketing.leadName).toContain("mlead");
    expect(got.sides.it.leadName).toContain("ilead");
    expect(got.members.map((m) => m.memberId).sort()).toEqual([f.mLead.memberId, f.iLead.memberId, f.mMember.memberId].sort());
    const swapped = await trpcError(
      (await api(f.mLead)).project.create({
        workspaceSlug: f.slug,
        name: "X",
        sides: { marketing: { leadId: f.iLead.memberId }, it: { leadId: f.mLead.memberId } },
      }),
    );
    expect(swapped.code).toBe("BAD_REQUEST");
    expect(swapped.message).toMatch(/marketing lead/);
    const { entries } = await (await api(f.viewer)).log.list({ workspaceSlug: f.slug });
    expect(entries[0]).toMatchObject({ action: "project.created", entityId: p.id, projectId: p.id });
  });

  it("lets each lead post only their own health and flags disagreement", async () => {
    const p = await newProject("Health");
    await (await api(f.mLead)).project.postHealth({ workspaceSlug: f.slug, projectId: p.id, health: "on_track", reason: "Copy approved" });
    await (await api(f.iLead)).project.postHealth({ workspaceSlug: f.slug, projectId: p.id, health: "at_risk", reason: "CMP vendor late" });
    expect(await errorCode((await api(f.iMember)).project.postHealth({ workspaceSlug: f.slug, projectId: p.id, health: "off_track", reason: "x" }))).toBe(
      "FORBIDDEN",
    );
    const got = await (await api(f.viewer)).project.get({ workspaceSlug: f.slug, projectId: p.id });
    expect(got).toMatchObject({
      disagree: true,
      sides: { marketing: { health: "on_track", healthReason: "Copy approved" }, it: { health: "at_risk", healthReason: "CMP vendor late" } },
    });
    const list = await (await api(f.viewer)).project.list({ workspaceSlug: f.slug, filter: { health: "disagree" } });
    expect(list.map((r) => r.project.id)).toEqual([p.id]);
  });

  it("creates, assigns, moves and orders tasks, notifying the assignee", async () => {
    const p = await newProject("Board");
    const asM = await api(f.mMember);
    const a = await asM.task.create({ workspaceSlug: f.slug, projectId: p.id, title: "Write copy", side: "marketing" });
    const b = await asM.task.create({
      workspaceSlug: f.slug,
      projectId: p.id,
      title: "Wire CMP",
      side: "it",
      assigneeId: f.iMember.memberId,
      dueDate: "2020-01-01",
    });
    const c = await asM.task.create({ workspaceSlug: f.slug, projectId: p.id, title: "QA", side: "it" });
    expect(await (await api(f.iMember)).inbox.unreadCount({ workspaceSlug: f.slug })).toBe(1);
    // Move c to the top of "todo", then a into "done".
    await asM.task.move({ workspaceSlug: f.slug, taskId: c.id, status: "todo", beforeId: a.id });
    await (await api(f.iMember)).task.move({ workspaceSlug: f.slug, taskId: a.id, status: "done" });
    const tasks = await asM.task.list({ workspaceSlug: f.slug, filter: { projectId: p.id } });
    expect(tasks.filter((x) => x.status === "todo").map((x) => x.title)).toEqual(["QA", "Wire CMP"]);
    expect(tasks.find((x) => x.id === a.id)?.status).toBe("done");
    const overdue = await asM.task.list({ workspaceSlug: f.slug, filter: { overdue: true, projectId: p.id } });
    expect(overdue.map((x) => x.id)).toEqual([b.id]);
    const { entries } = await asM.log.list({ workspaceSlug: f.slug, projectId: p.id, limit: 3 });
    expect(entries.map((e) => e.action)).toEqual(["task.moved", "task.moved", "task.created"]);
    expect(entries[0]!.summary).toMatchObject({ label: "Write copy", before: { status: "todo" }, after: { status: "done" } });
  });

  it("turns @mentions of workspace members into inbox entries, ignoring outsiders", async () => {
    const p = await newProject("Mentions");
    const body = `Can you check this @[Imember](member:${f.iMember.memberId}) and @[Ghost](member:00000000-0000-4000-8000-000000000000)?`;
    const comment = await (await api(f.viewer)).comment.create({ workspaceSlug: f.slug, projectId: p.id, body });
    // The computed KPIs read who was asked from comment_mention: the member, not the outsider.
    const stored = await t.db.select().from(schema.commentMention).where(eq(schema.commentMention.commentId, comment.id));
    expect(stored.map((m) => m.memberId)).toEqual([f.iMember.memberId]);
    const inbox = await (await api(f.iMember)).inbox.list({ workspaceSlug: f.slug });
    expect(inbox[0]).toMatchObject({ kind: "mention", title: "Mentions", excerpt: "Can you check this @Imember and @Ghost?" });
    const before = await (await api(f.iMember)).inbox.unreadCount({ workspaceSlug: f.slug });
    await (await api(f.iMember)).inbox.markRead({ workspaceSlug: f.slug, ids: [inbox[0]!.id] });
    expect(await (await api(f.iMember)).inbox.unreadCount({ workspaceSlug: f.slug })).toBe(before - 1);
  });

  it("keeps leadership and viewers read-only for projects and tasks", async () => {
    const p = await newProject("Read only");
    const v = await api(f.viewer);
    expect(await errorCode(v.task.create({ workspaceSlug: f.slug, projectId: p.id, title: "x", side: "it" }))).toBe("FORBIDDEN");
    expect(await errorCode(v.project.update({ workspaceSlug: f.slug, projectId: p.id, name: "y" }))).toBe("FORBIDDEN");
  });

  it("answers invalid input to every new procedure with BAD_REQUEST or NOT_FOUND, never a server error", async () => {
    const p = await newProject("Invalid");
    const a = await api(f.mLead);
    const ghost = "00000000-0000-4000-8000-000000000000";
    const cases: [() => Promise<unknown>, string][] = [
      [
        () => a.project.create({ workspaceSlug: f.slug, name: "", sides: { marketing: { leadId: f.mLead.memberId }, it: { leadId: f.iLead.memberId } } }),
        "BAD_REQUEST",
      ],
      [
        () =>
          a.project.create({
            workspaceSlug: f.slug,
            name: "x".repeat(121),
            sides: { marketing: { leadId: f.mLead.memberId }, it: { leadId: f.iLead.memberId } },
          }),
        "BAD_REQUEST",
      ],
      [
        () =>
          a.project.create({ workspaceSlug: f.slug, name: "nul\u0000", sides: { marketing: { leadId: f.mLead.memberId }, it: { leadId: f.iLead.memberId } } }),
        "BAD_REQUEST",
      ],
      [
        () =>
          a.project.create({
            workspaceSlug: f.slug,
            name: "ok",
            targetDate: "2026-02-30",
            sides: { marketing: { leadId: f.mLead.memberId }, it: { leadId: f.iLead.memberId } },
          }),
        "BAD_REQUEST",
      ],
      [() => a.project.create({ workspaceSlug: f.slug, name: "ok", sides: { marketing: { leadId: ghost }, it: { leadId: f.iLead.memberId } } }), "BAD_REQUEST"],
      [() => a.project.get({ workspaceSlug: f.slug, projectId: ghost }), "NOT_FOUND"],
      [() => a.project.update({ workspaceSlug: f.slug, projectId: ghost, name: "x" }), "NOT_FOUND"],
      [() => a.project.postHealth({ workspaceSlug: f.slug, projectId: p.id, health: "great" as never, reason: "x" }), "BAD_REQUEST"],
      [() => a.project.list({ workspaceSlug: f.slug, filter: { phase: 7 as never } }), "BAD_REQUEST"],
      [() => a.task.create({ workspaceSlug: f.slug, projectId: p.id, title: "x".repeat(201), side: "it" }), "BAD_REQUEST"],
      [() => a.task.create({ workspaceSlug: f.slug, projectId: p.id, title: "x", side: "leadership" as never }), "BAD_REQUEST"],
      [() => a.task.create({ workspaceSlug: f.slug, projectId: ghost, title: "x", side: "it" }), "NOT_FOUND"],
      [() => a.task.create({ workspaceSlug: f.slug, projectId: p.id, title: "x", side: "it", assigneeId: ghost }), "BAD_REQUEST"],
      [() => a.task.create({ workspaceSlug: f.slug, projectId: p.id, title: "x", side: "it", assigneeId: f.viewer.memberId }), "BAD_REQUEST"],
      [() => a.task.update({ workspaceSlug: f.slug, taskId: "nope" }), "BAD_REQUEST"],
      [() => a.task.update({ workspaceSlug: f.slug, taskId: ghost, title: "x" }), "NOT_FOUND"],
      [() => a.task.move({ workspaceSlug: f.slug, taskId: ghost, status: "done" }), "NOT_FOUND"],
      [() => a.task.move({ workspaceSlug: f.slug, taskId: ghost, status: "finished" as never }), "BAD_REQUEST"],
      [() => a.task.delete({ workspaceSlug: f.slug, taskId: ghost }), "NOT_FOUND"],
      [() => a.comment.create({ workspaceSlug: f.slug, projectId: p.id, body: "  " }), "BAD_REQUEST"],
      [() => a.comment.create({ workspaceSlug: f.slug, projectId: p.id, taskId: ghost, body: "hi" }), "NOT_FOUND"],
      [() => a.comment.create({ workspaceSlug: f.slug, projectId: p.id, body: "x".repeat(10_001) }), "BAD_REQUEST"],
      [() => a.inbox.markRead({ workspaceSlug: f.slug, ids: ["x"] }), "BAD_REQUEST"],
      [() => a.log.list({ workspaceSlug: f.slug, beforeSeq: -1 }), "BAD_REQUEST"],
      [() => a.log.since({ workspaceSlug: f.slug, afterSeq: 1.5 }), "BAD_REQUEST"],
    ];
    for (const [call, code] of cases) expect(await errorCode(call())).toBe(code);
  });

  it("leaves a chain that verifies after all of the above", async () => {
    const r = await verifyWorkspaceLog(t.db, f.workspaceId);
    expect(r.ok).toBe(true);
    expect(r.entries).toBeGreaterThan(10);
  });
});
