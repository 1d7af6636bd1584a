import type { Transaction } from "@tandem/db";
import {
  deleteDashboardRow,
  deleteWidgetRow,
  getDashboardRow,
  getKpiRow,
  getWidgetForUpdate,
  insertDashboard,
  insertWidget,
  lastWidgetPosition,
  listDashboards,
  listWidgets,
  projectIdsIn,
  touchDashboard,
  updateDashboardRow,
  updateWidgetRow,
} from "@tandem/db/queries";
import type { DashboardWidget } from "@tandem/db/schema";
import { WIDGET_KIND_LABELS, type WidgetKind } from "@tandem/domain/dashboard";
import { bottomOf, positionBetween } from "@tandem/domain/rules";
import { TRPCError } from "@trpc/server";
import type { z } from "zod";

import type { LogFn } from "../log/writer";
import { widgetConfigSchemas } from "../validators";

export const dashboardNotFound = () => new TRPCError({ code: "NOT_FOUND", message: "Dashboard not found." });
const widgetNotFound = () => new TRPCError({ code: "NOT_FOUND", message: "Widget not found." });

export function widgetView(w: DashboardWidget) {
  return { id: w.id, kind: w.kind, config: w.config, width: w.width, height: w.height, position: w.position };
}

/**
 * A widget's settings, checked against its kind (and the KPI or project it names being in this
 * workspace): what doesn't fit is a clear client error, with the field named.
 */
async function checkConfig(tx: Transaction, workspaceId: string, kind: WidgetKind, raw: unknown) {
  const parsed = widgetConfigSchemas[kind].safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join(".")})` : "";
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `The settings don't fit a ${WIDGET_KIND_LABELS[kind].toLowerCase()}${where}: ${issue?.message ?? "invalid"}.`,
    });
  }
  const config = parsed.data as Record<string, unknown>;
  if (typeof config.kpiId === "string" && !(await getKpiRow(tx, { workspaceId, kpiId: config.kpiId })))
    throw new TRPCError({ code: "NOT_FOUND", message: "KPI not found." });
  if (typeof config.projectId === "string" && (await projectIdsIn(tx, { workspaceId, ids: [config.projectId] })).length === 0) {
    throw new TRPCError({ code: "NOT_FOUND", message: "Project not found." });
  }
  return config;
}

/** A new dashboard; a workspace's first one is its shared dashboard. */
export async function createDashboard(
  tx: Transaction,
  log: LogFn,
  { workspaceId, memberId, name, description }: { workspaceId: string; memberId: string; name: string; description: string },
) {
  const shared = (await listDashboards(tx, { workspaceId })).every((d) => !d.shared);
  const row = await insertDashboard(tx, { workspaceId, name, description, shared, createdById: memberId });
  await log({ action: "dashboard.created", entityId: row.id, projectId: null, summary: { label: row.name, after: { id: row.id, name, description, shared } } });
  return { id: row.id, name: row.name, description: row.description, shared: row.shared };
}

export async function updateDashboard(
  tx: Transaction,
  log: LogFn,
  { workspaceId, dashboardId, change }: { workspaceId: string; dashboardId: string; change: { name?: string; description?: string } },
) {
  const current = await getDashboardRow(tx, { workspaceId, dashboardId, lock: true });
  if (!current) throw dashboardNotFound();
  const after: { name?: string; description?: string } = {};
  const before: { name?: string; description?: string } = {};
  for (const key of ["name", "description"] as const) {
    if (change[key] !== undefined && change[key] !== current[key]) {
      after[key] = change[key];
      before[key] = current[key];
    }
  }
  if (Object.keys(after).length === 0) return { id: current.id };
  const row = await updateDashboardRow(tx, { dashboardId, change: after });
  await log({ action: "dashboard.updated", entityId: row.id, projectId: null, summary: { label: row.name, after, before } });
  return { id: row.id };
}

export async function removeDashboard(tx: Transaction, log: LogFn, { workspaceId, dashboardId }: { workspaceId: string; dashboardId: string }) {
  const current = await getDashboardRow(tx, { workspaceId, dashboardId, lock: true });
  if (!current) throw dashboardNotFound();
  if (current.shared) throw new TRPCError({ code: "BAD_REQUEST", message: "The shared dashboard stays; remove its widgets instead." });
  await deleteDashboardRow(tx, dashboardId);
  await log({ action: "dashboard.removed", entityId: current.id, projectId: null, summary: { label: current.name, after: null } });
  return { id: current.id };
}

