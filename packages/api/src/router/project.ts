import { getProject, listProjectMembers, listProjects } from "@tandem/db/queries";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { writeWithLog } from "../log/writer";
import { createProject, postHealth, updateProject } from "../services/project";
import { memberProcedure, writeContext, writerProcedure } from "../trpc";
import { createProjectSchema, postHealthSchema, projectFilterSchema, updateProjectSchema } from "../validators";

export const projectRouter = {
  list: memberProcedure
    .input(z.object({ filter: projectFilterSchema.default({}) }))
    .query(({ ctx, input }) => listProjects(ctx.db, { workspaceId: ctx.workspace.id, today: ctx.today, filter: input.filter })),

  get: memberProcedure.input(z.object({ projectId: z.string().uuid() })).query(async ({ ctx, input }) => {
    const found = await getProject(ctx.db, { workspaceId: ctx.workspace.id, projectId: input.projectId, today: ctx.today });
    if (!found) throw new TRPCError({ code: "NOT_FOUND", message: "Project not found." });
    const members = await listProjectMembers(ctx.db, { workspaceId: ctx.workspace.id, projectId: input.projectId });
    return { ...found, members };
  }),

  create: writerProcedure
    .input(createProjectSchema)
    .mutation(({ ctx, input }) => writeWithLog(writeContext(ctx), (tx, log) => createProject(tx, log, { workspaceId: ctx.workspace.id, ...input }))),

  update: writerProcedure.input(updateProjectSchema).mutation(({ ctx, input }) => {
    const { projectId, workspaceSlug: _slug, ...change } = input;
    return writeWithLog(writeContext(ctx), (tx, log) => updateProject(tx, log, { workspaceId: ctx.workspace.id, projectId, change }));
  }),

  postHealth: writerProcedure
    .input(postHealthSchema)
    .mutation(({ ctx, input }) =>
      writeWithLog(writeContext(ctx), (tx, log) =>
        postHealth(tx, log, { workspaceId: ctx.workspace.id, memberId: ctx.member.id, side: ctx.member.side, ...input }),
      ),
    ),
} satisfies TRPCRouterRecord;
