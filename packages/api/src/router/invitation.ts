import { getInvitationByTokenHash, listOpenInvitations, revokeInvitation } from "@tandem/db/queries";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { writeWithLog } from "../log/writer";
import { acceptInvitation, hashToken, invitationState, invitationWorkspace, issueInvitation } from "../services/invitation";
import { adminProcedure, authedProcedure, limitedTo, writeContext } from "../trpc";
import { createInvitationSchema, invitationTokenSchema } from "../validators";
import { wake } from "../realtime-notifier";

export const invitationRouter = {
  /** Returns the token once; the link is built by the client from its own origin. */
  create: adminProcedure
    .use(limitedTo("invitation"))
    .input(createInvitationSchema)
    .mutation(async ({ ctx, input }) => {
      const { token, invitation } = await writeWithLog(writeContext(ctx), (tx, log) =>
        issueInvitation(tx, log, {
          workspaceId: ctx.workspace.id,
          side: input.side,
          role: input.role,
          expiresInDays: input.expiresInDays,
          note: input.note,
          createdBy: ctx.user.id,
        }),
      );
      return { token, id: invitation.id, expiresAt: invitation.expiresAt };
    }),

  list: adminProcedure.query(({ ctx }) => listOpenInvitations(ctx.db, { workspaceId: ctx.workspace.id })),

  revoke: adminProcedure.input(z.object({ id: z.string().uuid() })).mutation(async ({ ctx, input }) => {
    return writeWithLog(writeContext(ctx), async (tx, log) => {
      const revoked = await revokeInvitation(tx, { workspaceId: ctx.workspace.id, id: input.id });
      if (!revoked) throw new TRPCError({ code: "NOT_FOUND", message: "Invitation not found or already used." });
      await log({ action: "invitation.revoked", entityId: revoked.id, summary: { label: `${revoked.side} ${revoked.role} invite`, after: null } });
      return { id: revoked.id };
    });
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
    const target = await invitationWorkspace(ctx.db, input.token);
    const write = {
      db: ctx.db,
      realtime: ctx.realtime,
      requestId: ctx.requestId,
      signer: ctx.signer,
      workspaceId: target.id,
      actor: { id: ctx.user.id, name: ctx.user.name, side: null },
    };
    const { workspace } = await writeWithLog(write, (tx, log) =>
      acceptInvitation(tx, log, { token: input.token, userId: ctx.user.id, userName: ctx.user.name }),
    );
    wake(ctx.realtime?.membershipChanged(workspace.id, ctx.requestId));
    return { workspaceSlug: workspace.slug };
  }),
} satisfies TRPCRouterRecord;
