import type { Transaction } from "@tandem/db";
import type { Member } from "@tandem/db/schema";
import {
  deleteKpiSignature,
  getKpiForUpdate,
  getKpiSignature,
  insertKpi,
  insertKpiComment,
  insertKpiVersion,
  kpiProjectIds,
  projectIdsIn,
  putKpiSignature,
  setKpiProjects,
  updateKpiRow,
  type KpiDefinitionColumns,
} from "@tandem/db/queries";
import type { Kpi, KpiFormula } from "@tandem/db/schema";
import { KPI_DEFINITION_FIELDS, type KpiStatus } from "@tandem/domain/kpi";
import { WORKING_SIDES, type WorkingSide } from "@tandem/domain/sides";
import { TRPCError } from "@trpc/server";

import type { LogFn } from "../log/writer";
import { checkFormula } from "./kpi-series";

type Signer = Pick<Member, "id" | "side" | "role">;

export const kpiNotFound = () => new TRPCError({ code: "NOT_FOUND", message: "KPI not found." });
const bad = (message: string) => new TRPCError({ code: "BAD_REQUEST", message });

/** What the log keeps of a KPI's definition (and `kpi_version` of each version). */
export function kpiSnapshot(k: Kpi, projectIds: string[]) {
  return {
    id: k.id,
    name: k.name,
    description: k.description,
    unit: k.unit,
    currency: k.currency,
    direction: k.direction,
    target: k.target,
    atRisk: k.atRisk,
    cadence: k.cadence,
    owner: k.owner,
    source: k.source,
    formula: k.formula ?? null,
    version: k.version,
    projectIds,
  };
}

export function kpiStatus(k: Pick<Kpi, "agreedAt" | "retiredAt">): KpiStatus {
  return k.retiredAt ? "retired" : k.agreedAt ? "agreed" : "draft";
}

async function checkProjects(tx: Transaction, workspaceId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  const found = await projectIdsIn(tx, { workspaceId, ids: unique });
  if (found.length !== unique.length) throw new TRPCError({ code: "NOT_FOUND", message: "Project not found." });
  return unique.sort();
}

export async function createKpi(
  tx: Transaction,
  log: LogFn,
  input: Omit<KpiDefinitionColumns, "currency" | "formula"> & {
    workspaceId: string;
    createdById: string;
    currency?: string | null;
    formula?: KpiFormula | null;
    projectIds: string[];
  },
) {
  const { workspaceId, projectIds, ...def } = input;
  const formula = def.source === "computed" ? await checkFormula(tx, workspaceId, def.formula ?? null) : null;
  const projects = await checkProjects(tx, workspaceId, projectIds);
  const row = await insertKpi(tx, { ...def, currency: def.unit === "currency" ? (def.currency ?? null) : null, formula, workspaceId });
  await setKpiProjects(tx, { kpiId: row.id, projectIds: projects });
  const snapshot = kpiSnapshot(row, projects);
  await insertKpiVersion(tx, { kpiId: row.id, version: 1, definition: snapshot, createdById: input.createdById });
  await log({ action: "kpi.created", entityId: row.id, projectId: null, summary: { label: row.name, after: snapshot } });
  return snapshot;
}

export type KpiChange = Partial<
  Pick<Kpi, "name" | "description" | "unit" | "currency" | "direction" | "target" | "atRisk" | "cadence" | "owner" | "formula">
> & {
  projectIds?: string[];
};

/**
 * Changes a KPI. A change to its definition (unit, currency, direction, target, at-risk,
 * cadence, formula) makes a new version: a draft again, to be signed by both sides; values keep
 * the version they were recorded under. Nothing changed: no entry.
 */
export async function updateKpi(
  tx: Transaction,
  log: LogFn,
  { workspaceId, kpiId, memberId, change }: { workspaceId: string; kpiId: string; memberId: string; change: KpiChange },
) {
  const current = await getKpiForUpdate(tx, { workspaceId, kpiId });
  if (!current) throw kpiNotFound();
  if (current.retiredAt) throw bad("This KPI is retired; its definition can't change.");
  const { projectIds, ...fields } = change;
  if (fields.formula !== undefined) fields.formula = current.source === "computed" ? await checkFormula(tx, workspaceId, fields.formula) : null;
  if (fields.unit !== undefined && fields.unit !== "currency") fields.currency = null;
  const merged = { ...current, ...fields };
  if (merged.unit === "currency" && !merged.currency) throw bad("A currency KPI needs its currency code.");
  if (merged.direction === "higher" ? merged.atRisk > merged.target : merged.atRisk < merged.target)
    throw bad(
      merged.direction === "higher"
        ? "With higher is better, the at-risk threshold is at or below the target."
        : "With lower is better, the at-risk threshold is at or above the target.",
    );

  const after: Record<string, unknown> = {};
  const before: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields) as [keyof typeof fields, unknown][]) {
    if (value === undefined || JSON.stringify(value) === JSON.stringify(current[key] ?? null)) continue;
    after[key] = value;
    before[key] = current[key] ?? null;
  }
  const oldProjects = await kpiProjectIds(tx, kpiId);
  const newProjects = projectIds ? await checkProjects(tx, workspaceId, projectIds) : oldProjects;
  if (JSON.stringify(newProjects) !== JSON.stringify(oldProjects)) {
    after.projectIds = newProjects;
    before.projectIds = oldProjects;
  }
  if (Object.keys(after).length === 0) return kpiSnapshot(current, oldProjects);

  const newVersion = KPI_DEFINITION_FIELDS.some((f) => f in after);
  const row = await updateKpiRow(tx, {
    kpiId,
    change: { ...(fields as Partial<Kpi>), ...(newVersion ? { version: current.version + 1, agreedAt: null } : {}) },
  });
  if (projectIds) await setKpiProjects(tx, { kpiId, projectIds: newProjects });
  const snapshot = kpiSnapshot(row, newProjects);
  if (newVersion) {
    await insertKpiVersion(tx, { kpiId, version: row.version, definition: snapshot, createdById: memberId });
    after.version = row.version;
    before.version = current.version;
  }
  await log({ action: "kpi.updated", entityId: kpiId, projectId: null, summary: { label: row.name, after, before } });
  return snapshot;
}

