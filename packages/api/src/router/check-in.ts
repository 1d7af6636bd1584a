import { getProjectRow, latestCheckInTimes, listCheckIns, listProjects } from "@tandem/db/queries";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { perSide } from "@tandem/domain/sides";
import { z } from "zod";

import { writeWithLog } from "../log/writer";
import { checkInStatuses, postCheckIn } from "../services/check-in";
import { memberProcedure, writeContext, writerProcedure } from "../trpc";
import { createCheckInSchema } from "../validators";

export const checkInRouter = {
  /** A project's check-ins, newest first, and each side's latest for the side-by-side view. */
  list: memberProcedure.input(z.object({ projectId: z.string().uuid() })).query(async ({ ctx, input }) => {
    const project = await getProjectRow(ctx.db, { workspaceId: ctx.workspace.id, projectId: input.projectId });
    if (!project) throw new TRPCError({ code: "NOT_FOUND", message: "Project not found." });
    const rows = await listCheckIns(ctx.db, { workspaceId: ctx.workspace.id, projectId: input.projectId, limit: 30 });
    const items = rows.map((r) => ({ ...r.checkIn, authorName: r.authorName }));
    return {
      items,
      latest: perSide((side) => items.find((c) => c.side === side) ?? null),
    };
  }),

  /**
   * Where every active project's leads stand on their cadence: `mine` are the caller's own due or
   * overdue check-ins (the badge and the list), `all` is every lead's, for leadership.
   */
  status: memberProcedure.query(async ({ ctx }) => {
    const [projects, latest] = await Promise.all([
      listProjects(ctx.db, { workspaceId: ctx.workspace.id, today: ctx.today }),
      latestCheckInTimes(ctx.db, { workspaceId: ctx.workspace.id }),
    ]);
    const all = checkInStatuses(projects, latest);
    return { all, mine: all.filter((s) => s.leadId === ctx.member.id && s.state !== "ok") };
  }),

  create: writerProcedure
    .input(createCheckInSchema)
    .mutation(({ ctx, input }) =>
      writeWithLog(writeContext(ctx), (tx, log) =>
        postCheckIn(tx, log, { workspaceId: ctx.workspace.id, memberId: ctx.member.id, side: ctx.member.side, ...input }),
      ),
    ),
} satisfies TRPCRouterRecord;
