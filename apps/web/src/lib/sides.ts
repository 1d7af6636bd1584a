import { SIDE_LABELS, SIDE_NOUNS, SIDE_STYLES, type WorkingSide } from "@tandem/domain/sides";
import { ROLE_LABELS } from "@tandem/domain/constants";

export type Side = keyof typeof SIDE_LABELS;
export type Role = keyof typeof ROLE_LABELS;

export const SIDES = Object.keys(SIDE_LABELS) as Side[];
export const ROLES = Object.keys(ROLE_LABELS) as Role[];
export { ROLE_LABELS, SIDE_LABELS, SIDE_NOUNS, SIDE_STYLES };

/** A working side's coloured edge on a card, written out in full so Tailwind sees them. */
export const SIDE_EDGE: Record<WorkingSide, { left: string; top: string }> = {
  marketing: { left: "border-l-marketing", top: "border-t-marketing" },
  it: { left: "border-l-it", top: "border-t-it" },
};

export const ROLE_HINTS: Record<Role, string> = {
  admin: "Manages members, sides, roles and invitations.",
  lead: "Leads the side's work.",
  member: "Works on shared projects and tasks.",
  viewer: "Reads, comments and acknowledges.",
};

/** Leadership reads, so it holds only viewer or admin (the API enforces the same rule). */
export function rolesForSide(side: Side): Role[] {
  return side === "leadership" ? ["admin", "viewer"] : ROLES;
}

/** Who may change shared work (projects, tasks, check-ins): not viewers, and never leadership; the API enforces the same. */
export function canEditWork(me: { role: string; side: string }) {
  return me.role !== "viewer" && me.side !== "leadership";
}
