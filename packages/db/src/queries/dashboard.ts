import { and, asc, desc, eq, max, type SQL, sql } from "drizzle-orm";

import type { Executor } from "../client";
import { dashboard, dashboardWidget, taskMonthTally, taskStatusChange } from "../schema";

/** The workspace's dashboards, the shared one first. */
export function listDashboards(db: Executor, { workspaceId }: { workspaceId: string }) {
  return db
    .select({
      id: dashboard.id,
      name: dashboard.name,
      description: dashboard.description,
      shared: dashboard.shared,
      updatedAt: dashboard.updatedAt,
      widgets: sql<number>`(select count(*)::int from ${dashboardWidget} where ${dashboardWidget.dashboardId} = ${dashboard.id})`,
    })
    .from(dashboard)
    .where(eq(dashboard.workspaceId, workspaceId))
    .orderBy(desc(dashboard.shared), asc(dashboard.createdAt));
}

export async function getDashboardRow(db: Executor, { workspaceId, dashboardId, lock = false }: { workspaceId: string; dashboardId: string; lock?: boolean }) {
  const q = db
    .select()
    .from(dashboard)
    .where(and(eq(dashboard.workspaceId, workspaceId), eq(dashboard.id, dashboardId)))
    .limit(1);
  const [row] = await (lock ? q.for("update") : q);
  return row ?? null;
}

export async function insertDashboard(db: Executor, values: typeof dashboard.$inferInsert) {
  const [row] = await db.insert(dashboard).values(values).returning();
  if (!row) throw new Error("dashboard insert returned nothing");
  return row;
}

export async function updateDashboardRow(db: Executor, { dashboardId, change }: { dashboardId: string; change: { name?: string; description?: string } }) {
  const [row] = await db
    .update(dashboard)
    .set({ ...change, updatedAt: sql`now()` })
    .where(eq(dashboard.id, dashboardId))
    .returning();
  if (!row) throw new Error("dashboard update returned nothing");
  return row;
}

export async function touchDashboard(db: Executor, dashboardId: string) {
  await db.update(dashboard).set({ updatedAt: sql`now()` }).where(eq(dashboard.id, dashboardId));
}

export async function deleteDashboardRow(db: Executor, dashboardId: string) {
  await db.delete(dashboard).where(eq(dashboard.id, dashboardId));
}

/** A dashboard's widgets in their order on the grid. */
export function listWidgets(db: Executor, { dashboardId }: { dashboardId: string }) {
  return db
    .select()
    .from(dashboardWidget)
    .where(eq(dashboardWidget.dashboardId, dashboardId))
    .orderBy(asc(dashboardWidget.position), asc(dashboardWidget.createdAt));
}

export async function lastWidgetPosition(db: Executor, dashboardId: string) {
  const [row] = await db
    .select({ last: max(dashboardWidget.position) })
    .from(dashboardWidget)
    .where(eq(dashboardWidget.dashboardId, dashboardId));
  return row?.last ?? null;
}

export async function getWidgetForUpdate(db: Executor, { workspaceId, widgetId }: { workspaceId: string; widgetId: string }) {
  const [row] = await db
    .select()
    .from(dashboardWidget)
    .where(and(eq(dashboardWidget.workspaceId, workspaceId), eq(dashboardWidget.id, widgetId)))
    .for("update")
    .limit(1);
  return row ?? null;
}

export async function insertWidget(db: Executor, values: typeof dashboardWidget.$inferInsert) {
  const [row] = await db.insert(dashboardWidget).values(values).returning();
  if (!row) throw new Error("widget insert returned nothing");
  return row;
}

export async function updateWidgetRow(
  db: Executor,
  { widgetId, change }: { widgetId: string; change: Partial<Pick<typeof dashboardWidget.$inferInsert, "config" | "width" | "height" | "position">> },
) {
  const [row] = await db.update(dashboardWidget).set(change).where(eq(dashboardWidget.id, widgetId)).returning();
  if (!row) throw new Error("widget update returned nothing");
  return row;
}

