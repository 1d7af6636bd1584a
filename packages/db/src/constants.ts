// Domain enums as plain constants: safe to import in the browser (no drizzle, no pg).
export const SIDES = ["marketing", "it", "leadership"] as const;
export const ROLES = ["admin", "lead", "member", "viewer"] as const;
export type Side = (typeof SIDES)[number];
export type Role = (typeof ROLES)[number];
