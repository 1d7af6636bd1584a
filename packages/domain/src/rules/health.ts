import type { Health } from "../constants";
import { WORKING_SIDES, type WorkingSide } from "../sides";

/**
 * The "leads disagree" rule, defined once: at least two working sides have posted a health and
 * they are not all the same. With two sides: both set and different. Every view says so plainly.
 *
 * The project list also evaluates it in SQL (`disagreement` in @tandem/db queries, to filter on
 * it); tests/integration/db/project-sides.test.ts checks the two agree.
 */
export function sidesDisagree(sides: Record<WorkingSide, { health: Health | null }>): boolean {
  const set = new Set<Health>();
  for (const side of WORKING_SIDES) {
    const health = sides[side].health;
    if (health !== null) set.add(health);
  }
  return set.size > 1;
}
