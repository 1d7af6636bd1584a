import { listComments } from "@tandem/db/queries";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { writeWithLog } from "../log/writer";
import { createComment } from "../services/comment";
import { memberProcedure, writeContext } from "../trpc";
import { createCommentSchema } from "../validators";

export const commentRouter = {
  list: memberProcedure
    .input(z.object({ projectId: z.string().uuid(), taskId: z.string().uuid().nullish() }))
    .query(({ ctx, input }) => listComments(ctx.db, { workspaceId: ctx.workspace.id, ...input })),

  /** Every member may comment, leadership included: commenting changes no shared work. */
  create: memberProcedure
    .input(createCommentSchema)
    .mutation(({ ctx, input }) =>
      writeWithLog(writeContext(ctx), (tx, log) =>
        createComment(tx, log, { memberId: ctx.member.id, name: ctx.user.name }, { workspaceId: ctx.workspace.id, ...input }),
      ),
    ),
} satisfies TRPCRouterRecord;