export async function addWidget(
  tx: Transaction,
  log: LogFn,
  input: { workspaceId: string; dashboardId: string; kind: WidgetKind; config: unknown; width: number; height: number },
) {
  const board = await getDashboardRow(tx, { workspaceId: input.workspaceId, dashboardId: input.dashboardId, lock: true });
  if (!board) throw dashboardNotFound();
  if ((await listWidgets(tx, { dashboardId: board.id })).length >= 24)
    throw new TRPCError({ code: "BAD_REQUEST", message: "A dashboard holds at most 24 widgets." });
  const config = await checkConfig(tx, input.workspaceId, input.kind, input.config);
  const position = bottomOf(await lastWidgetPosition(tx, board.id));
  const w = await insertWidget(tx, {
    workspaceId: input.workspaceId,
    dashboardId: board.id,
    kind: input.kind,
    config,
    width: input.width,
    height: input.height,
    position,
  });
  await touchDashboard(tx, board.id);
  await log({
    action: "dashboard.widget_added",
    entityId: board.id,
    projectId: null,
    summary: { label: board.name, after: { widgetId: w.id, kind: w.kind, config: w.config, width: w.width, height: w.height, position: w.position } },
  });
  return widgetView(w);
}

async function lockWidget(tx: Transaction, workspaceId: string, widgetId: string) {
  const w = await getWidgetForUpdate(tx, { workspaceId, widgetId });
  if (!w) throw widgetNotFound();
  const board = await getDashboardRow(tx, { workspaceId, dashboardId: w.dashboardId });
  if (!board) throw widgetNotFound();
  return { w, board };
}

/** Changes a widget's settings or size; the entry carries only what changed. */
export async function changeWidget(
  tx: Transaction,
  log: LogFn,
  { workspaceId, widgetId, change }: { workspaceId: string; widgetId: string; change: { config?: unknown; width?: number; height?: number } },
) {
  const { w, board } = await lockWidget(tx, workspaceId, widgetId);
  const next: { config?: Record<string, unknown>; width?: number; height?: number } = {};
  if (change.config !== undefined) {
    const config = await checkConfig(tx, workspaceId, w.kind, change.config);
    if (JSON.stringify(config) !== JSON.stringify(w.config)) next.config = config;
  }
  if (change.width !== undefined && change.width !== w.width) next.width = change.width;
  if (change.height !== undefined && change.height !== w.height) next.height = change.height;
  if (Object.keys(next).length === 0) return widgetView(w);
  const row = await updateWidgetRow(tx, { widgetId, change: next });
  await touchDashboard(tx, board.id);
  const before = { config: next.config ? w.config : undefined, width: next.width ? w.width : undefined, height: next.height ? w.height : undefined };
  await log({
    action: "dashboard.widget_changed",
    entityId: board.id,
    projectId: null,
    summary: { label: board.name, after: { widgetId, kind: w.kind, ...next }, before: { widgetId, kind: w.kind, ...stripUndefined(before) } },
  });
  return widgetView(row);
}

const stripUndefined = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** Moves a widget between two neighbours of the same dashboard (keyboard or drag). */
export async function moveWidget(
  tx: Transaction,
  log: LogFn,
  { workspaceId, widgetId, beforeId, afterId }: { workspaceId: string; widgetId: string; beforeId?: string | null; afterId?: string | null },
) {
  const { w, board } = await lockWidget(tx, workspaceId, widgetId);
  const siblings = await listWidgets(tx, { dashboardId: board.id });
  const find = (id: string | null | undefined) => {
    if (!id) return undefined;
    const s = siblings.find((x) => x.id === id && x.id !== widgetId);
    if (!s) throw widgetNotFound();
    return s.position;
  };
  const position = positionBetween(find(afterId), find(beforeId));
  if (position === w.position) return widgetView(w);
  const row = await updateWidgetRow(tx, { widgetId, change: { position } });
  await touchDashboard(tx, board.id);
  await log({
    action: "dashboard.widget_changed",
    entityId: board.id,
    projectId: null,
    summary: { label: board.name, after: { widgetId, kind: w.kind, position }, before: { widgetId, kind: w.kind, position: w.position } },
  });
  return widgetView(row);
}

export async function removeWidget(tx: Transaction, log: LogFn, { workspaceId, widgetId }: { workspaceId: string; widgetId: string }) {
  const { w, board } = await lockWidget(tx, workspaceId, widgetId);
  await deleteWidgetRow(tx, widgetId);
  await touchDashboard(tx, board.id);
  await log({ action: "dashboard.widget_removed", entityId: board.id, projectId: null, summary: { label: board.name, after: { widgetId, kind: w.kind } } });
  return { id: widgetId };
}

export type WidgetConfig<K extends WidgetKind> = z.infer<(typeof widgetConfigSchemas)[K]>;
