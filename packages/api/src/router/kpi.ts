import { getKpiRow, kpiProjectIds, latestKpiValues, listKpiComments, listKpis, listKpiSignatures, listKpiValueHistory } from "@tandem/db/queries";
import type { Kpi } from "@tandem/db/schema";
import { kpiState } from "@tandem/domain/kpi";
import { periodKey, periodLabel, periodStart, shiftPeriod } from "@tandem/domain/rules";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { writeWithLog } from "../log/writer";
import { toCsv } from "../services/csv";
import { commentOnKpi, createKpi, kpiNotFound, kpiSnapshot, kpiStatus, objectToKpi, retireKpi, signKpi, updateKpi, withdrawObjection } from "../services/kpi";
import { kpiSeries } from "../services/kpi-series";
import { importKpiValues, previewKpiImport, recordKpiValue } from "../services/kpi-value";
import { memberProcedure, writeContext, writerProcedure } from "../trpc";
import {
  createKpiSchema,
  importKpiValuesSchema,
  kpiCommentSchema,
  kpiRangeSchema,
  kpiStanceSchema,
  objectKpiSchema,
  recordKpiValueSchema,
  text,
  updateKpiSchema,
} from "../validators";

const kpiId = z.object({ kpiId: z.string().uuid("Unknown id.") });
type Signature = Awaited<ReturnType<typeof listKpiSignatures>>[number];

/** A KPI as the register shows it: definition, where it stands, and each side's stance on this version. */
function kpiView(k: Kpi, projectIds: string[], signatures: Signature[]) {
  const stance = (side: "marketing" | "it") => {
    const s = signatures.find((x) => x.kpiId === k.id && x.version === k.version && x.side === side);
    return s ? { verdict: s.verdict, reason: s.reason, name: s.name, at: s.createdAt.toISOString() } : null;
  };
  return {
    ...kpiSnapshot(k, projectIds),
    status: kpiStatus(k),
    agreedAt: k.agreedAt?.toISOString() ?? null,
    retiredAt: k.retiredAt?.toISOString() ?? null,
    stances: { marketing: stance("marketing"), it: stance("it") },
  };
}

async function loadKpi(ctx: { db: Parameters<typeof getKpiRow>[0]; workspace: { id: string } }, id: string) {
  const row = await getKpiRow(ctx.db, { workspaceId: ctx.workspace.id, kpiId: id });
  if (!row) throw kpiNotFound();
  return row;
}

