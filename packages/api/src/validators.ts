import { FEED_KINDS, HEALTHS, PHASES, ROLES, SIDES, TASK_KINDS, TASK_PRIORITIES, TASK_STATUSES } from "@tandem/db/constants";
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

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-31.")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "That date doesn't exist.");

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
