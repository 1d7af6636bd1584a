import type { RouterInputs } from "@tandem/api";
import { HEALTHS, PHASES } from "@tandem/domain/constants";
import { WORKING_SIDES } from "@tandem/domain/sides";
import { createLoader, createParser, type inferParserType, parseAsStringLiteral } from "nuqs/server";

export type ProjectFilter = NonNullable<RouterInputs["project"]["list"]["filter"]>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const memberId = createParser({ parse: (v) => (UUID.test(v) ? v : null), serialize: (v: string) => v });
const search = createParser({ parse: (v) => v.trim().slice(0, 120) || null, serialize: (v: string) => v });

/**
 * The project list's filters in the URL (`?phase=build&health=disagree&lead=…&side=it&q=…`), as
 * nuqs parsers: the server page and the browser read them alike, so the prefetched query is the
 * one used; unknown values are dropped rather than sent to the API to be refused.
 */
export const projectFilterParams = {
  phase: parseAsStringLiteral(PHASES),
  health: parseAsStringLiteral([...HEALTHS, "disagree"] as const),
  lead: memberId,
  side: parseAsStringLiteral(WORKING_SIDES),
  q: search,
};
export type ProjectFilterParams = inferParserType<typeof projectFilterParams>;

const loadProjectFilterParams = createLoader(projectFilterParams);

/** The API's filter from the URL's values (absent ones left out). */
export function toProjectFilter(p: ProjectFilterParams): ProjectFilter {
  const filter: ProjectFilter = {};
  if (p.phase) filter.phase = p.phase;
  if (p.health) filter.health = p.health;
  if (p.lead) filter.leadId = p.lead;
  if (p.side) filter.side = p.side;
  if (p.q) filter.search = p.q;
  return filter;
}

export function projectFilterFromParams(params: Record<string, string | string[] | undefined> | URLSearchParams): ProjectFilter {
  return toProjectFilter(loadProjectFilterParams(params));
}

export function isFiltered(filter: ProjectFilter) {
  return Object.keys(filter).length > 0;
}
