import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";

import type { Executor } from "../client";
import {
  kpi,
  kpiComment,
  kpiComputedState,
  kpiProject,
  kpiSignature,
  kpiValue,
  kpiVersion,
  member,
  project,
  user,
  workspace,
  type KpiFormula,
} from "../schema";

type KpiInsert = typeof kpi.$inferInsert;
export type KpiDefinitionColumns = Pick<
  KpiInsert,
  "name" | "description" | "unit" | "currency" | "direction" | "target" | "atRisk" | "cadence" | "owner" | "source"
> & {
  formula: KpiFormula | null;
};

/** The register: every KPI of the workspace (retired ones last), with its linked projects. */
export function listKpis(db: Executor, { workspaceId }: { workspaceId: string }) {
  return db
    .select({
      kpi,
      projectIds: sql<string[]>`coalesce((select array_agg(${kpiProject.projectId}::text) from ${kpiProject} where ${kpiProject.kpiId} = ${kpi.id}), '{}')`,
    })
    .from(kpi)
    .where(eq(kpi.workspaceId, workspaceId))
    .orderBy(sql`${kpi.retiredAt} is not null`, asc(kpi.name));
}

export async function getKpiRow(db: Executor, { workspaceId, kpiId }: { workspaceId: string; kpiId: string }) {
  const [row] = await db
    .select()
    .from(kpi)
    .where(and(eq(kpi.workspaceId, workspaceId), eq(kpi.id, kpiId)))
    .limit(1);
  return row ?? null;
}

/** The KPI, locked for the rest of the transaction (signatures and values serialise on it). */
export async function getKpiForUpdate(db: Executor, { workspaceId, kpiId }: { workspaceId: string; kpiId: string }) {
  const [row] = await db
    .select()
    .from(kpi)
    .where(and(eq(kpi.workspaceId, workspaceId), eq(kpi.id, kpiId)))
    .for("update")
    .limit(1);
  return row ?? null;
}

export async function kpiProjectIds(db: Executor, kpiId: string) {
  const rows = await db.select({ projectId: kpiProject.projectId }).from(kpiProject).where(eq(kpiProject.kpiId, kpiId)).orderBy(asc(kpiProject.projectId));
  return rows.map((r) => r.projectId);
}

/** The projects linked to a KPI, with their names, by name. */
export async function kpiProjects(db: Executor, kpiId: string) {
  return db
    .select({ id: project.id, name: project.name })
    .from(kpiProject)
    .innerJoin(project, eq(project.id, kpiProject.projectId))
    .where(eq(kpiProject.kpiId, kpiId))
    .orderBy(asc(project.name), asc(project.id));
}

export async function insertKpi(db: Executor, values: KpiDefinitionColumns & { workspaceId: string; createdById: string }) {
  const [row] = await db.insert(kpi).values(values).returning();
  if (!row) throw new Error("kpi insert returned nothing");
  return row;
}

export async function updateKpiRow(db: Executor, { kpiId, change }: { kpiId: string; change: Partial<KpiInsert> }) {
  const [row] = await db
    .update(kpi)
    .set({ ...change, updatedAt: sql`now()` })
    .where(eq(kpi.id, kpiId))
    .returning();
  if (!row) throw new Error("kpi update returned nothing");
  return row;
}

export async function setKpiProjects(db: Executor, { kpiId, projectIds }: { kpiId: string; projectIds: string[] }) {
  await db.delete(kpiProject).where(eq(kpiProject.kpiId, kpiId));
  if (projectIds.length) await db.insert(kpiProject).values(projectIds.map((projectId) => ({ kpiId, projectId })));
}

export async function insertKpiVersion(db: Executor, values: typeof kpiVersion.$inferInsert) {
  await db.insert(kpiVersion).values(values);
}

