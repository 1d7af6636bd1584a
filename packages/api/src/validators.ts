import { FEED_KINDS, HEALTHS, PHASES, ROLES, SIDES, TASK_KINDS, TASK_PRIORITIES, TASK_STATUSES } from "@tandem/db/constants";
import { TIME_RANGES, WIDGET_KINDS, WIDGET_MAX_HEIGHT, WIDGET_MAX_WIDTH, type WidgetKind } from "@tandem/domain/dashboard";
import { KPI_CADENCES, KPI_DIRECTIONS, KPI_OWNERS, KPI_SOURCES, KPI_UNITS } from "@tandem/domain/kpi";
import { METRIC_IDS } from "@tandem/domain/metrics";
import { isReservedSlug, reservedSlugMessage, SLUG_MAX } from "@tandem/domain/workspace";
import { z } from "zod";

// Zod inputs shared by the routers and the web forms, so both give the same messages.

export const sideSchema = z.enum(SIDES);
export const roleSchema = z.enum(ROLES);

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "Use at least 2 characters.")
  .max(SLUG_MAX, `Use at most ${SLUG_MAX} characters.`)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "Use lowercase letters, digits and dashes (not at the ends).")
  // The app's own top-level routes (/status, /api, …) would shadow a workspace of that name.
  .superRefine((slug, ctx) => {
    if (isReservedSlug(slug)) ctx.addIssue({ code: "custom", message: reservedSlugMessage(slug) });
  });

export const createWorkspaceSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, "Use at least 2 characters.")
    .max(80, "Use at most 80 characters.")
    .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), "Use letters, digits and punctuation only."),
  slug: slugSchema,
  side: sideSchema,
});

export const createInvitationSchema = z.object({
  side: sideSchema,
  role: roleSchema,
  expiresInDays: z.number().int().min(1, "At least 1 day.").max(30, "At most 30 days.").default(7),
  note: z.string().trim().max(200, "Use at most 200 characters.").optional(),
});

export const invitationTokenSchema = z.object({ token: z.string().trim().min(20).max(100) });

export const updateMemberSchema = z
  .object({ memberId: z.string().uuid(), side: sideSchema.optional(), role: roleSchema.optional() })
  .refine((v) => v.side || v.role, "Choose a side or a role to change.");

// ---- projects, tasks, comments -------------------------------------------------------------

/** Text a user typed: trimmed, bounded, and free of NUL (which PostgreSQL text refuses). */
export const text = (max: number, label = "This field") =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .refine((s) => !s.includes("\u0000"), `${label} contains a character that can't be stored.`);

const requiredText = (max: number, label: string) => text(max, label).pipe(z.string().min(1, `${label} is required.`));

/**
 * The years a date may fall in. Periods are computed around a date (its week, its quarter, the
 * next one), and those must stay inside what both JavaScript and PostgreSQL hold: PostgreSQL has
 * no year 0, and the week after 9999-12-31 is past what a date's ISO string can say.
 */
export const DATE_YEARS = { min: 1900, max: 2999 } as const;

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-31.")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "That date doesn't exist.")
  .refine((s) => {
    const year = Number(s.slice(0, 4));
    return year >= DATE_YEARS.min && year <= DATE_YEARS.max;
  }, `Use a date between ${DATE_YEARS.min} and ${DATE_YEARS.max}.`);

export const phaseSchema = z.enum(PHASES);
export const healthSchema = z.enum(HEALTHS);
export const taskStatusSchema = z.enum(TASK_STATUSES);
export const taskPrioritySchema = z.enum(TASK_PRIORITIES);
export const taskKindSchema = z.enum(TASK_KINDS);
const id = z.string().uuid("Unknown id.");

export const createProjectSchema = z.object({
  name: requiredText(120, "Name"),
  outcome: text(500, "Customer outcome").default(""),
  phase: phaseSchema.default("idea"),
  targetDate: isoDate.nullish(),
  /** Each working side's lead. */
  sides: z.object({ marketing: z.object({ leadId: id }), it: z.object({ leadId: id }) }),
  memberIds: z.array(id).max(200).default([]),
});

