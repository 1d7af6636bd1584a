import { perSide, type WorkingSide } from "@tandem/domain/sides";
import { and, eq, inArray, sql } from "drizzle-orm";

import type { Executor } from "../client";
import { member, project, projectSide, user, type Health } from "../schema";

/** One working side's part of a project, as every view reads it. */
export interface ProjectSideView {
  leadId: string;
  leadName: string;
  health: Health | null;
  healthReason: string | null;
  healthAt: Date | null;
}
export type ProjectSides = Record<WorkingSide, ProjectSideView>;

/**
 * The "leads disagree" rule in SQL, so lists can filter on it: two sides have posted and differ.
 * Keep it in step with `sidesDisagree` in @tandem/domain/rules (tests/integration/db/project-sides.test.ts checks they agree).
 */
export const disagreement = sql<boolean>`((select count(distinct ${projectSide.health}) from ${projectSide} where ${projectSide.projectId} = ${project.id}) > 1)`;

/** Projects where some side's health is this one. */
export const anySideHealth = (health: Health) =>
  sql<boolean>`exists (select 1 from ${projectSide} where ${projectSide.projectId} = ${project.id} and ${projectSide.health} = ${health})`;

/** Projects this member leads, on either side. */
export const ledBy = (memberId: string) =>
  sql<boolean>`exists (select 1 from ${projectSide} where ${projectSide.projectId} = ${project.id} and ${projectSide.leadId} = ${memberId})`;

const noSide: ProjectSideView = { leadId: "", leadName: "", health: null, healthReason: null, healthAt: null };

/** Each project's sides, read as rows (with the lead's name), one record per project id. */
export async function getProjectSides(db: Executor, projectIds: string[]): Promise<Map<string, ProjectSides>> {
  const bySide = new Map<string, Partial<ProjectSides>>();
  if (projectIds.length === 0) return new Map();
  const rows = await db
    .select({
      projectId: projectSide.projectId,
      side: projectSide.side,
      leadId: projectSide.leadId,
      leadName: user.name,
      health: projectSide.health,
      healthReason: projectSide.healthReason,
      healthAt: projectSide.healthAt,
    })
    .from(projectSide)
    .innerJoin(member, eq(member.id, projectSide.leadId))
    .innerJoin(user, eq(user.id, member.userId))
    .where(inArray(projectSide.projectId, [...new Set(projectIds)]));
  for (const { projectId, side, ...part } of rows) {
    const sides = bySide.get(projectId) ?? {};
    sides[side] = part;
    bySide.set(projectId, sides);
  }
  return new Map(projectIds.map((id) => [id, perSide((side) => bySide.get(id)?.[side] ?? noSide)]));
}

/** The rows of a project list or page, each with its `sides`. */
export async function withSides<T extends { project: { id: string } }>(db: Executor, rows: T[]): Promise<(T & { sides: ProjectSides })[]> {
  const sides = await getProjectSides(
    db,
    rows.map((r) => r.project.id),
  );
  return rows.map((r) => ({ ...r, sides: sides.get(r.project.id) ?? perSide(() => noSide) }));
}

/** A project's side rows, locked for an update (the caller holds the project's lock too). */
export async function lockProjectSides(db: Executor, projectId: string) {
  const rows = await db.select().from(projectSide).where(eq(projectSide.projectId, projectId)).for("update");
  return perSide((side) => {
    const row = rows.find((r) => r.side === side);
    if (!row) throw new Error(`project ${projectId} has no ${side} side`);
    return row;
  });
}

export async function insertProjectSides(db: Executor, projectId: string, leads: Record<WorkingSide, string>) {
  return db
    .insert(projectSide)
    .values(Object.entries(leads).map(([side, leadId]) => ({ projectId, side: side as WorkingSide, leadId })))
    .returning();
}

export async function updateProjectSide(
  db: Executor,
  projectId: string,
  side: WorkingSide,
  set: Partial<Pick<typeof projectSide.$inferInsert, "leadId" | "health" | "healthReason" | "healthAt">>,
) {
  const [row] = await db
    .update(projectSide)
    .set(set)
    .where(and(eq(projectSide.projectId, projectId), eq(projectSide.side, side)))
    .returning();
  if (!row) throw new Error(`project ${projectId} has no ${side} side`);
  return row;
}
