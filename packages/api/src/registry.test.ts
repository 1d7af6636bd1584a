import { ACTIONS, DOMAINS, namedProcedures } from "@tandem/domain/actions";
import { describe, expect, it } from "vitest";

import { appRouter } from "./root";

// tRPC keeps a flat "router.procedure" map on the router at run time (its type is the nested record).
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } } | undefined>;

describe("the action registry and the API", () => {
  it("names only query procedures the router has, for the cache to read again", () => {
    const named = namedProcedures();
    expect(named.length).toBeGreaterThan(5);
    for (const path of named) {
      expect(procedures[path], path).toBeDefined();
      expect(procedures[path]!._def.type, path).toBe("query");
    }
  });

  it("gives every domain a router of its name, and every action a `domain.verb` name", () => {
    for (const d of DOMAINS)
      expect(
        Object.keys(procedures).some((p) => p.startsWith(`${d.name}.`)),
        d.name,
      ).toBe(true);
    for (const name of Object.keys(ACTIONS)) expect(name).toMatch(/^[a-z_]+\.[a-z_]+$/);
  });
});