/** The signer's working side, or a refusal: leadership and viewers don't sign definitions. */
function signingSide(signer: Signer): WorkingSide {
  const side = WORKING_SIDES.find((s) => s === signer.side);
  if (!side || (signer.role !== "lead" && signer.role !== "admin")) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only a lead or an admin of marketing or IT signs a KPI's definition." });
  }
  return side;
}

async function lockedForStance(tx: Transaction, workspaceId: string, kpiId: string, version: number) {
  const current = await getKpiForUpdate(tx, { workspaceId, kpiId });
  if (!current) throw kpiNotFound();
  if (current.retiredAt) throw bad("This KPI is retired.");
  if (current.version !== version)
    throw new TRPCError({
      code: "CONFLICT",
      message: `The definition changed (it is now version ${current.version}): read it again before you sign or object.`,
    });
  return current;
}

/** Signs the current version for the signer's side; the second side's signature agrees it. */
export async function signKpi(
  tx: Transaction,
  log: LogFn,
  { workspaceId, kpiId, version, signer }: { workspaceId: string; kpiId: string; version: number; signer: Signer },
) {
  const side = signingSide(signer);
  const current = await lockedForStance(tx, workspaceId, kpiId, version);
  const existing = await getKpiSignature(tx, { kpiId, version, side });
  if (existing?.verdict === "signed") return { agreed: current.agreedAt !== null };
  await putKpiSignature(tx, { kpiId, version, side, memberId: signer.id, verdict: "signed", reason: null });
  const other = await getKpiSignature(tx, { kpiId, version, side: side === "marketing" ? "it" : "marketing" });
  const agreed = other?.verdict === "signed";
  if (agreed) await updateKpiRow(tx, { kpiId, change: { agreedAt: new Date() } });
  await log({ action: "kpi.signed", entityId: kpiId, projectId: null, summary: { label: current.name, after: { version, side, agreed } } });
  return { agreed };
}

/** Objects, with a reason, for the signer's side; an agreed version is no longer agreed. */
export async function objectToKpi(
  tx: Transaction,
  log: LogFn,
  { workspaceId, kpiId, version, reason, signer }: { workspaceId: string; kpiId: string; version: number; reason: string; signer: Signer },
) {
  const side = signingSide(signer);
  const current = await lockedForStance(tx, workspaceId, kpiId, version);
  await putKpiSignature(tx, { kpiId, version, side, memberId: signer.id, verdict: "objected", reason });
  if (current.agreedAt) await updateKpiRow(tx, { kpiId, change: { agreedAt: null } });
  await log({ action: "kpi.objected", entityId: kpiId, projectId: null, summary: { label: current.name, after: { version, side, reason } } });
  return { agreed: false };
}

export async function withdrawObjection(
  tx: Transaction,
  log: LogFn,
  { workspaceId, kpiId, version, signer }: { workspaceId: string; kpiId: string; version: number; signer: Signer },
) {
  const side = signingSide(signer);
  const current = await lockedForStance(tx, workspaceId, kpiId, version);
  const existing = await getKpiSignature(tx, { kpiId, version, side });
  if (existing?.verdict !== "objected") throw bad(`${side === "it" ? "IT" : "Marketing"} has no objection to withdraw.`);
  await deleteKpiSignature(tx, { kpiId, version, side });
  await log({ action: "kpi.objection_withdrawn", entityId: kpiId, projectId: null, summary: { label: current.name, after: { version, side } } });
  return { agreed: false };
}

export async function retireKpi(tx: Transaction, log: LogFn, { workspaceId, kpiId, reason }: { workspaceId: string; kpiId: string; reason: string }) {
  const current = await getKpiForUpdate(tx, { workspaceId, kpiId });
  if (!current) throw kpiNotFound();
  if (current.retiredAt) return { retired: true };
  await updateKpiRow(tx, { kpiId, change: { retiredAt: new Date() } });
  await log({ action: "kpi.retired", entityId: kpiId, projectId: null, summary: { label: current.name, after: { reason } } });
  return { retired: true };
}

/** A comment on a KPI, or leadership's acknowledgement of it. */
export async function commentOnKpi(
  tx: Transaction,
  log: LogFn,
  {
    workspaceId,
    kpiId,
    author,
    body,
    acknowledged,
  }: { workspaceId: string; kpiId: string; author: Pick<Member, "id" | "side">; body: string; acknowledged: boolean },
) {
  const current = await getKpiForUpdate(tx, { workspaceId, kpiId });
  if (!current) throw kpiNotFound();
  if (acknowledged && author.side !== "leadership") throw new TRPCError({ code: "FORBIDDEN", message: "Leadership acknowledges KPIs; comment instead." });
  const row = await insertKpiComment(tx, { workspaceId, kpiId, authorId: author.id, body, acknowledged });
  await log({ action: "kpi.commented", entityId: kpiId, projectId: null, summary: { label: current.name, after: { commentId: row.id, body, acknowledged } } });
  return { id: row.id };
}
