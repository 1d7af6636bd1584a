import { and, asc, eq, isNull } from "drizzle-orm";

import type { Executor } from "../client";
import { comment, commentMention, member, user } from "../schema";

export async function listComments(db: Executor, { workspaceId, projectId, taskId }: { workspaceId: string; projectId: string; taskId?: string | null }) {
  return db
    .select({
      id: comment.id,
      projectId: comment.projectId,
      taskId: comment.taskId,
      body: comment.body,
      createdAt: comment.createdAt,
      authorId: comment.authorId,
      authorName: user.name,
      authorSide: member.side,
    })
    .from(comment)
    .leftJoin(member, eq(member.id, comment.authorId))
    .leftJoin(user, eq(user.id, member.userId))
    .where(and(eq(comment.workspaceId, workspaceId), eq(comment.projectId, projectId), taskId ? eq(comment.taskId, taskId) : isNull(comment.taskId)))
    .orderBy(asc(comment.createdAt));
}

/** A comment and the members of its workspace it mentions (`mentionIds`, already checked to be members). */
export async function insertComment(db: Executor, { mentionIds = [], ...values }: typeof comment.$inferInsert & { mentionIds?: string[] }) {
  const [row] = await db.insert(comment).values(values).returning();
  if (!row) throw new Error("comment insert returned nothing");
  const unique = [...new Set(mentionIds)];
  if (unique.length) await db.insert(commentMention).values(unique.map((memberId) => ({ workspaceId: row.workspaceId, commentId: row.id, memberId })));
  return row;
}
