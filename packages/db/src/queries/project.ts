import { and, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

import type { Executor } from "../client";
import { member, project, projectMember, task, user, type Health, type Phase } from "../schema";
import { nextMilestoneOf } from "./milestone";

export interface ProjectFilter {
  phase?: Phase;
  health?: Health | "disagree";
  leadId?: string;
  side?: "marketing" | "it";
  search?: string;
}

const mLead = alias(member, "m_lead");
const iLead = alias(member, "i_lead");
const mUser = alias(user, "m_user");
const iUser = alias(user, "i_user");

/** Both leads' healths set and different: shown plainly wherever the project appears. */
export const disagreement = sql<boolean>`(${project.marketingHealth} is not null and ${project.itHealth} is not null and ${project.marketingHealth} <> ${project.itHealth})`;

/** `today` is the workspace's day (todayIn in @tandem/domain/rules): overdue is reckoned in its time zone. */
function projectSelect(db: Executor, today: string) {
  return db
    .select({
      project,
      marketingLeadName: mUser.name,
      itLeadName: iUser.name,
      openTasks: sql<number>`(select count(*)::int from ${task} where ${task.projectId} = ${project.id} and ${task.status} <> 'done')`,
      overdueTasks: sql<number>`(select count(*)::int from ${task} where ${task.projectId} = ${project.id} and ${task.status} <> 'done' and ${task.dueDate} < ${today})`,
      disagree: disagreement,
      nextMilestone: nextMilestoneOf(project.id),
    })
    .from(project)
    .innerJoin(mLead, eq(mLead.id, project.marketingLeadId))
    .innerJoin(mUser, eq(mUser.id, mLead.userId))
    .innerJoin(iLead, eq(iLead.id, project.itLeadId))
    .innerJoin(iUser, eq(iUser.id, iLead.userId));
}

export type ProjectRow = Awaited<ReturnType<typeof listProjects>>[number];

export async function listProjects(
  db: Executor,
  { workspaceId, today, filter = {} }: { workspaceId: string; today: string; filter?: ProjectFilter },
) {
  const conds: (SQL | undefined)[] = [eq(project.workspaceId, workspaceId)];
  if (filter.phase) conds.push(eq(project.phase, filter.phase));
  if (filter.health === "disagree") conds.push(disagreement);
  else if (filter.health) conds.push(or(eq(project.marketingHealth, filter.health), eq(project.itHealth, filter.health)));
  if (filter.leadId) conds.push(or(eq(project.marketingLeadId, filter.leadId), eq(project.itLeadId, filter.leadId)));
  // A side's projects: those where that side owns open work.
  if (filter.side) {
    conds.push(sql`exists (select 1 from ${task} where ${task.projectId} = ${project.id} and ${task.side} = ${filter.side} and ${task.status} <> 'done')`);
  }
  if (filter.search) conds.push(ilike(project.name, `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  return projectSelect(db, today)
    .where(and(...conds))
    .orderBy(desc(project.updatedAt));
}

export async function getProject(db: Executor, { workspaceId, projectId, today }: { workspaceId: string; projectId: string; today: string }) {
  const [row] = await projectSelect(db, today)
    .where(and(eq(project.workspaceId, workspaceId), eq(project.id, projectId)))
    .limit(1);
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

