import { sql } from "drizzle-orm";
import { boolean, check, doublePrecision, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { WIDGET_KINDS } from "@tandem/domain/dashboard";

import { member } from "./member";
import { workspace } from "./workspace";

export const widgetKindEnum = pgEnum("widget_kind", WIDGET_KINDS);

/** A board of widgets both sides edit and everyone reads. Each workspace has one `shared` dashboard first. */
export const dashboard = pgTable(
  "dashboard",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspace.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** The workspace's shared dashboard: listed first, can't be removed. */
    shared: boolean("shared").notNull().default(false),
    createdById: uuid("created_by_id").references(() => member.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("dashboard_workspace_idx").on(t.workspaceId, t.createdAt), uniqueIndex("dashboard_one_shared_uq").on(t.workspaceId).where(sql`${t.shared}`)],
);

/** One widget: its kind, its settings (checked against the kind), its place and size on the grid. */
export const dashboardWidget = pgTable(
  "dashboard_widget",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspace.id, { onDelete: "cascade" }),
    dashboardId: uuid("dashboard_id")
      .notNull()
      .references(() => dashboard.id, { onDelete: "cascade" }),
    kind: widgetKindEnum("kind").notNull(),
    config: jsonb("config").$type<Record<string, unknown>>().notNull(),
    position: doublePrecision("position").notNull(),
    width: integer("width").notNull().default(1),
    height: integer("height").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("dashboard_widget_dashboard_idx").on(t.dashboardId, t.position),
    check("dashboard_widget_size", sql`${t.width} between 1 and 4 and ${t.height} between 1 and 3`),
  ],
);

export type Dashboard = typeof dashboard.$inferSelect;
export type DashboardWidget = typeof dashboardWidget.$inferSelect;