export const kpiRouter = {
  /** The register: every KPI, its latest value and state. */
  list: memberProcedure.query(async ({ ctx }) => {
    const rows = await listKpis(ctx.db, { workspaceId: ctx.workspace.id });
    const [signatures, latest] = await Promise.all([
      listKpiSignatures(ctx.db, { kpiIds: rows.map((r) => r.kpi.id) }),
      latestKpiValues(ctx.db, { workspaceId: ctx.workspace.id }),
    ]);
    return rows.map(({ kpi, projectIds }) => {
      const last = latest.get(kpi.id);
      return {
        ...kpiView(kpi, [...projectIds].sort(), signatures),
        latest: last
          ? { periodStart: last.periodStart, period: periodKey(last.periodStart, kpi.cadence), value: last.value, state: kpiState(last.value, kpi) }
          : null,
      };
    });
  }),

  /** One KPI: its definition and stances, comments, and every revision of its values. */
  get: memberProcedure.input(kpiId).query(async ({ ctx, input }) => {
    const k = await loadKpi(ctx, input.kpiId);
    const [projectIds, signatures, comments, history] = await Promise.all([
      kpiProjectIds(ctx.db, k.id),
      listKpiSignatures(ctx.db, { kpiIds: [k.id] }),
      listKpiComments(ctx.db, { kpiId: k.id }),
      listKpiValueHistory(ctx.db, { kpiId: k.id, limit: 500 }),
    ]);
    return {
      ...kpiView(k, [...projectIds].sort(), signatures),
      comments: comments.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
      history: history.map((h) => ({ ...h, period: periodKey(h.periodStart, k.cadence), createdAt: h.createdAt.toISOString() })),
    };
  }),

  /** The KPI's value per period over a range (computed ones from the work itself). */
  series: memberProcedure.input(kpiRangeSchema).query(async ({ ctx, input }) => {
    const k = await loadKpi(ctx, input.kpiId);
    return kpiSeries(ctx.db, { timeZone: ctx.workspace.timeZone, kpi: k, from: input.from, to: input.to });
  }),

  /** Agreed KPIs with their value this period, the last and the state: for /status and tiles. */
  headline: memberProcedure.query(async ({ ctx }) => {
    const rows = (await listKpis(ctx.db, { workspaceId: ctx.workspace.id })).filter((r) => r.kpi.agreedAt && !r.kpi.retiredAt);
    return Promise.all(
      rows.map(async ({ kpi }) => {
        const now = periodStart(ctx.today, kpi.cadence);
        const series = await kpiSeries(ctx.db, { timeZone: ctx.workspace.timeZone, kpi, from: shiftPeriod(now, kpi.cadence, -12), to: now });
        const withValue = series.filter((p) => p.value !== null);
        const last = withValue.at(-1) ?? null;
        const prev = withValue.at(-2) ?? null;
        return {
          id: kpi.id,
          name: kpi.name,
          unit: kpi.unit,
          currency: kpi.currency,
          direction: kpi.direction,
          target: kpi.target,
          atRisk: kpi.atRisk,
          owner: kpi.owner,
          cadence: kpi.cadence,
          value: last?.value ?? null,
          period: last ? periodLabel(last.periodStart, kpi.cadence) : null,
          state: last?.state ?? null,
          previous: prev?.value ?? null,
          spark: series.map((p) => p.value),
        };
      }),
    );
  }),

  create: writerProcedure
    .input(createKpiSchema)
    .mutation(({ ctx, input }) =>
      writeWithLog(writeContext(ctx), (tx, log) =>
        createKpi(tx, log, { ...input, workspaceId: ctx.workspace.id, createdById: ctx.member.id, formula: input.formula ?? null }),
      ),
    ),

  update: writerProcedure.input(updateKpiSchema).mutation(({ ctx, input }) => {
    const { kpiId: id, ...change } = input;
    return writeWithLog(writeContext(ctx), (tx, log) => updateKpi(tx, log, { workspaceId: ctx.workspace.id, kpiId: id, memberId: ctx.member.id, change }));
  }),

  sign: memberProcedure
    .input(kpiStanceSchema)
    .mutation(({ ctx, input }) =>
      writeWithLog(writeContext(ctx), (tx, log) => signKpi(tx, log, { ...input, workspaceId: ctx.workspace.id, signer: ctx.member })),
    ),

  object: memberProcedure
    .input(objectKpiSchema)
    .mutation(({ ctx, input }) =>
      writeWithLog(writeContext(ctx), (tx, log) => objectToKpi(tx, log, { ...input, workspaceId: ctx.workspace.id, signer: ctx.member })),
    ),

  withdrawObjection: memberProcedure
    .input(kpiStanceSchema)
    .mutation(({ ctx, input }) =>
      writeWithLog(writeContext(ctx), (tx, log) => withdrawObjection(tx, log, { ...input, workspaceId: ctx.workspace.id, signer: ctx.member })),
    ),

  record: writerProcedure
    .input(recordKpiValueSchema)
    .mutation(({ ctx, input }) =>
      writeWithLog(writeContext(ctx), (tx, log) =>
        recordKpiValue(tx, log, { ...input, sourceUrl: input.sourceUrl ?? null, workspaceId: ctx.workspace.id, recorder: ctx.member }),
      ),
    ),

  /** Reads a CSV and says what importing it would do, row by row; writes nothing. */
  previewImport: writerProcedure.input(importKpiValuesSchema).mutation(async ({ ctx, input }) => {
    const { rows, problems } = await ctx.db.transaction((tx) => previewKpiImport(tx, { ...input, workspaceId: ctx.workspace.id, recorder: ctx.member }));
    return { rows: rows.slice(0, 500), total: rows.length, problems: problems.slice(0, 500), problemCount: problems.length };
  }),

  import: writerProcedure
    .input(importKpiValuesSchema)
    .mutation(({ ctx, input }) =>
      writeWithLog(writeContext(ctx), (tx, log) => importKpiValues(tx, log, { ...input, workspaceId: ctx.workspace.id, recorder: ctx.member })),
    ),

  comment: memberProcedure
    .input(kpiCommentSchema)
    .mutation(({ ctx, input }) =>
      writeWithLog(writeContext(ctx), (tx, log) => commentOnKpi(tx, log, { ...input, workspaceId: ctx.workspace.id, author: ctx.member })),
    ),

  retire: writerProcedure.input(kpiId.extend({ reason: text(500, "Reason").default("") })).mutation(({ ctx, input }) => {
    if (ctx.member.role !== "lead" && ctx.member.role !== "admin")
      throw new TRPCError({ code: "FORBIDDEN", message: "Only a lead or an admin can retire a KPI." });
    return writeWithLog(writeContext(ctx), (tx, log) => retireKpi(tx, log, { workspaceId: ctx.workspace.id, kpiId: input.kpiId, reason: input.reason }));
  }),

  /** Every revision of every period, as CSV (cells that look like formulas are escaped). */
  exportCsv: memberProcedure.input(kpiId).query(async ({ ctx, input }) => {
    const k = await loadKpi(ctx, input.kpiId);
    const history = await listKpiValueHistory(ctx.db, { kpiId: k.id });
    const csv = toCsv(
      ["period", "period_start", "value", "revision", "definition_version", "note", "source_url", "imported", "recorded_by", "recorded_at"],
      history.map((h) => [
        periodKey(h.periodStart, k.cadence),
        h.periodStart,
        h.value,
        h.revision,
        h.kpiVersion,
        h.note,
        h.sourceUrl ?? "",
        h.imported,
        h.recordedBy ?? "",
        h.createdAt,
      ]),
    );
    const slug =
      k.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "")
        .slice(0, 40) || "kpi";
    return { filename: `${ctx.workspace.slug}-${slug}.csv`, csv, rows: history.length };
  }),
} satisfies TRPCRouterRecord;