export async function deleteWidgetRow(db: Executor, widgetId: string) {
  await db.delete(dashboardWidget).where(eq(dashboardWidget.id, widgetId));
}

/**
 * Task burn-up by ISO week in the workspace's zone: at each week's end, how many tasks existed
 * (scope) and how many of them were done (their latest status change by then was to done).
 */
export async function taskBurnUp(
  db: Executor,
  { workspaceId, timeZone, from, to, projectId }: { workspaceId: string; timeZone: string; from: string; to: string; projectId: string | null },
) {
  const inProject = (column: SQL) => (projectId ? sql`and ${column} = ${projectId}::uuid` : sql``);
  const week = (at: SQL) => sql`date_trunc('week', ${at} at time zone ${timeZone})::date`;
  const ws = sql`${workspaceId}::uuid`;
  // In the first week when before it, else in its own week.
  const bucket = (at: SQL) => sql`(case when ${at} < b.lo then b.first_week else ${week(at)} end)`;
  // Counts at each week's end as running sums of what changed in each week: a task joins the scope
  // when created (its first status row); it is done from a move to Done until its next change
  // (`ended_at`). What stood before the first week comes from task_month_tally for the UTC months
  // before it, and from the rows of the month it starts in: index ranges, not the whole history.
  const result = await db.execute<{ week_start: string; scope: number; done: number }>(sql`
    with weeks as (
      select g::date as week_start
      from generate_series(date_trunc('week', ${from}::date), date_trunc('week', ${to}::date), interval '1 week') as g
    ), b as (
      select w.first_week, w.lo, w.hi, date_trunc('month', w.lo at time zone 'UTC')::date as cut_month,
        (date_trunc('month', w.lo at time zone 'UTC') at time zone 'UTC') as cut
      from (
        select min(week_start) as first_week,
          (min(week_start)::timestamp at time zone ${timeZone}) as lo,
          ((max(week_start) + 7)::timestamp at time zone ${timeZone}) as hi
        from weeks
      ) w
    ), deltas as (
      select b.first_week as wk, sum(t.scope) as scope, sum(t.done) as done
      from ${taskMonthTally} t, b
      where t.workspace_id = ${ws} and t.month < b.cut_month ${inProject(sql`t.project_id`)}
      group by 1
      union all
      select ${bucket(sql`c.at`)}, count(*), 0
      from ${taskStatusChange} c, b
      where c.workspace_id = ${ws} and c.from_status is null and c.at >= b.cut and c.at < b.hi ${inProject(sql`c.project_id`)}
      group by 1
      union all
      -- Moves to Done since the cut (a move out of Done is taken off in the next part).
      select ${bucket(sql`c.at`)}, 0, count(*)
      from ${taskStatusChange} c, b
      where c.workspace_id = ${ws} and c.to_status = 'done' and c.at >= b.cut and c.at < b.hi ${inProject(sql`c.project_id`)}
      group by 1
      union all
      select ${bucket(sql`c.ended_at`)}, 0, -count(*)
      from ${taskStatusChange} c, b
      where c.workspace_id = ${ws} and c.to_status = 'done' and c.ended_at >= b.cut and c.ended_at < b.hi ${inProject(sql`c.project_id`)}
      group by 1
    ), per_week as (
      select wk, sum(scope) as scope, sum(done) as done from deltas group by 1
    )
    select w.week_start::text as week_start,
      (sum(coalesce(p.scope, 0)) over (order by w.week_start))::int as scope,
      (sum(coalesce(p.done, 0)) over (order by w.week_start))::int as done
    from weeks w
    left join per_week p on p.wk = w.week_start
    order by w.week_start`);
  return result.rows.map((r) => ({ weekStart: r.week_start, scope: Number(r.scope), done: Number(r.done) }));
}