export const updateProjectSchema = z.object({
  projectId: id,
  name: requiredText(120, "Name").optional(),
  outcome: text(500, "Customer outcome").optional(),
  phase: phaseSchema.optional(),
  targetDate: isoDate.nullish(),
  /** A new lead for either side, or both. */
  sides: z.object({ marketing: z.object({ leadId: id }).optional(), it: z.object({ leadId: id }).optional() }).optional(),
  checkInCadenceDays: z.number().int().min(1, "At least every day.").max(90, "At most every 90 days.").optional(),
});

export const postHealthSchema = z.object({
  projectId: id,
  health: healthSchema,
  reason: requiredText(200, "Reason"),
});

export const projectFilterSchema = z.object({
  phase: phaseSchema.optional(),
  health: z.union([healthSchema, z.literal("disagree")]).optional(),
  leadId: id.optional(),
  side: z.enum(["marketing", "it"]).optional(),
  search: text(120, "Search").optional(),
});

export const createTaskSchema = z.object({
  projectId: id,
  title: requiredText(200, "Title"),
  description: text(20_000, "Description").default(""),
  side: z.enum(["marketing", "it"]),
  assigneeId: id.nullish(),
  status: taskStatusSchema.default("todo"),
  priority: taskPrioritySchema.default("none"),
  kind: taskKindSchema.default("task"),
  dueDate: isoDate.nullish(),
});

export const addMilestoneSchema = z.object({
  projectId: id,
  title: requiredText(200, "Title"),
  dueOn: isoDate,
});

export const updateMilestoneSchema = z.object({
  milestoneId: id,
  title: requiredText(200, "Title").optional(),
  dueOn: isoDate.optional(),
});

export const updateTaskSchema = z.object({
  taskId: id,
  title: requiredText(200, "Title").optional(),
  description: text(20_000, "Description").optional(),
  side: z.enum(["marketing", "it"]).optional(),
  assigneeId: id.nullish(),
  priority: taskPrioritySchema.optional(),
  kind: taskKindSchema.optional(),
  dueDate: isoDate.nullish(),
});

/** Move to a status column, between two neighbours (either may be absent: top or bottom). */
export const moveTaskSchema = z.object({
  taskId: id,
  status: taskStatusSchema,
  beforeId: id.nullish(),
  afterId: id.nullish(),
});

export const taskFilterSchema = z.object({
  projectId: id.optional(),
  side: z.enum(["marketing", "it"]).optional(),
  assigneeId: id.optional(),
  overdue: z.boolean().optional(),
  status: taskStatusSchema.optional(),
});

export const createCommentSchema = z.object({
  projectId: id,
  taskId: id.nullish(),
  body: requiredText(10_000, "Comment"),
});

// ---- check-ins and the leadership feed --------------------------------------------------------

export const createCheckInSchema = z.object({
  projectId: id,
  health: healthSchema,
  /** One line for the project's health; the rest is the check-in. */
  headline: requiredText(200, "Headline"),
  moved: text(4_000, "What moved").default(""),
  risks: text(4_000, "Risks").default(""),
  asks: text(4_000, "Asks of the other side").default(""),
  decisions: text(4_000, "Decisions").default(""),
});

export const feedKindSchema = z.enum(FEED_KINDS);

export const feedFilterSchema = z.object({
  projectId: id.optional(),
  side: sideSchema.optional(),
  kind: feedKindSchema.optional(),
});

export const feedPageSchema = z.object({
  filter: feedFilterSchema.default({}),
  /** The seq of the last entry of the previous page (keyset); absent for the first page. */
  cursor: z.number().int().positive().nullish(),
  limit: z.number().int().min(1).max(100).default(30),
});

