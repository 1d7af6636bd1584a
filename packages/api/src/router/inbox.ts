import { countUnread, listNotifications, markRead } from "@tandem/db/queries";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { memberProcedure } from "../trpc";

// Reading one's own inbox is personal state, not shared work: it is not logged.
export const inboxRouter = {
  list: memberProcedure.query(({ ctx }) => listNotifications(ctx.db, { workspaceId: ctx.workspace.id, recipientId: ctx.member.id })),
  unreadCount: memberProcedure.query(({ ctx }) => countUnread(ctx.db, { workspaceId: ctx.workspace.id, recipientId: ctx.member.id })),
  markRead: memberProcedure.input(z.object({ ids: z.array(z.string().uuid()).max(200).optional() })).mutation(async ({ ctx, input }) => {
    const rows = await markRead(ctx.db, { workspaceId: ctx.workspace.id, recipientId: ctx.member.id, ids: input.ids });
    return { marked: rows.length };
  }),
} satisfies TRPCRouterRecord;
