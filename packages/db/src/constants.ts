// Domain enums as plain constants: safe to import in the browser (no drizzle, no pg).
export const SIDES = ["marketing", "it", "leadership"] as const;
export const ROLES = ["admin", "lead", "member", "viewer"] as const;
export type Side = (typeof SIDES)[number];
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

export const NOTIFICATION_KINDS = ["mention", "assignment"] as const;

/** What the leadership feed can be filtered to; each kind is a set of log actions (see queries/feed). */
export const FEED_KINDS = ["check_in", "health", "milestone", "task", "decision", "member"] as const;
export type FeedKind = (typeof FEED_KINDS)[number];
