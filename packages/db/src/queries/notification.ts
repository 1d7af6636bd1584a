import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";

import type { Executor } from "../client";
import { notification } from "../schema";

export async function insertNotifications(db: Executor, rows: (typeof notification.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(notification).values(rows).returning();
}

export async function listNotifications(db: Executor, { workspaceId, recipientId, limit = 50 }: { workspaceId: string; recipientId: string; limit?: number }) {
  return db
    .select()
    .from(notification)
    .where(and(eq(notification.workspaceId, workspaceId), eq(notification.recipientId, recipientId)))
    .orderBy(desc(notification.createdAt))
    .limit(limit);
}

export async function countUnread(db: Executor, { workspaceId, recipientId }: { workspaceId: string; recipientId: string }) {
  const [row] = await db
    .select({ n: count() })
    .from(notification)
    .where(and(eq(notification.workspaceId, workspaceId), eq(notification.recipientId, recipientId), isNull(notification.readAt)));
  return row?.n ?? 0;
}

/** Marks the given notifications (or all, when `ids` is absent) read; only the recipient's own. */
export async function markRead(db: Executor, { workspaceId, recipientId, ids }: { workspaceId: string; recipientId: string; ids?: string[] }) {
  return db
    .update(notification)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notification.workspaceId, workspaceId),
        eq(notification.recipientId, recipientId),
        isNull(notification.readAt),
        ids ? inArray(notification.id, ids) : undefined,
      ),
    )
    .returning({ id: notification.id });
}
