// Domain enums as plain constants: safe to import in the browser (no drizzle, no pg).
export { SIDES, WORKING_SIDES, SIDE_LABELS, type Side, type WorkingSide } from "./sides";
export const ROLES = ["admin", "lead", "member", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const PHASES = ["idea", "discovery", "build", "launch", "done"] as const;
export const HEALTHS = ["on_track", "at_risk", "off_track"] as const;
export type Phase = (typeof PHASES)[number];
export type Health = (typeof HEALTHS)[number];

export const TASK_STATUSES = ["todo", "in_progress", "blocked", "done"] as const;
export const TASK_PRIORITIES = ["none", "low", "medium", "high", "urgent"] as const;
export const TASK_KINDS = ["task", "requirement", "deliverable"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export type TaskKind = (typeof TASK_KINDS)[number];

/** What an inbox entry is: a mention, an assignment, or a notice from Tandem itself (e.g. a moved workspace). */
export const NOTIFICATION_KINDS = ["mention", "assignment", "notice", "kpi_off_target"] as const;

/** What the leadership feed can be filtered to; each kind is a set of log actions (see queries/feed). */
export const FEED_KINDS = ["check_in", "health", "milestone", "task", "decision", "kpi", "member"] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/** How each kind is named in the feed's filter. */
export const FEED_KIND_LABELS: Record<FeedKind, string> = {
  check_in: "Check-ins",
  health: "Health changes",
  milestone: "Milestones and phases",
  task: "Tasks blocked or done",
  decision: "Decisions",
  kpi: "KPIs agreed or off target",
  member: "New members",
};

// How each value is named in the UI, the feed and exports.

export const ROLE_LABELS: Record<(typeof ROLES)[number], string> = {
  admin: "Admin",
  lead: "Lead",
  member: "Member",
  viewer: "Viewer",
};

export const PHASE_LABELS: Record<(typeof PHASES)[number], string> = {
  idea: "Idea",
  discovery: "Discovery",
  build: "Build",
  launch: "Launch",
  done: "Done",
};

export const HEALTH_LABELS: Record<(typeof HEALTHS)[number], string> = {
  on_track: "On track",
  at_risk: "At risk",
  off_track: "Off track",
};

export const TASK_STATUS_LABELS: Record<(typeof TASK_STATUSES)[number], string> = {
  todo: "To do",
  in_progress: "In progress",
  blocked: "Blocked",
  done: "Done",
};

export const TASK_PRIORITY_LABELS: Record<(typeof TASK_PRIORITIES)[number], string> = {
  none: "No priority",
  low: "Low",
  medium: "Medium",
  high: "High",
  urgent: "Urgent",
};

export const TASK_KIND_LABELS: Record<(typeof TASK_KINDS)[number], string> = {
  task: "Task",
  requirement: "Requirement",
  deliverable: "Deliverable",
};
