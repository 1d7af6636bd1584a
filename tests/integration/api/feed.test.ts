import type { Auth } from "@tandem/auth";
import { addMember, getLogHead, listLogAfter } from "@tandem/db/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callerFor, errorCode } from "../support/api";
import { createTestAuth, signUpUser } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";
import { createFixture, type Fixture } from "../support/workspace";

describe.each(DB_KINDS)("the leadership feed on %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let f: Fixture;
  let projectId: string;
  const api = (p: { headers: Headers }) => callerFor(t.db, auth, p as never);

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    f = await createFixture(t.db, auth, "feed");
    const p = await (await api(f.mLead)).project.create({
      workspaceSlug: f.slug,
      name: "Consent banner",
      sides: { marketing: { leadId: f.mLead.memberId }, it: { leadId: f.iLead.memberId } },
    });
    projectId = p.id;
  });
  afterAll(async () => t?.close());

  /** A feed-worthy entry (a task created straight into done) and a non-feed one (a todo task). */
  const addEntries = async (n: number, tag: string) => {
    const a = await api(f.iMember);
    for (let i = 0; i < n; i++) {
      await a.task.create({ workspaceSlug: f.slug, projectId, title: `${tag} done ${i}`, side: "it", status: "done" });
      await a.task.create({ workspaceSlug: f.slug, projectId, title: `${tag} todo ${i}`, side: "it" });
    }
  };

  it("pages with a keyset: every entry exactly once, newest first, while new entries keep arriving", async () => {
    await addEntries(25, "before");
    const ceo = await api(f.viewer);
    const head = (await getLogHead(t.db, f.workspaceId)).seq;
    const seen: number[] = [];
    let cursor: number | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof ceo.feed.list>> = await ceo.feed.list({ workspaceSlug: f.slug, cursor, limit: 7 });
      seen.push(...page.items.map((i) => i.seq));
      cursor = page.nextCursor;
      pages++;
      // Writers keep going between pages; later pages must neither repeat nor skip anything.
      await addEntries(2, `during ${pages}`);
    } while (cursor !== null);

    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    const all = await listLogAfter(t.db, { workspaceId: f.workspaceId, afterSeq: 0, limit: 10_000 });
    const feedWorthy = (e: (typeof all)[number]) =>
      e.action === "project.created" ||
      e.action === "member.joined" ||
      (e.action === "task.created" && (e.summary.after as { status?: string } | null)?.status === "done");
    const expected = all
      .filter((e) => e.seq <= head && feedWorthy(e))
      .map((e) => e.seq)
      .sort((a, b) => b - a);
    // The first page may already include entries that arrived before it was read; none before head may be missing.
    expect(seen.filter((s) => s <= head)).toEqual(expected);
    expect(seen.some((s) => s > head)).toBe(false);
    expect(pages).toBeGreaterThan(3);
  });

  it("filters by kind, side and project, on the log itself", async () => {
    const ceo = await api(f.viewer);
    const other = await (await api(f.mLead)).project.create({
      workspaceSlug: f.slug,
      name: "Other",
      sides: { marketing: { leadId: f.mLead.memberId }, it: { leadId: f.iLead.memberId } },
    });
    await (await api(f.iLead)).checkIn.create({
      workspaceSlug: f.slug,
      projectId,
      health: "at_risk",
      headline: "Vendor API in beta",
      moved: "Audit done",
      risks: "Beta API",
      asks: "Which tags can wait?",
      decisions: "Ship without the chat widget",
    });
    await (await api(f.mLead)).checkIn.create({
      workspaceSlug: f.slug,
      projectId: other.id,
      health: "on_track",
      headline: "Fine",
      moved: "",
      risks: "",
      asks: "",
      decisions: "",
    });

    const checkIns = await ceo.feed.list({ workspaceSlug: f.slug, filter: { kind: "check_in" } });
    expect(checkIns.items.map((i) => i.action)).toEqual(["check_in.posted", "check_in.posted"]);
    const decisions = await ceo.feed.list({ workspaceSlug: f.slug, filter: { kind: "decision" } });
    expect(decisions.items.map((i) => i.summary.label)).toEqual(["Consent banner"]);
    const it = await ceo.feed.list({ workspaceSlug: f.slug, filter: { kind: "check_in", side: "it" } });
    expect(it.items.map((i) => i.actorSide)).toEqual(["it"]);
    const inOther = await ceo.feed.list({ workspaceSlug: f.slug, filter: { projectId: other.id } });
    expect(inOther.items.every((i) => i.projectId === other.id)).toBe(true);
    expect(inOther.items.map((i) => i.action).sort()).toEqual(["check_in.posted", "project.created"]);
    const milestones = await ceo.feed.list({ workspaceSlug: f.slug, filter: { kind: "milestone" } });
    expect(milestones.items.every((i) => i.action.startsWith("project."))).toBe(true);
    await (await api(f.mLead)).project.update({ workspaceSlug: f.slug, projectId: other.id, phase: "build" });
    expect((await ceo.feed.list({ workspaceSlug: f.slug, filter: { kind: "milestone" } })).items[0]!.action).toBe("project.phase_changed");
  });

  it("keeps a per-member 'last looked' mark that only moves forward and never past the head", async () => {
    const ceo = await api(f.viewer);
    expect((await ceo.feed.seen({ workspaceSlug: f.slug })).lastSeenSeq).toBe(0);
    const head = (await getLogHead(t.db, f.workspaceId)).seq;
    await ceo.feed.markSeen({ workspaceSlug: f.slug, seq: head - 3 });
    await ceo.feed.markSeen({ workspaceSlug: f.slug, seq: head - 10 });
    expect((await ceo.feed.seen({ workspaceSlug: f.slug })).lastSeenSeq).toBe(head - 3);
    await ceo.feed.markSeen({ workspaceSlug: f.slug, seq: head + 1_000 });
    expect((await ceo.feed.seen({ workspaceSlug: f.slug })).lastSeenSeq).toBe(head);
    // Someone else's mark is their own.
    expect((await (await api(f.mLead)).feed.seen({ workspaceSlug: f.slug })).lastSeenSeq).toBe(0);
  });

  it("lets leadership acknowledge an entry once, logged, and nobody else", async () => {
    const [entry] = (await (await api(f.viewer)).feed.list({ workspaceSlug: f.slug, filter: { kind: "check_in" }, limit: 1 })).items;
    const before = (await getLogHead(t.db, f.workspaceId)).seq;
    expect(await (await api(f.viewer)).feed.acknowledge({ workspaceSlug: f.slug, seq: entry!.seq })).toMatchObject({ new: true });
    expect(await (await api(f.viewer)).feed.acknowledge({ workspaceSlug: f.slug, seq: entry!.seq })).toMatchObject({ new: false });
    expect((await getLogHead(t.db, f.workspaceId)).seq).toBe(before + 1);
    const [logged] = await listLogAfter(t.db, { workspaceId: f.workspaceId, afterSeq: before });
    expect(logged).toMatchObject({ action: "entry.acknowledged", entityId: String(entry!.seq), actorSide: "leadership" });
    const again = (await (await api(f.mLead)).feed.list({ workspaceSlug: f.slug, filter: { kind: "check_in" }, limit: 1 })).items[0]!;
    expect(again.acknowledgedBy.map((a) => a.memberId)).toEqual([f.viewer.memberId]);

    expect(await errorCode((await api(f.mLead)).feed.acknowledge({ workspaceSlug: f.slug, seq: entry!.seq }))).toBe("FORBIDDEN");
    expect(await errorCode((await api(f.viewer)).feed.acknowledge({ workspaceSlug: f.slug, seq: 999_999 }))).toBe("NOT_FOUND");
    expect(await errorCode((await api(f.viewer)).feed.acknowledge({ workspaceSlug: f.slug, seq: -1 }))).toBe("BAD_REQUEST");
  });

  it("refuses edits by leadership even with an admin role, but lets it comment and acknowledge", async () => {
    const boss = await signUpUser(auth, { name: "Chair Person", email: `chair-${kind}@example.test` });
    await addMember(t.db, { workspaceId: f.workspaceId, userId: boss.userId, side: "leadership", role: "admin" });
    const chair = await api(boss);
    expect(await errorCode(chair.project.update({ workspaceSlug: f.slug, projectId, name: "Renamed" }))).toBe("FORBIDDEN");
    expect(await errorCode(chair.task.create({ workspaceSlug: f.slug, projectId, title: "Nope", side: "it" }))).toBe("FORBIDDEN");
    expect(
      await errorCode(
        chair.project.create({ workspaceSlug: f.slug, name: "Nope", sides: { marketing: { leadId: f.mLead.memberId }, it: { leadId: f.iLead.memberId } } }),
      ),
    ).toBe("FORBIDDEN");
    await chair.comment.create({ workspaceSlug: f.slug, projectId, body: "Good progress." });
    const [entry] = (await chair.feed.list({ workspaceSlug: f.slug, limit: 1 })).items;
    await chair.feed.acknowledge({ workspaceSlug: f.slug, seq: entry!.seq });
  });

  it("exports a date range as CSV and refuses bad ranges with a typed error", async () => {
    const ceo = await api(f.viewer);
    const today = new Date().toISOString().slice(0, 10);
    const out = await ceo.feed.exportCsv({ workspaceSlug: f.slug, from: "2020-01-01", to: today });
    const lines = out.csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("seq,time,actor,side,action,project,what,detail,hash");
    expect(out.rows).toBe(lines.length - 1);
    expect(out.csv).toContain("Vendor API in beta");
    expect((await ceo.feed.exportCsv({ workspaceSlug: f.slug, from: "2020-01-01", to: "2020-01-02" })).rows).toBe(0);
    expect(await errorCode(ceo.feed.exportCsv({ workspaceSlug: f.slug, from: today, to: "2020-01-01" }))).toBe("BAD_REQUEST");
    expect(await errorCode(ceo.feed.exportCsv({ workspaceSlug: f.slug, from: "2020-02-30", to: today }))).toBe("BAD_REQUEST");
    expect(await errorCode(ceo.feed.list({ workspaceSlug: f.slug, limit: 1_000 }))).toBe("BAD_REQUEST");
    expect(await errorCode(ceo.feed.list({ workspaceSlug: f.slug, filter: { kind: "gossip" as never } }))).toBe("BAD_REQUEST");
  });
});