export const feedExportSchema = z
  .object({ from: isoDate, to: isoDate, filter: feedFilterSchema.default({}) })
  .refine((v) => v.from <= v.to, { message: "The start must be on or before the end.", path: ["to"] });

// ---- KPIs -------------------------------------------------------------------------------------

export const KPI_CSV_MAX_BYTES = 1_000_000;
export const KPI_CSV_MAX_ROWS = 5_000;
const kpiNumber = (label: string) =>
  z
    .number({ error: `${label} must be a number.` })
    .finite(`${label} must be a finite number.`)
    .min(-1e12)
    .max(1e12, `${label} is too large.`);
const kpiFormulaSchema = z.object({
  // One of the registry's metrics: anything else is refused here, under the metric field.
  metric: z.enum(METRIC_IDS, {
    error: (issue) =>
      issue.input === "" || issue.input === undefined || issue.input === null
        ? "Choose a metric."
        : "That is not a metric Tandem computes: choose one from the list.",
  }),
  side: z.enum(["marketing", "it"]).nullish(),
  projectId: id.nullish(),
});

const kpiDefinitionFields = {
  unit: z.enum(KPI_UNITS),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Use a three-letter ISO 4217 code, like EUR.")
    .nullish(),
  direction: z.enum(KPI_DIRECTIONS),
  target: kpiNumber("The target"),
  atRisk: kpiNumber("The at-risk threshold"),
  cadence: z.enum(KPI_CADENCES),
  formula: kpiFormulaSchema.nullish(),
};

/** Target and at-risk threshold make sense together; a currency KPI names its currency. */
function checkDefinition(
  v: { unit?: string; currency?: string | null; direction?: string; target?: number; atRisk?: number },
  ctx: z.RefinementCtx,
  { partial }: { partial: boolean },
) {
  if (!partial || v.unit !== undefined) {
    if (v.unit === "currency" && !v.currency) ctx.addIssue({ code: "custom", path: ["currency"], message: "A currency KPI needs its currency code." });
    if (v.unit === "percent" && v.target !== undefined && (v.target < 0 || v.target > 100))
      ctx.addIssue({ code: "custom", path: ["target"], message: "A percentage is between 0 and 100." });
  }
  if (v.direction && v.target !== undefined && v.atRisk !== undefined) {
    if (v.direction === "higher" && v.atRisk > v.target)
      ctx.addIssue({ code: "custom", path: ["atRisk"], message: "With higher is better, the at-risk threshold is at or below the target." });
    if (v.direction === "lower" && v.atRisk < v.target)
      ctx.addIssue({ code: "custom", path: ["atRisk"], message: "With lower is better, the at-risk threshold is at or above the target." });
  }
}

export const createKpiSchema = z
  .object({
    name: requiredText(120, "Name"),
    description: text(2_000, "Description").default(""),
    ...kpiDefinitionFields,
    owner: z.enum(KPI_OWNERS),
    source: z.enum(KPI_SOURCES),
    projectIds: z.array(id).max(50).default([]),
  })
  .superRefine((v, ctx) => {
    checkDefinition(v, ctx, { partial: false });
    if (v.source === "computed" && !v.formula) ctx.addIssue({ code: "custom", path: ["formula"], message: "A computed KPI needs a metric." });
    if (v.source !== "computed" && v.formula) ctx.addIssue({ code: "custom", path: ["formula"], message: "Only a computed KPI has a metric." });
  });

export const updateKpiSchema = z
  .object({
    kpiId: id,
    name: requiredText(120, "Name").optional(),
    description: text(2_000, "Description").optional(),
    ...kpiDefinitionFields,
    unit: kpiDefinitionFields.unit.optional(),
    direction: kpiDefinitionFields.direction.optional(),
    target: kpiDefinitionFields.target.optional(),
    atRisk: kpiDefinitionFields.atRisk.optional(),
    cadence: kpiDefinitionFields.cadence.optional(),
    owner: z.enum(KPI_OWNERS).optional(),
    projectIds: z.array(id).max(50).optional(),
  })
  .superRefine((v, ctx) => checkDefinition(v, ctx, { partial: true }));

