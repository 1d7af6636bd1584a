import { FEED_KINDS, type FeedKind, type Side } from "@tandem/db/constants";

/** Entries per feed page; the server page prefetches with the same input, so it must live outside "use client" modules. */
export const FEED_PAGE_SIZE = 10;

/** What a log entry needs for the feed's kind rules. */
export interface FeedKindEntry {
  action: string;
  actorSide?: Side | null;
  projectId?: string | null;
  summary: { after?: Record<string, unknown> | null };
}

export interface FeedFilter {
  projectId?: string;
  side?: Side;
  kind?: FeedKind;
}

const has = (after: Record<string, unknown> | null | undefined, key: string) => !!after && Object.prototype.hasOwnProperty.call(after, key);

/**
 * The same rules as the server's KIND_WHERE (packages/db/src/queries/feed.ts), so the live
 * cache puts an entry into exactly the feed lists the server would have read it into.
 */
const KIND_RULES: Record<FeedKind, (e: FeedKindEntry) => boolean> = {
  check_in: (e) => e.action === "check_in.posted",
  health: (e) => e.action === "project.health_posted",
  milestone: (e) =>
    ["project.created", "project.phase_changed", "milestone.added", "milestone.reached"].includes(e.action) ||
    (e.action === "project.updated" && has(e.summary.after, "targetDate")) ||
    (e.action === "milestone.updated" && has(e.summary.after, "dueOn")),
  task: (e) => ["task.moved", "task.updated", "task.created"].includes(e.action) && ["blocked", "done"].includes(String(e.summary.after?.status ?? "")),
  decision: (e) => e.action === "check_in.posted" && textOf(e.summary.after?.decisions) !== "",
  member: (e) => e.action === "member.joined",
};

// `->>` reads a JSON string as itself and anything else as its JSON text; null stays null.
function textOf(v: unknown) {
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** The feed kinds a log entry is; empty when it is not a feed item at all. */
export function feedKindsOf(entry: FeedKindEntry): FeedKind[] {
  return FEED_KINDS.filter((k) => KIND_RULES[k](entry));
}

/** Whether a feed list with this filter holds the entry. */
export function matchesFeedFilter(entry: FeedKindEntry, filter: FeedFilter): boolean {
  if (filter.projectId && entry.projectId !== filter.projectId) return false;
  if (filter.side && entry.actorSide !== filter.side) return false;
  return filter.kind ? KIND_RULES[filter.kind](entry) : feedKindsOf(entry).length > 0;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SIDE_VALUES: readonly Side[] = ["marketing", "it", "leadership"];

/** The feed's filter as the page keeps it in the URL (`?project=…&side=…&kind=…`); unknown values are dropped. */
export function feedFilterFromParams(params: URLSearchParams): FeedFilter {
  const filter: FeedFilter = {};
  const project = params.get("project");
  const side = params.get("side");
  const kind = params.get("kind");
  if (project && UUID.test(project)) filter.projectId = project;
  if (side && (SIDE_VALUES as readonly string[]).includes(side)) filter.side = side as Side;
  if (kind && (FEED_KINDS as readonly string[]).includes(kind)) filter.kind = kind as FeedKind;
  return filter;
}
