import type { TRPCRouterRecord } from "@trpc/server";

import { publicProcedure } from "../trpc";

export const sessionRouter = {
  /** The signed-in user, or null: lets pages decide what to show without throwing. */
  me: publicProcedure.query(({ ctx }) => (ctx.session ? { id: ctx.session.user.id, name: ctx.session.user.name, email: ctx.session.user.email } : null)),
} satisfies TRPCRouterRecord;
