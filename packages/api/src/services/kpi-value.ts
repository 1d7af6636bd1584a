import type { Transaction } from "@tandem/db";
import type { Member } from "@tandem/db/schema";
import { currentKpiValues, getKpiForUpdate, insertKpiValues, listKpiValues } from "@tandem/db/queries";
import type { Kpi } from "@tandem/db/schema";
import { KPI_OWNER_LABELS, kpiState, kpiValueProblem, mayRecord } from "@tandem/domain/kpi";
import { parsePeriod, periodKey, periodLabel, shiftPeriod } from "@tandem/domain/rules";
import { TRPCError } from "@trpc/server";

import { fieldError } from "../field-error";
import type { LogFn } from "../log/writer";
import { parseCsv } from "./csv";
import { kpiNotFound } from "./kpi";
import { raiseOffTarget } from "./kpi-off-target";

type Recorder = Pick<Member, "id" | "side">;
export const KPI_IMPORT_MAX_ROWS = 5_000;

async function lockForValues(tx: Transaction, { workspaceId, kpiId, recorder }: { workspaceId: string; kpiId: string; recorder: Recorder }) {
  const kpi = await getKpiForUpdate(tx, { workspaceId, kpiId });
  if (!kpi) throw kpiNotFound();
  if (kpi.retiredAt) throw new TRPCError({ code: "BAD_REQUEST", message: "This KPI is retired; its history is kept but it takes no new values." });
  if (kpi.source === "computed")
    throw new TRPCError({ code: "BAD_REQUEST", message: "This KPI is computed from the work in Tandem; it takes no entered values." });
  if (!mayRecord(kpi.owner, recorder.side)) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: `Only ${KPI_OWNER_LABELS[kpi.owner] === "Joint" ? "marketing or IT" : KPI_OWNER_LABELS[kpi.owner]} records values of this KPI.`,
    });
  }
  return kpi;
}

/**
 * Records a value for a period. A period that already has one gets a new revision (a
 * correction, kept beside what it corrects); the same value and note again writes nothing.
 */
export async function recordKpiValue(
  tx: Transaction,
  log: LogFn,
  input: { workspaceId: string; kpiId: string; recorder: Recorder; period: string; value: number; note: string; sourceUrl: string | null },
) {
  const kpi = await lockForValues(tx, input);
  const parsed = parsePeriod(input.period, kpi.cadence);
  if (!parsed.ok) throw fieldError("period", `${parsed.reason}.`);
  const problem = kpiValueProblem(kpi, input.value);
  if (problem) throw fieldError("value", `The value ${problem}.`);
  const current = (await currentKpiValues(tx, { kpiId: kpi.id, periods: [parsed.start] })).get(parsed.start);
  if (current && current.value === input.value && current.note === input.note) return { periodStart: parsed.start, revision: current.revision, written: false };
  const revision = (current?.revision ?? 0) + 1;
  await insertKpiValues(tx, [
    {
      workspaceId: input.workspaceId,
      kpiId: kpi.id,
      periodStart: parsed.start,
      revision,
      value: input.value,
      note: input.note,
      sourceUrl: input.sourceUrl,
      imported: false,
      kpiVersion: kpi.version,
      recordedById: input.recorder.id,
    },
  ]);
  await log({
    action: "kpi.value_recorded",
    entityId: kpi.id,
    projectId: null,
    summary: {
      label: kpi.name,
      after: {
        periodStart: parsed.start,
        period: periodLabel(parsed.start, kpi.cadence),
        value: input.value,
        revision,
        previous: current?.value ?? null,
        note: input.note,
        kpiVersion: kpi.version,
      },
    },
  });
  await tellIfOffTarget(tx, log, kpi, [parsed.start]);
  return { periodStart: parsed.start, revision, written: true };
}

export interface ImportRow {
  line: number;
  periodStart: string;
  period: string;
  value: number;
  note: string;
  /** What the import does with it: a first value, a correction, or nothing (already so). */
  change: "new" | "correction" | "unchanged";
  previous: number | null;
}
export interface ImportProblem {
  line: number | null;
  reason: string;
}

/**
 * Reads a CSV of (period, value, note) for a KPI: every row checked, every bad one named by its
 * line and reason. Writes nothing; `importKpiValues` writes only when this found no problem.
 */
