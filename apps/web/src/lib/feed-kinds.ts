import { FEED_KINDS, type FeedKind } from "@tandem/domain/constants";
import type { FeedFilter } from "@tandem/domain/feed-kinds";
import { SIDES, type Side } from "@tandem/domain/sides";

/** Entries per feed page; the server page prefetches with the same input, so it must live outside "use client" modules. */
export const FEED_PAGE_SIZE = 10;

// The feed's kinds are the registry's feed rules: the server's SQL is compiled from the same ones.
export { type FeedFilter, type FeedKindEntry, feedKindsOf, matchesFeedFilter } from "@tandem/domain/feed-kinds";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The feed's filter as the page keeps it in the URL (`?project=…&side=…&kind=…`); unknown values are dropped. */
export function feedFilterFromParams(params: URLSearchParams): FeedFilter {
  const filter: FeedFilter = {};
  const project = params.get("project");
  const side = params.get("side");
  const kind = params.get("kind");
  if (project && UUID.test(project)) filter.projectId = project;
  if (side && (SIDES as readonly string[]).includes(side)) filter.side = side as Side;
  if (kind && (FEED_KINDS as readonly string[]).includes(kind)) filter.kind = kind as FeedKind;
  return filter;
}
