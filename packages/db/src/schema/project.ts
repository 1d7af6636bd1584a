import { date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { HEALTHS, PHASES } from "../constants";
import { member } from "./member";
import { workspace } from "./workspace";

export { HEALTHS, PHASES, type Health, type Phase } from "../constants";

export const phaseEnum = pgEnum("phase", PHASES);
export const healthEnum = pgEnum("health", HEALTHS);

/**
 * A joint project: co-owned by one marketing lead and one IT lead, each posting their own
 * health. When the two disagree, every view says so.
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
    marketingLeadId: uuid("marketing_lead_id")
      .notNull()
      .references(() => member.id),
    itLeadId: uuid("it_lead_id")
      .notNull()
      .references(() => member.id),
    marketingHealth: healthEnum("marketing_health"),
    marketingHealthReason: text("marketing_health_reason"),
    marketingHealthAt: timestamp("marketing_health_at", { withTimezone: true }),
    itHealth: healthEnum("it_health"),
    itHealthReason: text("it_health_reason"),
    itHealthAt: timestamp("it_health_at", { withTimezone: true }),
    /** Each lead checks in every this many days (weekly unless set). */
    checkInCadenceDays: integer("check_in_cadence_days").notNull().default(7),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("project_workspace_idx").on(t.workspaceId, t.updatedAt)],
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
