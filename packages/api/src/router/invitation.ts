import { getInvitationByTokenHash, listOpenInvitations, revokeInvitation } from "@tandem/db/queries";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { acceptInvitation, hashToken, invitationState, issueInvitation } from "../services/invitation";
import { adminProcedure, authedProcedure } from "../trpc";
import { createInvitationSchema, invitationTokenSchema } from "../validators";

export const invitationRouter = {
  /** Returns the token once; the link is built by the client from its own origin. */
  create: adminProcedure.input(createInvitationSchema).mutation(async ({ ctx, input }) => {
    const { token, invitation } = await issueInvitation(ctx.db, {
      workspaceId: ctx.workspace.id,
      side: input.side,
      role: input.role,
      expiresInDays: input.expiresInDays,
      note: input.note,
      createdBy: ctx.user.id,
    });
    return { token, id: invitation.id, expiresAt: invitation.expiresAt };
  }),

  list: adminProcedure.query(({ ctx }) => listOpenInvitations(ctx.db, { workspaceId: ctx.workspace.id })),

  revoke: adminProcedure.input(z.object({ id: z.string().uuid() })).mutation(async ({ ctx, input }) => {
    const revoked = await revokeInvitation(ctx.db, { workspaceId: ctx.workspace.id, id: input.id });
    if (!revoked) throw new TRPCError({ code: "NOT_FOUND", message: "Invitation not found or already used." });
    return { id: revoked.id };
  }),

  /** What the invite page shows before the user accepts. */
  preview: authedProcedure.input(invitationTokenSchema).query(async ({ ctx, input }) => {
    const found = await getInvitationByTokenHash(ctx.db, hashToken(input.token));
    if (!found) throw new TRPCError({ code: "NOT_FOUND", message: "This invite link is not valid." });
    return {
      workspaceName: found.workspace.name,
      workspaceSlug: found.workspace.slug,
      side: found.invitation.side,
      role: found.invitation.role,
      state: invitationState(found.invitation),
      expiresAt: found.invitation.expiresAt,
    };
  }),

  accept: authedProcedure.input(invitationTokenSchema).mutation(async ({ ctx, input }) => {
    const { workspace } = await acceptInvitation(ctx.db, { token: input.token, userId: ctx.user.id });
    await ctx.realtime?.membershipChanged(workspace.id);
    return { workspaceSlug: workspace.slug };
  }),
} satisfies TRPCRouterRecord;