/** Both sides' stances on one version of the definition, with who took them. */
export function listKpiSignatures(db: Executor, { kpiIds }: { kpiIds: string[] }) {
  if (kpiIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      kpiId: kpiSignature.kpiId,
      version: kpiSignature.version,
      side: kpiSignature.side,
      verdict: kpiSignature.verdict,
      reason: kpiSignature.reason,
      memberId: kpiSignature.memberId,
      name: user.name,
      createdAt: kpiSignature.createdAt,
    })
    .from(kpiSignature)
    .innerJoin(kpi, and(eq(kpi.id, kpiSignature.kpiId), eq(kpi.version, kpiSignature.version)))
    .innerJoin(member, eq(member.id, kpiSignature.memberId))
    .innerJoin(user, eq(user.id, member.userId))
    .where(inArray(kpiSignature.kpiId, kpiIds));
}

/** A side signs or objects to a version: its earlier stance on that version is replaced. */
export async function putKpiSignature(db: Executor, values: typeof kpiSignature.$inferInsert) {
  await db
    .insert(kpiSignature)
    .values(values)
    .onConflictDoUpdate({
      target: [kpiSignature.kpiId, kpiSignature.version, kpiSignature.side],
      set: { memberId: values.memberId, verdict: values.verdict, reason: values.reason ?? null, createdAt: sql`now()` },
    });
}

export async function getKpiSignature(db: Executor, { kpiId, version, side }: { kpiId: string; version: number; side: "marketing" | "it" }) {
  const [row] = await db
    .select()
    .from(kpiSignature)
    .where(and(eq(kpiSignature.kpiId, kpiId), eq(kpiSignature.version, version), eq(kpiSignature.side, side)))
    .limit(1);
  return row ?? null;
}

export async function deleteKpiSignature(db: Executor, { kpiId, version, side }: { kpiId: string; version: number; side: "marketing" | "it" }) {
  await db.delete(kpiSignature).where(and(eq(kpiSignature.kpiId, kpiId), eq(kpiSignature.version, version), eq(kpiSignature.side, side)));
}

/**
 * Each period's value (its latest revision) in [from, to), oldest first, with the revision it
 * corrected (value and who recorded the correction) so a page can say "corrected by Raj, was 92.1".
 */
export function listKpiValues(db: Executor, { kpiId, from, to }: { kpiId: string; from?: string; to?: string }) {
  const prev = sql`(select p.value from ${kpiValue} p where p.kpi_id = ${kpiValue.kpiId} and p.period_start = ${kpiValue.periodStart} and p.revision = ${kpiValue.revision} - 1)`;
  return db
    .select({
      periodStart: kpiValue.periodStart,
      value: kpiValue.value,
      revision: kpiValue.revision,
      note: kpiValue.note,
      sourceUrl: kpiValue.sourceUrl,
      imported: kpiValue.imported,
      kpiVersion: kpiValue.kpiVersion,
      recordedBy: user.name,
      createdAt: kpiValue.createdAt,
      previous: sql<number | null>`${prev}`,
    })
    .from(kpiValue)
    .leftJoin(member, eq(member.id, kpiValue.recordedById))
    .leftJoin(user, eq(user.id, member.userId))
    .where(
      and(
        eq(kpiValue.kpiId, kpiId),
        from ? gte(kpiValue.periodStart, from) : undefined,
        to ? lt(kpiValue.periodStart, to) : undefined,
        sql`${kpiValue.revision} = (select max(l.revision) from ${kpiValue} l where l.kpi_id = ${kpiValue.kpiId} and l.period_start = ${kpiValue.periodStart})`,
      ),
    )
    .orderBy(asc(kpiValue.periodStart));
}

/** Every revision of every period, newest first: the KPI's full history for its page and export. */
export function listKpiValueHistory(db: Executor, { kpiId, limit = 5000 }: { kpiId: string; limit?: number }) {
  return db
    .select({
      periodStart: kpiValue.periodStart,
      revision: kpiValue.revision,
      value: kpiValue.value,
      note: kpiValue.note,
      sourceUrl: kpiValue.sourceUrl,
      imported: kpiValue.imported,
      kpiVersion: kpiValue.kpiVersion,
      recordedBy: user.name,
      createdAt: kpiValue.createdAt,
    })
    .from(kpiValue)
    .leftJoin(member, eq(member.id, kpiValue.recordedById))
    .leftJoin(user, eq(user.id, member.userId))
    .where(eq(kpiValue.kpiId, kpiId))
    .orderBy(desc(kpiValue.periodStart), desc(kpiValue.revision))
    .limit(limit);
}

