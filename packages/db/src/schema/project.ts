import type { WorkingSide } from "@tandem/domain/sides";
import { sql } from "drizzle-orm";
import { check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { HEALTHS, PHASES } from "../constants";
import { member, sideEnum } from "./member";
import { workspace } from "./workspace";

export { HEALTHS, PHASES, type Health, type Phase } from "../constants";

export const phaseEnum = pgEnum("phase", PHASES);
export const healthEnum = pgEnum("health", HEALTHS);

/**
 * A joint project: co-owned by one marketing lead and one IT lead, each posting their own
 * health (one `project_side` row per working side). When the two disagree, every view says so.
 */
export const project = pgTable(
  "project",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspace.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    outcome: text("outcome").notNull().default(""),
    phase: phaseEnum("phase").notNull().default("idea"),
    targetDate: date("target_date", { mode: "string" }),
    /** Each lead checks in every this many days (weekly unless set). */
    checkInCadenceDays: integer("check_in_cadence_days").notNull().default(7),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("project_workspace_idx").on(t.workspaceId, t.updatedAt)],
);

/**
 * One working side's part of a project: its lead and the health that lead last posted. Every
 * project has exactly one row per working side (marketing, IT), written with the project.
 */
export const projectSide = pgTable(
  "project_side",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    side: sideEnum("side").$type<WorkingSide>().notNull(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => member.id),
    health: healthEnum("health"),
    healthReason: text("health_reason"),
    healthAt: timestamp("health_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.side] }),
    index("project_side_lead_idx").on(t.leadId),
    check("project_side_working_side", sql`${t.side} in ('marketing', 'it')`),
  ],
);

/** Members from either side added to a project (its leads are members implicitly). */
export const projectMember = pgTable(
  "project_member",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => member.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.memberId] })],
);

export type Project = typeof project.$inferSelect;
export type ProjectSide = typeof projectSide.$inferSelect;
