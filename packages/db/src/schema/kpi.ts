import { sql } from "drizzle-orm";
import { boolean, check, date, doublePrecision, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { KPI_CADENCES, KPI_DIRECTIONS, KPI_OWNERS, KPI_SOURCES, KPI_STATES, KPI_UNITS, SIGNATURE_VERDICTS } from "@tandem/domain/kpi";
import type { WorkingSide } from "@tandem/domain/sides";

import { member, sideEnum } from "./member";
import { project } from "./project";
import { workspace } from "./workspace";

export const kpiUnitEnum = pgEnum("kpi_unit", KPI_UNITS);
export const kpiDirectionEnum = pgEnum("kpi_direction", KPI_DIRECTIONS);
export const kpiCadenceEnum = pgEnum("kpi_cadence", KPI_CADENCES);
export const kpiOwnerEnum = pgEnum("kpi_owner", KPI_OWNERS);
export const kpiSourceEnum = pgEnum("kpi_source", KPI_SOURCES);
export const signatureVerdictEnum = pgEnum("signature_verdict", SIGNATURE_VERDICTS);
export const kpiStateEnum = pgEnum("kpi_state", KPI_STATES);

/** A computed KPI's formula: a metric of the registry, optionally narrowed to a side or a project. */
export interface KpiFormula {
  metric: string;
  side?: WorkingSide | null;
  projectId?: string | null;
}

/**
 * A KPI of the register, with its current definition. `version` counts definitions: a change of
 * unit, direction, target, at-risk threshold, cadence or formula makes a new one (kept in
 * `kpi_version`), which both sides sign again. Retired KPIs keep their history.
 */
export const kpi = pgTable(
  "kpi",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspace.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    unit: kpiUnitEnum("unit").notNull(),
    /** ISO 4217 code when the unit is currency. */
    currency: text("currency"),
    direction: kpiDirectionEnum("direction").notNull(),
    target: doublePrecision("target").notNull(),
    atRisk: doublePrecision("at_risk").notNull(),
    cadence: kpiCadenceEnum("cadence").notNull(),
    owner: kpiOwnerEnum("owner").notNull(),
    source: kpiSourceEnum("source").notNull(),
    formula: jsonb("formula").$type<KpiFormula>(),
    version: integer("version").notNull().default(1),
    /** When both sides had signed the current version; null while it is a draft. */
    agreedAt: timestamp("agreed_at", { withTimezone: true }),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdById: uuid("created_by_id").references(() => member.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("kpi_workspace_idx").on(t.workspaceId, t.retiredAt, t.name),
    check("kpi_currency_code", sql`(${t.unit} = 'currency') = (${t.currency} is not null)`),
    check("kpi_formula_computed", sql`(${t.source} = 'computed') = (${t.formula} is not null)`),
  ],
);

/** Every definition a KPI has had, as it was signed: what a value "recorded under version 2" means. */
export const kpiVersion = pgTable(
  "kpi_version",
  {
    kpiId: uuid("kpi_id")
      .notNull()
      .references(() => kpi.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    definition: jsonb("definition").$type<Record<string, unknown>>().notNull(),
    createdById: uuid("created_by_id").references(() => member.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kpiId, t.version] })],
);

/** One working side's stance on one version of a KPI's definition: signed, or objected with a reason. */
export const kpiSignature = pgTable(
  "kpi_signature",
  {
    kpiId: uuid("kpi_id")
      .notNull()
      .references(() => kpi.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    side: sideEnum("side").$type<WorkingSide>().notNull(),
    memberId: uuid("member_id")
      .notNull()
      .references(() => member.id),
    verdict: signatureVerdictEnum("verdict").notNull(),
    reason: text("reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.kpiId, t.version, t.side] }),
    check("kpi_signature_working_side", sql`${t.side} in ('marketing', 'it')`),
    check("kpi_signature_reason", sql`${t.verdict} = 'signed' or ${t.reason} is not null`),
  ],
);

export const kpiProject = pgTable(
  "kpi_project",
  {
    kpiId: uuid("kpi_id")
      .notNull()
      .references(() => kpi.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.kpiId, t.projectId] }), index("kpi_project_project_idx").on(t.projectId)],
);

/**
 * A value for one period. A correction is a new revision of the same period (never an update);
 * the period's value is its latest revision, and the page says who corrected it and what it was.
 */
export const kpiValue = pgTable(
  "kpi_value",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspace.id, { onDelete: "cascade" }),
    kpiId: uuid("kpi_id")
      .notNull()
      .references(() => kpi.id, { onDelete: "cascade" }),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    revision: integer("revision").notNull(),
    value: doublePrecision("value").notNull(),
    note: text("note").notNull().default(""),
    sourceUrl: text("source_url"),
    imported: boolean("imported").notNull().default(false),
    /** The definition the value was recorded under. */
    kpiVersion: integer("kpi_version").notNull(),
    recordedById: uuid("recorded_by_id").references(() => member.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("kpi_value_period_revision_uq").on(t.kpiId, t.periodStart, t.revision), index("kpi_value_workspace_idx").on(t.workspaceId, t.kpiId)],
);

/** Leadership's (or anyone's) comments on a KPI; an acknowledgement is a comment with `acknowledged`. */
export const kpiComment = pgTable(
  "kpi_comment",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspace.id, { onDelete: "cascade" }),
    kpiId: uuid("kpi_id")
      .notNull()
      .references(() => kpi.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => member.id, { onDelete: "set null" }),
    body: text("body").notNull().default(""),
    acknowledged: boolean("acknowledged").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("kpi_comment_kpi_idx").on(t.kpiId, t.createdAt)],
);

/**
 * Where a computed KPI's current period last stood, as the check after each change to the work
 * found it: what "once per crossing" into off target is measured against. An entered KPI needs
 * none (its values are rows); a computed one's value moves with the work and is stored nowhere
 * else. One row per KPI, for one period and definition version; `state` null while the period
 * has nothing to measure.
 */
export const kpiComputedState = pgTable("kpi_computed_state", {
  kpiId: uuid("kpi_id")
    .primaryKey()
    .references(() => kpi.id, { onDelete: "cascade" }),
  workspaceId: uuid("workspace_id")
    .notNull()
    .references(() => workspace.id, { onDelete: "cascade" }),
  kpiVersion: integer("kpi_version").notNull(),
  periodStart: date("period_start", { mode: "string" }).notNull(),
  /** The value that brought it to `state`. */
  value: doublePrecision("value"),
  state: kpiStateEnum("state"),
  checkedAt: timestamp("checked_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Kpi = typeof kpi.$inferSelect;
export type KpiValue = typeof kpiValue.$inferSelect;
export type KpiSignature = typeof kpiSignature.$inferSelect;