/** The latest revision of each of these periods (for a correction or an import). */
export async function currentKpiValues(db: Executor, { kpiId, periods }: { kpiId: string; periods: string[] }) {
  if (periods.length === 0) return new Map<string, { value: number; note: string; revision: number }>();
  const rows = await db
    .selectDistinctOn([kpiValue.periodStart], { periodStart: kpiValue.periodStart, value: kpiValue.value, note: kpiValue.note, revision: kpiValue.revision })
    .from(kpiValue)
    .where(and(eq(kpiValue.kpiId, kpiId), inArray(kpiValue.periodStart, periods)))
    .orderBy(kpiValue.periodStart, desc(kpiValue.revision));
  return new Map(rows.map((r) => [r.periodStart, r]));
}

export async function insertKpiValues(db: Executor, rows: (typeof kpiValue.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(kpiValue).values(rows).returning();
}

/** The latest value of each KPI (for the register's list and /status), keyed by KPI id. */
export async function latestKpiValues(db: Executor, { workspaceId }: { workspaceId: string }) {
  const rows = await db
    .selectDistinctOn([kpiValue.kpiId], { kpiId: kpiValue.kpiId, periodStart: kpiValue.periodStart, value: kpiValue.value })
    .from(kpiValue)
    .where(eq(kpiValue.workspaceId, workspaceId))
    .orderBy(kpiValue.kpiId, desc(kpiValue.periodStart), desc(kpiValue.revision));
  return new Map(rows.map((r) => [r.kpiId, r]));
}

export async function insertKpiComment(db: Executor, values: typeof kpiComment.$inferInsert) {
  const [row] = await db.insert(kpiComment).values(values).returning();
  if (!row) throw new Error("kpi comment insert returned nothing");
  return row;
}

export function listKpiComments(db: Executor, { kpiId }: { kpiId: string }) {
  return db
    .select({
      id: kpiComment.id,
      body: kpiComment.body,
      acknowledged: kpiComment.acknowledged,
      createdAt: kpiComment.createdAt,
      authorName: user.name,
      authorSide: member.side,
    })
    .from(kpiComment)
    .leftJoin(member, eq(member.id, kpiComment.authorId))
    .leftJoin(user, eq(user.id, member.userId))
    .where(eq(kpiComment.kpiId, kpiId))
    .orderBy(asc(kpiComment.createdAt));
}

/** The leads (and admins) of the given working sides: who an off-target KPI tells. */
export function kpiOwnerLeads(db: Executor, { workspaceId, sides }: { workspaceId: string; sides: ("marketing" | "it")[] }) {
  return db
    .select({ id: member.id, userId: member.userId })
    .from(member)
    .where(and(eq(member.workspaceId, workspaceId), inArray(member.side, sides), inArray(member.role, ["lead", "admin"])));
}

/**
 * The workspace's computed KPIs in force (both sides agreed, not retired), each locked for the rest
 * of the transaction (in id order, so two checks never deadlock), with the workspace's time zone
 * and the state the last check stored: what a change to the work is checked against.
 */
export function agreedComputedKpisForUpdate(db: Executor, { workspaceId }: { workspaceId: string }) {
  return db
    .select({ kpi, timeZone: workspace.timeZone, stored: kpiComputedState })
    .from(kpi)
    .innerJoin(workspace, eq(workspace.id, kpi.workspaceId))
    .leftJoin(kpiComputedState, eq(kpiComputedState.kpiId, kpi.id))
    .where(and(eq(kpi.workspaceId, workspaceId), eq(kpi.source, "computed"), isNotNull(kpi.agreedAt), isNull(kpi.retiredAt)))
    .orderBy(asc(kpi.id))
    .for("update", { of: kpi });
}

/** Stores where a computed KPI's current period stands now (one row per KPI, replaced). */
export async function putKpiComputedState(db: Executor, values: Omit<typeof kpiComputedState.$inferInsert, "checkedAt">) {
  const { kpiVersion, periodStart, value, state } = values;
  await db
    .insert(kpiComputedState)
    .values(values)
    .onConflictDoUpdate({ target: kpiComputedState.kpiId, set: { kpiVersion, periodStart, value, state, checkedAt: sql`now()` } });
}
