import { HEALTHS, PHASES, type Health, type Phase } from "@tandem/db/constants";

export interface ProjectFilter {
  phase?: Phase;
  health?: Health | "disagree";
  leadId?: string;
  side?: "marketing" | "it";
  search?: string;
}

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

const get = (params: Params, key: string) => {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  return (Array.isArray(v) ? v[0] : v) ?? undefined;
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The project list's filter from the URL (`?phase=build&health=disagree&lead=…&side=it&q=…`).
 * Built the same way on the server and in the browser, so the prefetched query is the one used;
 * unknown values are ignored rather than sent to the API to be refused.
 */
export function projectFilterFromParams(params: Params): ProjectFilter {
  const filter: ProjectFilter = {};
  const phase = get(params, "phase");
  if (phase && (PHASES as readonly string[]).includes(phase)) filter.phase = phase as Phase;
  const health = get(params, "health");
  if (health && (health === "disagree" || (HEALTHS as readonly string[]).includes(health))) filter.health = health as ProjectFilter["health"];
  const lead = get(params, "lead");
  if (lead && UUID.test(lead)) filter.leadId = lead;
  const side = get(params, "side");
  if (side === "marketing" || side === "it") filter.side = side;
  const q = get(params, "q")?.trim().slice(0, 120);
  if (q) filter.search = q;
  return filter;
}

export function isFiltered(filter: ProjectFilter) {
  return Object.keys(filter).length > 0;
}
