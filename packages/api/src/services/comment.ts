import type { Transaction } from "@tandem/db";
import { getMembersByIds, getTask, insertComment, insertNotifications } from "@tandem/db/queries";
import { TRPCError } from "@trpc/server";

import type { LogFn } from "../log/writer";
import { mentionedMemberIds, plainMentions } from "@tandem/domain/mentions";
import { requireProject } from "./task";

export async function createComment(
  tx: Transaction,
  log: LogFn,
  actor: { memberId: string; name: string },
  { workspaceId, projectId, taskId, body }: { workspaceId: string; projectId: string; taskId?: string | null; body: string },
) {
  const project = await requireProject(tx, workspaceId, projectId);
  const task = taskId ? await getTask(tx, { workspaceId, taskId }) : null;
  if (taskId && (!task || task.projectId !== projectId)) throw new TRPCError({ code: "NOT_FOUND", message: "Task not found." });
  // Mentions of people outside the workspace are ignored, never an error: the text stays as typed.
  const members = await getMembersByIds(tx, { workspaceId, ids: mentionedMemberIds(body) });
  const row = await insertComment(tx, { workspaceId, projectId, taskId: taskId ?? null, authorId: actor.memberId, body, mentionIds: members.map((m) => m.id) });
  const mentioned = members.filter((m) => m.id !== actor.memberId);
  const excerpt = plainMentions(body).slice(0, 200);
  await insertNotifications(
    tx,
    mentioned.map((m) => ({
      workspaceId,
      recipientId: m.id,
      kind: "mention" as const,
      actorName: actor.name,
      projectId,
      taskId: taskId ?? null,
      title: task?.title ?? project.name,
      excerpt,
    })),
  );
  await log({
    action: "comment.created",

    entityId: row.id,
    projectId,
    summary: {
      label: task?.title ?? project.name,
      after: { id: row.id, projectId, taskId: taskId ?? null, body, authorId: actor.memberId, authorName: actor.name, createdAt: row.createdAt.toISOString() },
      notify: mentioned.map((m) => m.userId),
    },
  });
  return row;
}
