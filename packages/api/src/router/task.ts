import { getTask, listTasks } from "@tandem/db/queries";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { writeWithLog } from "../log/writer";
import { createTask, deleteTask, moveTask, updateTask } from "../services/task";
import { memberProcedure, writeContext, writerProcedure } from "../trpc";
import { createTaskSchema, moveTaskSchema, taskFilterSchema, updateTaskSchema } from "../validators";

export const taskRouter = {
  list: memberProcedure
    .input(z.object({ filter: taskFilterSchema.default({}) }))
    .query(({ ctx, input }) => listTasks(ctx.db, { workspaceId: ctx.workspace.id, today: ctx.today, filter: input.filter })),

  get: memberProcedure.input(z.object({ taskId: z.string().uuid() })).query(async ({ ctx, input }) => {
    const found = await getTask(ctx.db, { workspaceId: ctx.workspace.id, taskId: input.taskId });
    if (!found) throw new TRPCError({ code: "NOT_FOUND", message: "Task not found." });
    return found;
  }),

  create: writerProcedure
    .input(createTaskSchema)
    .mutation(({ ctx, input }) =>
      writeWithLog(writeContext(ctx), (tx, log) =>
        createTask(tx, log, { memberId: ctx.member.id, name: ctx.user.name }, { workspaceId: ctx.workspace.id, ...input }),
      ),
    ),

  update: writerProcedure.input(updateTaskSchema).mutation(({ ctx, input }) => {
    const { taskId, workspaceSlug: _slug, ...change } = input;
    return writeWithLog(writeContext(ctx), (tx, log) =>
      updateTask(tx, log, { memberId: ctx.member.id, name: ctx.user.name }, { workspaceId: ctx.workspace.id, taskId, change }),
    );
  }),

  move: writerProcedure
    .input(moveTaskSchema)
    .mutation(({ ctx, input }) => writeWithLog(writeContext(ctx), (tx, log) => moveTask(tx, log, { workspaceId: ctx.workspace.id, ...input }))),

  delete: writerProcedure
    .input(z.object({ taskId: z.string().uuid() }))
    .mutation(({ ctx, input }) => writeWithLog(writeContext(ctx), (tx, log) => deleteTask(tx, log, { workspaceId: ctx.workspace.id, taskId: input.taskId }))),
} satisfies TRPCRouterRecord;