export const kpiStanceSchema = z.object({
  kpiId: id,
  /** The version the signer read: a definition changed meanwhile is not signed unseen. */
  version: z.number().int().min(1),
});
export const objectKpiSchema = kpiStanceSchema.extend({ reason: requiredText(1_000, "Reason") });

export const recordKpiValueSchema = z.object({
  kpiId: id,
  period: requiredText(20, "Period"),
  value: kpiNumber("The value"),
  note: text(1_000, "Note").default(""),
  sourceUrl: z
    .string()
    .trim()
    .max(500)
    .url("Use a full link, like https://…")
    .refine((u) => /^https?:\/\//i.test(u), "Use an http(s) link.")
    .nullish()
    .or(z.literal("").transform(() => null)),
});

export const importKpiValuesSchema = z.object({
  kpiId: id,
  fileName: text(200, "File name").default("upload.csv"),
  csv: z.string().max(KPI_CSV_MAX_BYTES, `The file is larger than ${KPI_CSV_MAX_BYTES / 1_000_000} MB.`),
});

export const kpiCommentSchema = z
  .object({ kpiId: id, body: text(2_000, "Comment").default(""), acknowledged: z.boolean().default(false) })
  .refine((v) => v.acknowledged || v.body.length > 0, {
    message: "Write a comment, or acknowledge.",
    path: ["body"],
  });

export const kpiRangeSchema = z
  .object({ kpiId: id, from: isoDate, to: isoDate })
  .refine((v) => v.from <= v.to, { message: "The start must be on or before the end.", path: ["to"] });

// ---- dashboards -------------------------------------------------------------------------------

export const timeRangeSchema = z.enum(TIME_RANGES);
/** Each widget kind's settings: a widget whose settings don't fit its kind is refused. */
export const widgetConfigSchemas = {
  kpi_tile: z.object({ kpiId: id }).strict(),
  kpi_line: z.object({ kpiId: id, range: timeRangeSchema.default("quarter") }).strict(),
  kpi_bar: z.object({ kpiId: id, by: z.enum(["side", "project"]) }).strict(),
  health_matrix: z.object({}).strict(),
  burn_up: z.object({ projectId: id.nullish() }).strict(),
  feed_strip: z.object({ limit: z.number().int().min(3).max(20).default(8) }).strict(),
} as const satisfies Record<WidgetKind, z.ZodType>;

const widgetSize = { width: z.number().int().min(1).max(WIDGET_MAX_WIDTH), height: z.number().int().min(1).max(WIDGET_MAX_HEIGHT) };

export const createDashboardSchema = z.object({ name: requiredText(80, "Name"), description: text(500, "Description").default("") });
export const updateDashboardSchema = z.object({ dashboardId: id, name: requiredText(80, "Name").optional(), description: text(500, "Description").optional() });
export const addWidgetSchema = z.object({
  dashboardId: id,
  kind: z.enum(WIDGET_KINDS),
  config: z.record(z.string(), z.unknown()).default({}),
  width: widgetSize.width.default(1),
  height: widgetSize.height.default(1),
});
export const changeWidgetSchema = z.object({
  widgetId: id,
  config: z.record(z.string(), z.unknown()).optional(),
  width: widgetSize.width.optional(),
  height: widgetSize.height.optional(),
});
/** Move a widget between two neighbours (either absent: first or last). */
export const moveWidgetSchema = z.object({ widgetId: id, beforeId: id.nullish(), afterId: id.nullish() });
export const dashboardRangeSchema = z
  .object({ dashboardId: id, from: isoDate, to: isoDate })
  .refine((v) => v.from <= v.to, { message: "The start must be on or before the end.", path: ["to"] });
