import type { Auth } from "@tandem/auth";
import { verifyWorkspaceLog } from "@tandem/db/log";
import { periodKey, periodStart, shiftPeriod } from "@tandem/domain/rules";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callerFor, errorCode, trpcError } from "../support/api";
import { createTestAuth } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";
import { createFixture, type Fixture, type Person } from "../support/workspace";

const GHOST = "00000000-0000-4000-8000-000000000000";

describe.each(DB_KINDS)("the KPI register on %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let f: Fixture;
  let other: Fixture;
  const api = (p: Person) => callerFor(t.db, auth, p);
  const thisWeek = periodStart(new Date().toISOString().slice(0, 10), "weekly");
  const week = (n: number) => periodKey(shiftPeriod(thisWeek, "weekly", n), "weekly");

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    f = await createFixture(t.db, auth, "kpi");
    other = await createFixture(t.db, auth, "kpi-other");
  });
  afterAll(async () => t?.close());

  const newKpi = async (over: Record<string, unknown> = {}, by: Person = f.mMember) =>
    (await api(by)).kpi.create({
      workspaceSlug: f.slug,
      name: "MQL to SQL",
      description: "Leads sales accepts",
      unit: "percent",
      direction: "higher",
      target: 25,
      atRisk: 20,
      cadence: "weekly",
      owner: "marketing",
      source: "entered",
      ...over,
    } as never);
  const get = async (kpiId: string) => (await api(f.viewer)).kpi.get({ workspaceSlug: f.slug, kpiId });
  const headSeq = async () => (await (await api(f.viewer)).log.list({ workspaceSlug: f.slug, limit: 1 })).entries[0]!.seq;
  const since = async (seq: number) => (await (await api(f.viewer)).log.since({ workspaceSlug: f.slug, afterSeq: seq })).entries;

  it("is a draft until a lead of each side signs its current definition; a definition change needs both again", async () => {
    const k = await newKpi();
    expect((await get(k.id)).status).toBe("draft");
    const before = await headSeq();
    await (await api(f.mLead)).kpi.sign({ workspaceSlug: f.slug, kpiId: k.id, version: 1 });
    expect((await get(k.id)).status).toBe("draft");
    expect(await (await api(f.iLead)).kpi.sign({ workspaceSlug: f.slug, kpiId: k.id, version: 1 })).toEqual({ agreed: true });
    const agreed = await get(k.id);
    expect(agreed.status).toBe("agreed");
    expect(agreed.stances.marketing).toMatchObject({ verdict: "signed" });
    expect(agreed.stances.it).toMatchObject({ verdict: "signed" });

    // A name change is not a new definition; a target change is, and it is a draft again.
    await (await api(f.mMember)).kpi.update({ workspaceSlug: f.slug, kpiId: k.id, name: "MQL → SQL" });
    expect((await get(k.id)).status).toBe("agreed");
    await (await api(f.mMember)).kpi.update({ workspaceSlug: f.slug, kpiId: k.id, target: 27 });
    const v2 = await get(k.id);
    expect(v2).toMatchObject({ status: "draft", version: 2, target: 27, stances: { marketing: null, it: null } });
    // Signing the version one read, after it changed, is refused.
    expect(await errorCode((await api(f.iLead)).kpi.sign({ workspaceSlug: f.slug, kpiId: k.id, version: 1 }))).toBe("CONFLICT");

    const entries = await since(before);
    expect(entries.map((e) => e.action)).toEqual(["kpi.signed", "kpi.signed", "kpi.updated", "kpi.updated"]);
    // Only the agreement is news for leadership's feed.
    const feed = await (await api(f.viewer)).feed.list({ workspaceSlug: f.slug, filter: { kind: "kpi" } });
    expect(feed.items.filter((i) => i.entityId === k.id).map((i) => i.action)).toEqual(["kpi.signed"]);
    expect((await verifyWorkspaceLog(t.db, f.workspaceId)).ok).toBe(true);
  });

  it("keeps an objection on the KPI until it is withdrawn or the definition changes", async () => {
    const k = await newKpi({ name: "Insight requests", owner: "joint", unit: "count", target: 10, atRisk: 7 });
    await (await api(f.mLead)).kpi.sign({ workspaceSlug: f.slug, kpiId: k.id, version: 1 });
    await (await api(f.iLead)).kpi.object({ workspaceSlug: f.slug, kpiId: k.id, version: 1, reason: "Count says nothing about usefulness." });
    expect((await get(k.id)).stances.it).toMatchObject({ verdict: "objected", reason: "Count says nothing about usefulness." });
    expect((await get(k.id)).status).toBe("draft");
    await (await api(f.iLead)).kpi.withdrawObjection({ workspaceSlug: f.slug, kpiId: k.id, version: 1 });
    expect((await get(k.id)).stances.it).toBeNull();
    // Withdrawing what isn't there is a clear error.
    expect(await errorCode((await api(f.iLead)).kpi.withdrawObjection({ workspaceSlug: f.slug, kpiId: k.id, version: 1 }))).toBe("BAD_REQUEST");
    await (await api(f.iLead)).kpi.object({ workspaceSlug: f.slug, kpiId: k.id, version: 1, reason: "Still not useful." });
    await (await api(f.mMember)).kpi.update({ workspaceSlug: f.slug, kpiId: k.id, atRisk: 6 });
    expect((await get(k.id)).stances).toEqual({ marketing: null, it: null });
  });

  it("lets only leads and admins of a working side sign, and only the owning side record", async () => {
    const k = await newKpi({ name: "Availability", owner: "it", target: 99.9, atRisk: 99.5 });
    for (const p of [f.mMember, f.iMember, f.viewer])
      expect(await errorCode((await api(p)).kpi.sign({ workspaceSlug: f.slug, kpiId: k.id, version: 1 }))).toBe("FORBIDDEN");
    expect(await errorCode((await api(f.mLead)).kpi.record({ workspaceSlug: f.slug, kpiId: k.id, period: week(0), value: 99 }))).toBe("FORBIDDEN");
    expect(await errorCode((await api(f.viewer)).kpi.record({ workspaceSlug: f.slug, kpiId: k.id, period: week(0), value: 99 }))).toBe("FORBIDDEN");
    expect(
      await errorCode(
        (await api(f.viewer)).kpi.create({
          workspaceSlug: f.slug,
          name: "x",
          unit: "count",
          direction: "higher",
          target: 1,
          atRisk: 0,
          cadence: "weekly",
          owner: "it",
          source: "entered",
        }),
      ),
    ).toBe("FORBIDDEN");
    await (await api(f.iMember)).kpi.record({ workspaceSlug: f.slug, kpiId: k.id, period: week(0), value: 99.95 });
    // Another workspace's member sees no KPI here; this workspace's KPI id elsewhere is not found.
    expect(await errorCode((await api(other.iLead)).kpi.get({ workspaceSlug: f.slug, kpiId: k.id }))).toBe("NOT_FOUND");
    expect(await errorCode((await api(other.iLead)).kpi.get({ workspaceSlug: other.slug, kpiId: k.id }))).toBe("NOT_FOUND");
    expect(await errorCode((await api(other.iLead)).kpi.record({ workspaceSlug: other.slug, kpiId: k.id, period: week(0), value: 1 }))).toBe("NOT_FOUND");
    expect(await errorCode((await api(f.iLead)).kpi.get({ workspaceSlug: f.slug, kpiId: GHOST }))).toBe("NOT_FOUND");
  });

  it("keeps a correction beside what it corrects, and says so", async () => {
    const k = await newKpi({ name: "Corrected" });
    const a = await api(f.mMember);
    await a.kpi.record({ workspaceSlug: f.slug, kpiId: k.id, period: week(-1), value: 92.1, note: "first" });
    // The same value and note again writes nothing.
    const before = await headSeq();
    await a.kpi.record({ workspaceSlug: f.slug, kpiId: k.id, period: week(-1), value: 92.1, note: "first" });
    expect(await since(before)).toHaveLength(0);
    await (await api(f.mLead)).kpi.record({ workspaceSlug: f.slug, kpiId: k.id, period: week(-1), value: 24.5, note: "typo" });
    const series = await (await api(f.viewer)).kpi.series({ workspaceSlug: f.slug, kpiId: k.id, from: shiftPeriod(thisWeek, "weekly", -1), to: thisWeek });
    expect(series.map((p) => [p.period, p.value, p.previous, p.revision])).toEqual([
      [week(-1), 24.5, 92.1, 2],
      [week(0), null, null, null],
    ]);
    expect(series[0]!.recordedBy).toContain("mlead");
    const history = (await get(k.id)).history;
    expect(history.map((h) => [h.revision, h.value])).toEqual([
      [2, 24.5],
      [1, 92.1],
    ]);
    const [entry] = (await since(before)).filter((e) => e.action === "kpi.value_recorded");
    expect(entry!.summary.after).toMatchObject({ value: 24.5, previous: 92.1, revision: 2 });
  });

  it("refuses bad values and periods with a clear client error, writing nothing", async () => {
    const k = await newKpi({ name: "Bad input" });
    const a = await api(f.mMember);
    const before = await headSeq();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ period: week(0), value: 120 }, /percentage/],
      [{ period: week(0), value: -1 }, /percentage/],
      [{ period: "2026-12", value: 10 }, /is a month; this KPI is weekly/],
      [{ period: "2026-12-02", value: 10 }, /not the first day of a weekly period/],
      [{ period: "soon", value: 10 }, /not a period/],
    ];
    for (const [input, message] of cases) {
      const err = await trpcError(a.kpi.record({ workspaceSlug: f.slug, kpiId: k.id, ...input } as never));
      expect(err.code).toBe("BAD_REQUEST");
      expect(err.message).toMatch(message);
    }
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, "12" as unknown as number]) {
      expect(await errorCode(a.kpi.record({ workspaceSlug: f.slug, kpiId: k.id, period: week(0), value }))).toBe("BAD_REQUEST");
    }
    expect(await errorCode(a.kpi.record({ workspaceSlug: f.slug, kpiId: k.id, period: week(0), value: 1, sourceUrl: "javascript:alert(1)" }))).toBe(
      "BAD_REQUEST",
    );
    // Definitions that don't hold together.
    expect(await errorCode(newKpi({ atRisk: 30 }))).toBe("BAD_REQUEST");
    expect(await errorCode(newKpi({ unit: "currency" }))).toBe("BAD_REQUEST");
    expect(await errorCode(newKpi({ source: "computed" }))).toBe("BAD_REQUEST");
    expect(await errorCode(newKpi({ source: "computed", formula: { metric: "no_such_metric" } }))).toBe("BAD_REQUEST");
    expect(await errorCode(newKpi({ projectIds: [GHOST] }))).toBe("NOT_FOUND");
    expect(await since(before)).toHaveLength(0);
  });

  it("imports a CSV whole or not at all, names every bad row by line, and is idempotent", async () => {
    const k = await newKpi({ name: "Imported", source: "imported" });
    const a = await api(f.mMember);
    const bad = [
      "period,value,note",
      `${week(-3)},21.5,ok`,
      `${week(-2)},abc,not a number`,
      "2026-12,20,wrong cadence",
      `${week(-3)},22,duplicate`,
      `${week(-1)},140,out of range`,
    ].join("\n");
    const preview = await a.kpi.previewImport({ workspaceSlug: f.slug, kpiId: k.id, csv: bad, fileName: "bad.csv" });
    expect(preview.problems.map((p) => p.line)).toEqual([3, 4, 5, 6]);
    expect(preview.problems.map((p) => p.reason).join(" | ")).toMatch(/not a number.*is a month.*already on line 2.*percentage/);
    const before = await headSeq();
    expect(await errorCode(a.kpi.import({ workspaceSlug: f.slug, kpiId: k.id, csv: bad, fileName: "bad.csv" }))).toBe("BAD_REQUEST");
    expect(await since(before)).toHaveLength(0);
    expect((await get(k.id)).history).toHaveLength(0);

    const good = ["period,value,note", `${week(-3)},21.5,`, `${week(-2)},23,`, `${week(-1)},"24.5","=HYPERLINK(""http://evil.test"")"`].join("\r\n");
    expect(await a.kpi.import({ workspaceSlug: f.slug, kpiId: k.id, csv: good, fileName: "good.csv" })).toEqual({ rows: 3, written: 3, unchanged: 0 });
    // The same file again changes nothing and logs nothing.
    const again = await headSeq();
    expect(await a.kpi.import({ workspaceSlug: f.slug, kpiId: k.id, csv: good, fileName: "good.csv" })).toEqual({ rows: 3, written: 0, unchanged: 3 });
    expect(await since(again)).toHaveLength(0);

    // The export escapes a note that a spreadsheet would run as a formula.
    const out = await (await api(f.viewer)).kpi.exportCsv({ workspaceSlug: f.slug, kpiId: k.id });
    const records: string[][] = parse(out.csv);
    expect(records[0]![0]).toBe("period");
    expect(records.find((r) => r[0] === week(-1))![5]).toBe('\'=HYPERLINK("http://evil.test")');
    // A file over the cap is refused before anything is read.
    expect(await errorCode(a.kpi.previewImport({ workspaceSlug: f.slug, kpiId: k.id, csv: "x".repeat(1_000_001) }))).toBe("BAD_REQUEST");
    expect((await a.kpi.previewImport({ workspaceSlug: f.slug, kpiId: k.id, csv: "" })).problems).toEqual([{ line: null, reason: "The file is empty." }]);
    expect((await a.kpi.previewImport({ workspaceSlug: f.slug, kpiId: k.id, csv: 'period,value\n"unclosed,1' })).problems[0]!.reason).toMatch(/not valid CSV/);
  });

  it("tells the owning side's leads when the latest value goes off target, once", async () => {
    const k = await newKpi({ name: "Off target" });
    const a = await api(f.mMember);
    await a.kpi.record({ workspaceSlug: f.slug, kpiId: k.id, period: week(-1), value: 26 });
    const before = await headSeq();
    await a.kpi.record({ workspaceSlug: f.slug, kpiId: k.id, period: week(0), value: 12 });
    // Still off: no second alarm.
    await a.kpi.record({ workspaceSlug: f.slug, kpiId: k.id, period: week(0), value: 11 });
    const actions = (await since(before)).map((e) => e.action);
    expect(actions).toEqual(["kpi.value_recorded", "kpi.off_target", "kpi.value_recorded"]);
    const inbox = await (await api(f.mLead)).inbox.list({ workspaceSlug: f.slug });
    expect(inbox.find((n) => n.kind === "kpi_off_target" && n.kpiId === k.id)).toMatchObject({ title: "Off target" });
    // The IT lead doesn't own it and isn't told.
    expect((await (await api(f.iLead)).inbox.list({ workspaceSlug: f.slug })).some((n) => n.kpiId === k.id)).toBe(false);
  });

  it("lets leadership comment and acknowledge, but not edit", async () => {
    const k = await newKpi({ name: "Acknowledged" });
    const ceo = await api(f.viewer);
    await ceo.kpi.comment({ workspaceSlug: f.slug, kpiId: k.id, body: "Good progress", acknowledged: true });
    expect((await get(k.id)).comments).toMatchObject([{ body: "Good progress", acknowledged: true }]);
    expect(await errorCode((await api(f.mMember)).kpi.comment({ workspaceSlug: f.slug, kpiId: k.id, body: "", acknowledged: true }))).toBe("FORBIDDEN");
    expect(await errorCode(ceo.kpi.update({ workspaceSlug: f.slug, kpiId: k.id, target: 1 }))).toBe("FORBIDDEN");
    expect(await errorCode(ceo.kpi.retire({ workspaceSlug: f.slug, kpiId: k.id }))).toBe("FORBIDDEN");
    expect(await errorCode((await api(f.mMember)).kpi.retire({ workspaceSlug: f.slug, kpiId: k.id }))).toBe("FORBIDDEN");
    await (await api(f.mLead)).kpi.retire({ workspaceSlug: f.slug, kpiId: k.id, reason: "Replaced" });
    expect((await get(k.id)).status).toBe("retired");
    expect(await errorCode((await api(f.mMember)).kpi.record({ workspaceSlug: f.slug, kpiId: k.id, period: week(0), value: 1 }))).toBe("BAD_REQUEST");
  });
});
