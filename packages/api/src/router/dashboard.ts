import { getDashboardRow, listDashboards, listWidgets } from "@tandem/db/queries";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { writeWithLog } from "../log/writer";
import {
  addWidget,
  changeWidget,
  createDashboard,
  dashboardNotFound,
  moveWidget,
  removeDashboard,
  removeWidget,
  updateDashboard,
  widgetView,
} from "../services/dashboard";
import { dashboardData } from "../services/dashboard-data";
import { memberProcedure, writeContext, writerProcedure } from "../trpc";
import { addWidgetSchema, changeWidgetSchema, createDashboardSchema, dashboardRangeSchema, moveWidgetSchema, updateDashboardSchema } from "../validators";

const dashboardId = z.object({ dashboardId: z.string().uuid("Unknown id.") });
const widgetId = z.object({ widgetId: z.string().uuid("Unknown id.") });

export const dashboardRouter = {
  /** The workspace's dashboards, the shared one first. */
  list: memberProcedure.query(async ({ ctx }) =>
    (await listDashboards(ctx.db, { workspaceId: ctx.workspace.id })).map((d) => ({ ...d, updatedAt: d.updatedAt.toISOString() })),
  ),

  /** A dashboard and its widgets in grid order. */
  get: memberProcedure.input(dashboardId).query(async ({ ctx, input }) => {
    const d = await getDashboardRow(ctx.db, { workspaceId: ctx.workspace.id, dashboardId: input.dashboardId });
    if (!d) throw dashboardNotFound();
    const widgets = await listWidgets(ctx.db, { dashboardId: d.id });
    return { id: d.id, name: d.name, description: d.description, shared: d.shared, updatedAt: d.updatedAt.toISOString(), widgets: widgets.map(widgetView) };
  }),

  /** Every widget's data over the range, in one request. */
  data: memberProcedure.input(dashboardRangeSchema).query(async ({ ctx, input }) => {
    const d = await getDashboardRow(ctx.db, { workspaceId: ctx.workspace.id, dashboardId: input.dashboardId });
    if (!d) throw dashboardNotFound();
    return dashboardData(ctx.db, {
      workspaceId: ctx.workspace.id,
      timeZone: ctx.workspace.timeZone,
      from: input.from,
      to: input.to,
      dashboardId: d.id,
    });
  }),

  create: writerProcedure
    .input(createDashboardSchema)
    .mutation(({ ctx, input }) =>
      writeWithLog(writeContext(ctx), (tx, log) => createDashboard(tx, log, { ...input, workspaceId: ctx.workspace.id, memberId: ctx.member.id })),
    ),

  update: writerProcedure.input(updateDashboardSchema).mutation(({ ctx, input }) => {
    const { dashboardId: id, ...change } = input;
    return writeWithLog(writeContext(ctx), (tx, log) => updateDashboard(tx, log, { workspaceId: ctx.workspace.id, dashboardId: id, change }));
  }),

  remove: writerProcedure
    .input(dashboardId)
    .mutation(({ ctx, input }) =>
      writeWithLog(writeContext(ctx), (tx, log) => removeDashboard(tx, log, { workspaceId: ctx.workspace.id, dashboardId: input.dashboardId })),
    ),

  addWidget: writerProcedure
    .input(addWidgetSchema)
    .mutation(({ ctx, input }) => writeWithLog(writeContext(ctx), (tx, log) => addWidget(tx, log, { ...input, workspaceId: ctx.workspace.id }))),

  changeWidget: writerProcedure.input(changeWidgetSchema).mutation(({ ctx, input }) => {
    const { widgetId: id, ...change } = input;
    return writeWithLog(writeContext(ctx), (tx, log) => changeWidget(tx, log, { workspaceId: ctx.workspace.id, widgetId: id, change }));
  }),

  moveWidget: writerProcedure
    .input(moveWidgetSchema)
    .mutation(({ ctx, input }) => writeWithLog(writeContext(ctx), (tx, log) => moveWidget(tx, log, { ...input, workspaceId: ctx.workspace.id }))),

  removeWidget: writerProcedure
    .input(widgetId)
    .mutation(({ ctx, input }) =>
      writeWithLog(writeContext(ctx), (tx, log) => removeWidget(tx, log, { workspaceId: ctx.workspace.id, widgetId: input.widgetId })),
    ),
} satisfies TRPCRouterRecord;
