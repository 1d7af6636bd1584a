import { FEED_KINDS } from "@tandem/domain/constants";
import type { FeedFilter } from "@tandem/domain/feed-kinds";
import { SIDES } from "@tandem/domain/sides";
import { createLoader, createParser, parseAsStringLiteral } from "nuqs/server";

/** Entries per feed page; the server page prefetches with the same input, so it must live outside "use client" modules. */
export const FEED_PAGE_SIZE = 10;

// The feed's kinds are the registry's feed rules: the server's SQL is compiled from the same ones.
export { type FeedFilter, type FeedKindEntry, feedKindsOf, matchesFeedFilter } from "@tandem/domain/feed-kinds";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The feed's filters in the URL (`?project=…&side=…&kind=…`), as nuqs parsers; unknown values are dropped. */
export const feedFilterParams = {
  project: createParser({ parse: (v) => (UUID.test(v) ? v : null), serialize: (v: string) => v }),
  side: parseAsStringLiteral(SIDES),
  kind: parseAsStringLiteral(FEED_KINDS),
};
const loadFeedFilterParams = createLoader(feedFilterParams);

export function feedFilterFromParams(params: URLSearchParams | Record<string, string | string[] | undefined>): FeedFilter {
  const p = loadFeedFilterParams(params);
  const filter: FeedFilter = {};
  if (p.project) filter.projectId = p.project;
  if (p.side) filter.side = p.side;
  if (p.kind) filter.kind = p.kind;
  return filter;
}
