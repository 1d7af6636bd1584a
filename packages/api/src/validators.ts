import { ROLES, SIDES } from "@tandem/db/constants";
import { z } from "zod";

// Zod inputs shared by the routers and the web forms, so both give the same messages.

export const sideSchema = z.enum(SIDES);
export const roleSchema = z.enum(ROLES);

export const SIDE_LABELS: Record<(typeof SIDES)[number], string> = {
  marketing: "Marketing",
  it: "IT",
  leadership: "Leadership",
};
export const ROLE_LABELS: Record<(typeof ROLES)[number], string> = {
  admin: "Admin",
  lead: "Lead",
  member: "Member",
  viewer: "Viewer",
};

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "Use at least 2 characters.")
  .max(40, "Use at most 40 characters.")
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "Use lowercase letters, digits and dashes (not at the ends).");

export const createWorkspaceSchema = z.object({
  name: z.string().trim().min(2, "Use at least 2 characters.").max(80, "Use at most 80 characters."),
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
