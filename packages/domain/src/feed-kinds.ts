import { FEED_KINDS, type FeedKind } from "./constants";
import { FEED_RULES, type FeedCondition } from "./actions";
import type { Side } from "./sides";

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

// `->>` reads a JSON string as itself and anything else as its JSON text; null stays null.
function textOf(v: unknown) {
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** A feed condition on a payload, in the browser: the same meaning the database's SQL gives it. */
export function holds(when: FeedCondition | undefined, after: Record<string, unknown> | null | undefined): boolean {
  if (!when) return true;
  if ("has" in when) return !!after && Object.hasOwn(after, when.has);
  if ("nonEmpty" in when) return textOf(after?.[when.nonEmpty]) !== "";
  const value = after?.[when.field];
  return value !== null && value !== undefined && when.in.includes(textOf(value));
}

/** The feed kinds a log entry is; empty when it is not a feed item at all. */
export function feedKindsOf(entry: FeedKindEntry): FeedKind[] {
  return FEED_KINDS.filter((kind) => FEED_RULES.some((r) => r.rule.kind === kind && r.action === entry.action && holds(r.rule.when, entry.summary.after)));
}

/** Whether a feed list with this filter holds the entry. */
export function matchesFeedFilter(entry: FeedKindEntry, filter: FeedFilter): boolean {
  if (filter.projectId && entry.projectId !== filter.projectId) return false;
  if (filter.side && entry.actorSide !== filter.side) return false;
  const kinds = feedKindsOf(entry);
  return filter.kind ? kinds.includes(filter.kind) : kinds.length > 0;
}
