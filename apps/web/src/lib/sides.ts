import { ROLE_LABELS, SIDE_LABELS } from "@tandem/db/constants";

export type Side = keyof typeof SIDE_LABELS;
export type Role = keyof typeof ROLE_LABELS;

export const SIDES = Object.keys(SIDE_LABELS) as Side[];
export const ROLES = Object.keys(ROLE_LABELS) as Role[];
export { ROLE_LABELS, SIDE_LABELS };

/** Class names for a side's colour, written out in full so Tailwind sees them. */
export const SIDE_STYLES: Record<Side, { dot: string; ring: string; border: string; soft: string; ink: string; bar: string; blurb: string }> = {
  marketing: {
    dot: "bg-marketing",
    ring: "ring-marketing",
    border: "border-marketing",
    soft: "bg-marketing-soft",
    ink: "text-marketing-ink",
    bar: "bg-marketing",
    blurb: "Campaigns, audiences and the questions the data should answer.",
  },
  it: {
    dot: "bg-it",
    ring: "ring-it",
    border: "border-it",
    soft: "bg-it-soft",
    ink: "text-it-ink",
    bar: "bg-it",
    blurb: "Data, platforms and the infrastructure that makes the work possible.",
  },
  leadership: {
    dot: "bg-leadership",
    ring: "ring-leadership",
    border: "border-leadership",
    soft: "bg-leadership-soft",
    ink: "text-leadership-ink",
    bar: "bg-leadership",
    blurb: "Reads everything, comments and acknowledges; edits nothing.",
  },
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
