import { listMilestones } from "@tandem/db/queries";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { writeWithLog } from "../log/writer";
import { addMilestone, milestoneSnapshot, removeMilestone, setReached, updateMilestone } from "../services/milestone";
import { memberProcedure, writeContext, writerProcedure } from "../trpc";
import { addMilestoneSchema, updateMilestoneSchema } from "../validators";

export const milestoneRouter = {
  list: memberProcedure
    .input(z.object({ projectId: z.string().uuid() }))
    .query(async ({ ctx, input }) => (await listMilestones(ctx.db, { workspaceId: ctx.workspace.id, projectId: input.projectId })).map(milestoneSnapshot)),

  add: writerProcedure
    .input(addMilestoneSchema)
    .mutation(({ ctx, input }) => writeWithLog(writeContext(ctx), (tx, log) => addMilestone(tx, log, { workspaceId: ctx.workspace.id, ...input }))),

  update: writerProcedure.input(updateMilestoneSchema).mutation(({ ctx, input }) => {
    const { milestoneId, title, dueOn } = input;
    return writeWithLog(writeContext(ctx), (tx, log) => updateMilestone(tx, log, { workspaceId: ctx.workspace.id, milestoneId, change: { title, dueOn } }));
  }),

  setReached: writerProcedure
    .input(z.object({ milestoneId: z.string().uuid(), reached: z.boolean() }))
    .mutation(({ ctx, input }) => writeWithLog(writeContext(ctx), (tx, log) => setReached(tx, log, { workspaceId: ctx.workspace.id, ...input }))),

  remove: writerProcedure
    .input(z.object({ milestoneId: z.string().uuid() }))
    .mutation(({ ctx, input }) =>
      writeWithLog(writeContext(ctx), (tx, log) => removeMilestone(tx, log, { workspaceId: ctx.workspace.id, milestoneId: input.milestoneId })),
    ),
} satisfies TRPCRouterRecord;
