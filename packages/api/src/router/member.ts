import { listMembers } from "@tandem/db/queries";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { changeMember, deleteMember } from "../services/membership";
import { writeWithLog } from "../log/writer";
import { adminProcedure, memberProcedure, writeContext } from "../trpc";
import { updateMemberSchema } from "../validators";
import { wake } from "../realtime-notifier";

export const memberRouter = {
  list: memberProcedure.query(({ ctx }) => listMembers(ctx.db, { workspaceId: ctx.workspace.id })),

  update: adminProcedure.input(updateMemberSchema).mutation(async ({ ctx, input }) => {
    const updated = await writeWithLog(writeContext(ctx), (tx, log) => changeMember(tx, log, { workspaceId: ctx.workspace.id, ...input }));
    wake(ctx.realtime?.membershipChanged(ctx.workspace.id, ctx.requestId));
    return updated;
  }),

  /** Admins remove anyone; anyone may leave. The last admin can do neither to themself. */
  remove: memberProcedure.input(z.object({ memberId: z.string().uuid() })).mutation(async ({ ctx, input }) => {
    const self = input.memberId === ctx.member.id;
    if (!self && ctx.member.role !== "admin") {
      throw new TRPCError({ code: "FORBIDDEN", message: "Only a workspace admin can do this." });
    }
    const removed = await writeWithLog(writeContext(ctx), (tx, log) => deleteMember(tx, log, { workspaceId: ctx.workspace.id, memberId: input.memberId }));
    wake(ctx.realtime?.membershipChanged(ctx.workspace.id, ctx.requestId));
    return { id: removed.id, self };
  }),
} satisfies TRPCRouterRecord;
