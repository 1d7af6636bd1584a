import { and, desc, eq, ilike, inArray, sql, type SQL } from "drizzle-orm";
import type { WorkingSide } from "@tandem/domain/sides";

import type { Executor } from "../client";
import { member, project, projectMember, task, user, workspace, type Health, type Phase } from "../schema";
import { nextMilestoneOf } from "./milestone";
import { anySideHealth, disagreement, ledBy, withSides } from "./project-side";

export interface ProjectFilter {
  phase?: Phase;
  health?: Health | "disagree";
  leadId?: string;
  side?: WorkingSide;
  search?: string;
}

/** `today` is the workspace's day (todayIn in @tandem/domain/rules): overdue is reckoned in its time zone. */
function projectSelect(db: Executor, today: string) {
  return (
    db
      .select({
        project,
        // Qualified by workspace too, so that task_project_idx (workspace, project, status) serves them.
        openTasks: sql<number>`(select count(*)::int from ${task} where ${task.workspaceId} = ${project.workspaceId} and ${task.projectId} = ${project.id} and ${task.status} <> 'done')`,
        overdueTasks: sql<number>`(select count(*)::int from ${task} where ${task.workspaceId} = ${project.workspaceId} and ${task.projectId} = ${project.id} and ${task.status} <> 'done' and ${task.dueDate} < ${today})`,
        disagree: disagreement,
        nextMilestone: nextMilestoneOf(project.id),
      })
      .from(project)
      // Not for its columns: with a join, drizzle qualifies `project.id` inside the subqueries above
      // (a single-table select would print a bare "id", which the task subquery reads as task.id).
      .innerJoin(workspace, eq(workspace.id, project.workspaceId))
  );
}

export type ProjectRow = Awaited<ReturnType<typeof listProjects>>[number];

export async function listProjects(db: Executor, { workspaceId, today, filter = {} }: { workspaceId: string; today: string; filter?: ProjectFilter }) {
  const conds: (SQL | undefined)[] = [eq(project.workspaceId, workspaceId)];
  if (filter.phase) conds.push(eq(project.phase, filter.phase));
  if (filter.health === "disagree") conds.push(disagreement);
  else if (filter.health) conds.push(anySideHealth(filter.health));
  if (filter.leadId) conds.push(ledBy(filter.leadId));
  // A side's projects: those where that side owns open work.
  if (filter.side) {
    conds.push(sql`exists (select 1 from ${task} where ${task.projectId} = ${project.id} and ${task.side} = ${filter.side} and ${task.status} <> 'done')`);
  }
  if (filter.search) conds.push(ilike(project.name, `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const rows = await projectSelect(db, today)
    .where(and(...conds))
    .orderBy(desc(project.updatedAt));
  return withSides(db, rows);
}

/** Every project of the workspace with both sides' lead and health, and nothing else: what the dashboard's health matrix shows. */
export async function listProjectHealth(db: Executor, { workspaceId }: { workspaceId: string }) {
  const rows = await db
    .select({ project: { id: project.id, name: project.name, phase: project.phase } })
    .from(project)
    .where(eq(project.workspaceId, workspaceId))
    .orderBy(desc(project.updatedAt));
  return withSides(db, rows);
}

export async function getProject(db: Executor, { workspaceId, projectId, today }: { workspaceId: string; projectId: string; today: string }) {
  const [row] = await withSides(
    db,
    await projectSelect(db, today)
      .where(and(eq(project.workspaceId, workspaceId), eq(project.id, projectId)))
      .limit(1),
  );
  return row ?? null;
}

export async function getProjectRow(db: Executor, { workspaceId, projectId }: { workspaceId: string; projectId: string }) {
  const [row] = await db
    .select()
    .from(project)
    .where(and(eq(project.workspaceId, workspaceId), eq(project.id, projectId)))
    .limit(1);
  return row ?? null;
}

export async function listProjectMembers(db: Executor, { workspaceId, projectId }: { workspaceId: string; projectId: string }) {
  return db
    .select({ memberId: member.id, userId: member.userId, name: user.name, side: member.side, role: member.role })
    .from(projectMember)
    .innerJoin(member, eq(member.id, projectMember.memberId))
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(projectMember.workspaceId, workspaceId), eq(projectMember.projectId, projectId)));
}

export async function addProjectMembers(db: Executor, rows: { projectId: string; memberId: string; workspaceId: string }[]) {
  if (rows.length === 0) return [];
  return db.insert(projectMember).values(rows).onConflictDoNothing().returning();
}

export async function removeProjectMember(db: Executor, { workspaceId, projectId, memberId }: { workspaceId: string; projectId: string; memberId: string }) {
  const [row] = await db
    .delete(projectMember)
    .where(and(eq(projectMember.workspaceId, workspaceId), eq(projectMember.projectId, projectId), eq(projectMember.memberId, memberId)))
    .returning();
  return row ?? null;
}

/** Which of these ids are projects of the workspace. */
export async function projectIdsIn(db: Executor, { workspaceId, ids }: { workspaceId: string; ids: string[] }) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: project.id })
    .from(project)
    .where(and(eq(project.workspaceId, workspaceId), inArray(project.id, ids)));
  return rows.map((r) => r.id);
}