export async function previewKpiImport(tx: Transaction, input: { workspaceId: string; kpiId: string; recorder: Recorder; csv: string }) {
  const kpi = await lockForValues(tx, input);
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  const parsed = parseCsv(input.csv, { maxRecords: KPI_IMPORT_MAX_ROWS });
  if (!parsed.ok) return { kpi, rows, problems: [{ line: parsed.line, reason: parsed.reason }] };
  for (const col of ["period", "value"])
    if (!parsed.header.includes(col)) problems.push({ line: 1, reason: `The header has no “${col}” column (expected period,value,note).` });
  if (parsed.records.length > KPI_IMPORT_MAX_ROWS) problems.push({ line: null, reason: `The file has more than ${KPI_IMPORT_MAX_ROWS} rows.` });
  if (problems.length) return { kpi, rows, problems };
  if (parsed.records.length === 0) return { kpi, rows, problems: [{ line: null, reason: "The file has a header but no rows." }] };

  const seen = new Map<string, number>();
  for (const { line, cells } of parsed.records.slice(0, KPI_IMPORT_MAX_ROWS)) {
    const period = parsePeriod(cells.period ?? "", kpi.cadence);
    const raw = (cells.value ?? "").replace(/[\s,]/g, "");
    const value = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(raw) ? Number(raw) : Number.NaN;
    const note = (cells.note ?? "").slice(0, 1_001);
    if (!period.ok) {
      problems.push({ line, reason: `period ${period.reason}` });
      continue;
    }
    const problem = Number.isNaN(value) ? `“${(cells.value ?? "").slice(0, 30)}” is not a number` : kpiValueProblem(kpi, value);
    if (problem) problems.push({ line, reason: `value ${problem}` });
    else if (note.length > 1_000) problems.push({ line, reason: "note is longer than 1,000 characters" });
    else if (note.includes("\u0000")) problems.push({ line, reason: "note contains a character that can't be stored" });
    const dup = seen.get(period.start);
    if (dup !== undefined) problems.push({ line, reason: `period ${periodKey(period.start, kpi.cadence)} is already on line ${dup}` });
    seen.set(period.start, line);
    if (!problem) rows.push({ line, periodStart: period.start, period: periodKey(period.start, kpi.cadence), value, note, change: "new", previous: null });
  }
  const current = await currentKpiValues(tx, { kpiId: kpi.id, periods: rows.map((r) => r.periodStart) });
  for (const r of rows) {
    const c = current.get(r.periodStart);
    if (c) {
      r.previous = c.value;
      r.change = c.value === r.value && c.note === r.note ? "unchanged" : "correction";
    }
  }
  return { kpi, rows, problems };
}

/** Writes a whole CSV or nothing: any problem refuses the file. Importing it again writes nothing. */
export async function importKpiValues(
  tx: Transaction,
  log: LogFn,
  input: { workspaceId: string; kpiId: string; recorder: Recorder; csv: string; fileName: string },
) {
  const { kpi, rows, problems } = await previewKpiImport(tx, input);
  if (problems.length) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `Nothing was imported: ${problems.length} row${problems.length === 1 ? " has a problem" : "s have problems"}.`,
      cause: { problems },
    });
  }
  const current = await currentKpiValues(tx, { kpiId: kpi.id, periods: rows.map((r) => r.periodStart) });
  const toWrite = rows.filter((r) => r.change !== "unchanged");
  await insertKpiValues(
    tx,
    toWrite.map((r) => ({
      workspaceId: input.workspaceId,
      kpiId: kpi.id,
      periodStart: r.periodStart,
      revision: (current.get(r.periodStart)?.revision ?? 0) + 1,
      value: r.value,
      note: r.note,
      imported: true,
      kpiVersion: kpi.version,
      recordedById: input.recorder.id,
    })),
  );
  const starts = rows.map((r) => r.periodStart).sort();
  if (toWrite.length > 0) {
    await log({
      action: "kpi.values_imported",
      entityId: kpi.id,
      projectId: null,
      summary: {
        label: kpi.name,
        after: { rows: rows.length, written: toWrite.length, from: starts[0] ?? null, to: starts[starts.length - 1] ?? null, fileName: input.fileName },
      },
    });
    await tellIfOffTarget(
      tx,
      log,
      kpi,
      toWrite.map((r) => r.periodStart),
    );
  }
  return { rows: rows.length, written: toWrite.length, unchanged: rows.length - toWrite.length };
}

/**
 * When a write makes the KPI's latest period off target, and it wasn't before (that period's
 * previous value, or else the period before it), the feed says so and the owning side's leads
 * get an inbox entry.
 */
async function tellIfOffTarget(tx: Transaction, log: LogFn, kpi: Kpi, written: string[]) {
  const latestWritten = written.sort().at(-1);
  if (!latestWritten) return;
  const recent = await listKpiValues(tx, { kpiId: kpi.id, from: shiftPeriod(latestWritten, kpi.cadence, -1) });
  const latest = recent.at(-1);
  if (!latest || latest.periodStart !== latestWritten || kpiState(latest.value, kpi) !== "off") return;
  const before = latest.previous ?? recent.find((r) => r.periodStart < latest.periodStart)?.value ?? null;
  if (before !== null && kpiState(before, kpi) === "off") return;
  await raiseOffTarget(tx, log, kpi, { periodStart: latest.periodStart, value: latest.value });
}
