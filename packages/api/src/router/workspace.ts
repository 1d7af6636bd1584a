import { countMembersBySide, getWorkspaceBySlug, listWorkspacesForUser } from "@tandem/db/queries";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";

import { writeWithLog } from "../log/writer";
import { createWorkspaceLogged } from "../services/workspace";
import { authedProcedure, memberProcedure } from "../trpc";
import { createWorkspaceSchema } from "../validators";

export const workspaceRouter = {
  /** The caller's workspaces, for the switcher. */
  list: authedProcedure.query(({ ctx }) => listWorkspacesForUser(ctx.db, ctx.user.id)),

  /** The current workspace with the caller's own membership. */
  get: memberProcedure.query(async ({ ctx }) => {
    const bySide = await countMembersBySide(ctx.db, { workspaceId: ctx.workspace.id });
    return {
      workspace: ctx.workspace,
      me: { memberId: ctx.member.id, userId: ctx.user.id, name: ctx.user.name, side: ctx.member.side, role: ctx.member.role },
      membersBySide: Object.fromEntries(bySide.map((r) => [r.side, r.count])) as Partial<Record<string, number>>,
    };
  }),

  /** Any signed-in user may start a workspace; they become its first admin. */
  create: authedProcedure.input(createWorkspaceSchema).mutation(async ({ ctx, input }) => {
    if (await getWorkspaceBySlug(ctx.db, input.slug)) {
      throw new TRPCError({ code: "CONFLICT", message: "That address is taken. Try another." });
    }
    try {
      // The workspace is born in the write: its creation is the first entry of its own chain.
      return await writeWithLog(
        {
          db: ctx.db,
          realtime: ctx.realtime,
          requestId: ctx.requestId,
          signer: ctx.signer,
          workspaceId: null,
          actor: { id: ctx.user.id, name: ctx.user.name, side: input.side },
        },
        (tx, log) => createWorkspaceLogged(tx, log, { slug: input.slug, name: input.name, ownerId: ctx.user.id, ownerSide: input.side }),
      );
    } catch (err) {
      // Two people racing for one slug: the unique index decides.
      if ((err as { cause?: { code?: string } }).cause?.code === "23505") {
        throw new TRPCError({ code: "CONFLICT", message: "That address is taken. Try another." });
      }
      throw err;
    }
  }),
} satisfies TRPCRouterRecord;
