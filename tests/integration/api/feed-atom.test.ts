import type { Auth } from "@tandem/auth";
import { checkFeedToken, feedAtom } from "@tandem/api";
import { getWorkspaceById, listFeed } from "@tandem/db/queries";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callerFor } from "../support/api";
import { createTestAuth } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";
import { createFixture, type Fixture } from "../support/workspace";

describe.each(DB_KINDS)("the feed's Atom link and CSV export on %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let f: Fixture;
  const api = (p: { headers: Headers }) => callerFor(t.db, auth, p as never);
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    f = await createFixture(t.db, auth, "feedatom");
  });
  afterAll(async () => t?.close());

  it("a created token reads as its member; revoking it makes it 'revoked'", async () => {
    const ceo = await api(f.viewer);
    expect(await ceo.feed.atomToken({ workspaceSlug: f.slug })).toBeNull();
    const { token } = await ceo.feed.createAtomToken({ workspaceSlug: f.slug });
    expect(await checkFeedToken(t.db, token)).toEqual({ ok: true, workspaceId: f.workspaceId, memberId: f.viewer.memberId });
    const live = await ceo.feed.atomToken({ workspaceSlug: f.slug });
    expect(live?.lastUsedAt).not.toBeNull();

    await ceo.feed.revokeAtomToken({ workspaceSlug: f.slug });
    expect(await checkFeedToken(t.db, token)).toEqual({ ok: false, reason: "revoked" });
    expect(await ceo.feed.atomToken({ workspaceSlug: f.slug })).toBeNull();
  });

  it("regenerating revokes the old link; a made-up one is unknown", async () => {
    const lead = await api(f.mLead);
    const first = await lead.feed.createAtomToken({ workspaceSlug: f.slug });
    const second = await lead.feed.createAtomToken({ workspaceSlug: f.slug });
    expect(second.token).not.toBe(first.token);
    expect(await checkFeedToken(t.db, first.token)).toEqual({ ok: false, reason: "revoked" });
    expect(await checkFeedToken(t.db, second.token)).toMatchObject({ ok: true, memberId: f.mLead.memberId });
    expect(await checkFeedToken(t.db, "x".repeat(32))).toEqual({ ok: false, reason: "unknown" });
    expect(await checkFeedToken(t.db, "../../etc/passwd")).toEqual({ ok: false, reason: "unknown" });
  });

  it("a member who has been removed from the workspace: their link reads as 'left' (410), not unknown", async () => {
    const { token } = await (await api(f.iMember)).feed.createAtomToken({ workspaceSlug: f.slug });
    expect((await checkFeedToken(t.db, token)).ok).toBe(true);
    await (await api(f.admin)).member.remove({ workspaceSlug: f.slug, memberId: f.iMember.memberId });
    expect(await checkFeedToken(t.db, token)).toEqual({ ok: false, reason: "left" });
  });

  it("the Atom document is well-formed Atom with every title escaped", async () => {
    const p = await (await api(f.mLead)).project.create({
      workspaceSlug: f.slug,
      name: "<script>&",
      outcome: 'Tags like <b> & "quotes" stay text',
      sides: { marketing: { leadId: f.mLead.memberId }, it: { leadId: f.iLead.memberId } },
    });
    const workspace = (await getWorkspaceById(t.db, f.workspaceId))!;
    const rows = await listFeed(t.db, { workspaceId: f.workspaceId, limit: 50 });
    const xml = feedAtom({ workspace, rows, selfUrl: "https://tandem.test/api/feeds/abc", siteUrl: `https://tandem.test/${workspace.slug}` });

    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(xml.trimEnd().endsWith("</feed>")).toBe(true);
    expect(xml).toContain("created the project ‘&lt;script&gt;&amp;’</title>");
    expect(xml).toContain("<summary>Tags like &lt;b&gt; &amp; &quot;quotes&quot; stay text</summary>");
    expect(xml).not.toContain("<script>");
    expect(xml).toContain(`<link href="https://tandem.test/${workspace.slug}/projects/${p.id}"/>`);
    // Every & starts an entity, and every element that opens closes.
    expect(xml.match(/&(?!amp;|lt;|gt;|quot;|apos;)/g)).toBeNull();
    const opened = (xml.match(/<entry>/g) ?? []).length;
    expect(opened).toBe(rows.length);
    expect((xml.match(/<\/entry>/g) ?? []).length).toBe(opened);
  });

  it("the CSV export has a header row, quotes commas, quotes and newlines, and defuses formulas", async () => {
    const lead = await api(f.mLead);
    const p = await lead.project.create({
      workspaceSlug: f.slug,
      name: '=HYPERLINK("http://evil.test")',
      outcome: 'Line one, with a comma\nand a "quoted" second line',
      sides: { marketing: { leadId: f.mLead.memberId }, it: { leadId: f.iLead.memberId } },
    });
    const out = await (await api(f.viewer)).feed.exportCsv({ workspaceSlug: f.slug, from: today, to: today, filter: { projectId: p.id } });
    expect(out.filename).toBe(`${f.slug}-feed-${today}-to-${today}.csv`);
    expect(out.rows).toBe(1);
    const records = parseCsv(out.csv);
    expect(records[0]).toEqual(["seq", "time", "actor", "side", "action", "project", "what", "detail", "hash"]);
    expect(records).toHaveLength(2);
    const row = records[1]!;
    expect(row[4]).toBe("project.created");
    expect(row[5]).toBe('\'=HYPERLINK("http://evil.test")');
    expect(row[7]).toBe('Line one, with a comma\nand a "quoted" second line');
    // The raw text: quoted cells, doubled quotes, and no cell that starts with =.
    expect(out.csv).toContain('"\'=HYPERLINK(""http://evil.test"")"');
    expect(out.csv).toContain('"Line one, with a comma\nand a ""quoted"" second line"');
    expect(out.csv).not.toMatch(/(^|,)=/m);
  });
});
