import type { Transaction } from "@tandem/db";
import type { schema } from "@tandem/db";
import {
  bottomPosition,
  deleteTaskRow,
  getMembersByIds,
  getProjectRow,
  getTaskForUpdate,
  insertNotifications,
  insertTask,
  insertTaskStatusChange,
  placeBetween,
  updateTaskRow,
} from "@tandem/db/queries";
import { TRPCError } from "@trpc/server";

import type { LogFn } from "../log/writer";
import { diff } from "./project";

type TaskRow = typeof schema.task.$inferSelect;
type Actor = { memberId: string; name: string };

const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "Task not found." });

/** Everything a client needs to put a task in its cache. */
export function taskSnapshot(t: TaskRow, assigneeName: string | null) {
  return {
    id: t.id,
    projectId: t.projectId,
    title: t.title,
    description: t.description,
    side: t.side,
    assigneeId: t.assigneeId,
    assigneeName,
    status: t.status,
    priority: t.priority,
    kind: t.kind,
    dueDate: t.dueDate,
    position: t.position,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

async function assigneeOf(tx: Transaction, workspaceId: string, assigneeId: string | null | undefined) {
  if (!assigneeId) return null;
  const [m] = await getMembersByIds(tx, { workspaceId, ids: [assigneeId] });
  if (!m) throw new TRPCError({ code: "BAD_REQUEST", message: "The assignee is not a member of this workspace." });
  if (m.role === "viewer") throw new TRPCError({ code: "BAD_REQUEST", message: "Viewers can't be assigned work." });
  return m;
}

async function notifyAssignee(
  tx: Transaction,
  { workspaceId, task, assignee, actor }: { workspaceId: string; task: TaskRow; assignee: { id: string } | null; actor: Actor },
) {
  if (!assignee || assignee.id === actor.memberId) return;
  await insertNotifications(tx, [
    { workspaceId, recipientId: assignee.id, kind: "assignment", actorName: actor.name, projectId: task.projectId, taskId: task.id, title: task.title },
  ]);
}

/** The task's status history (what cycle time, throughput and time blocked are computed from). */
function recordStatus(tx: Transaction, row: TaskRow, fromStatus: TaskRow["status"] | null) {
  return insertTaskStatusChange(tx, {
    workspaceId: row.workspaceId,
    projectId: row.projectId,
    taskId: row.id,
    side: row.side,
    fromStatus,
    toStatus: row.status,
  });
}

export async function createTask(
  tx: Transaction,
  log: LogFn,
  actor: Actor,
  input: {
    workspaceId: string;
    projectId: string;
    title: string;
    description: string;
    side: "marketing" | "it";
    assigneeId?: string | null;
    status: TaskRow["status"];
    priority: TaskRow["priority"];
    kind: TaskRow["kind"];
    dueDate?: string | null;
  },
) {
  const project = await getProjectRow(tx, { workspaceId: input.workspaceId, projectId: input.projectId });
  if (!project) throw new TRPCError({ code: "NOT_FOUND", message: "Project not found." });
  const assignee = await assigneeOf(tx, input.workspaceId, input.assigneeId);
  const row = await insertTask(tx, {
    workspaceId: input.workspaceId,
    projectId: input.projectId,
    title: input.title,
    description: input.description,
    side: input.side,
    assigneeId: assignee?.id ?? null,
    status: input.status,
    priority: input.priority,
    kind: input.kind,
    dueDate: input.dueDate ?? null,
    position: await bottomPosition(tx, { projectId: input.projectId, status: input.status }),
    createdById: actor.memberId,
  });
  await recordStatus(tx, row, null);
  await notifyAssignee(tx, { workspaceId: input.workspaceId, task: row, assignee, actor });
  await log({
    action: "task.created",

    entityId: row.id,
    projectId: row.projectId,
    summary: {
      label: row.title,
      after: { ...taskSnapshot(row, assignee?.name ?? null), projectName: project.name },
      notify: assignee && assignee.id !== actor.memberId ? [assignee.userId] : [],
    },
  });
  return row;
}

type TaskChange = Partial<Pick<TaskRow, "title" | "description" | "side" | "assigneeId" | "priority" | "kind" | "dueDate">>;

export async function updateTask(
  tx: Transaction,
  log: LogFn,
  actor: Actor,
  { workspaceId, taskId, change }: { workspaceId: string; taskId: string; change: TaskChange },
) {
  const current = await getTaskForUpdate(tx, { workspaceId, taskId });
  if (!current) throw notFound();
  const changed = diff(current, change);
  if (Object.keys(changed.after).length === 0) return current;
  const assigneeChanged = "assigneeId" in changed.after;
  const assignee = assigneeChanged ? await assigneeOf(tx, workspaceId, changed.after.assigneeId) : null;
  const row = await updateTaskRow(tx, { workspaceId, taskId }, changed.after);
  if (!row) throw notFound();
  if (assigneeChanged) await notifyAssignee(tx, { workspaceId, task: row, assignee, actor });
  await log({
    action: assigneeChanged ? "task.assigned" : "task.updated",

    entityId: taskId,
    projectId: row.projectId,
    summary: {
      label: row.title,
      before: changed.before,
      after: { ...changed.after, ...(assigneeChanged ? { assigneeName: assignee?.name ?? null } : {}), updatedAt: row.updatedAt.toISOString() },
      notify: assignee && assignee.id !== actor.memberId ? [assignee.userId] : [],
    },
  });
  return row;
}

export async function moveTask(
  tx: Transaction,
  log: LogFn,
  {
    workspaceId,
    taskId,
    status,
    beforeId,
    afterId,
  }: { workspaceId: string; taskId: string; status: TaskRow["status"]; beforeId?: string | null; afterId?: string | null },
) {
  const current = await getTaskForUpdate(tx, { workspaceId, taskId });
  if (!current) throw notFound();
  const position = await placeBetween(tx, { projectId: current.projectId, status, beforeId, afterId });
  const row = await updateTaskRow(tx, { workspaceId, taskId }, { status, position });
  if (!row) throw notFound();
  if (row.status !== current.status) await recordStatus(tx, row, current.status);
  await log({
    action: "task.moved",

    entityId: taskId,
    projectId: row.projectId,
    summary: {
      label: row.title,
      before: { status: current.status, position: current.position },
      after: { status, position, updatedAt: row.updatedAt.toISOString() },
    },
  });
  return row;
}

export async function deleteTask(tx: Transaction, log: LogFn, { workspaceId, taskId }: { workspaceId: string; taskId: string }) {
  const current = await getTaskForUpdate(tx, { workspaceId, taskId });
  if (!current) throw notFound();
  await deleteTaskRow(tx, { workspaceId, taskId });
  await log({
    action: "task.deleted",

    entityId: taskId,
    projectId: current.projectId,
    summary: { label: current.title, before: { status: current.status, side: current.side }, after: null },
  });
  return { id: taskId, projectId: current.projectId };
}

/** Projects must exist in the workspace; exported for routers that only need the check. */
export async function requireProject(tx: Transaction, workspaceId: string, projectId: string) {
  const p = await getProjectRow(tx, { workspaceId, projectId });
  if (!p) throw new TRPCError({ code: "NOT_FOUND", message: "Project not found." });
  return p;
}
