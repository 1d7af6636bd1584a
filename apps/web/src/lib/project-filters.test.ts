import { describe, expect, it } from "vitest";

import { isFiltered, projectFilterFromParams } from "./project-filters";

describe("projectFilterFromParams", () => {
  it("reads the filters the projects page writes into the URL", () => {
    const lead = "4b1c7f0e-1111-4222-8333-444455556666";
    expect(projectFilterFromParams(new URLSearchParams(`phase=build&health=disagree&lead=${lead}&side=it&q=%20consent%20`))).toEqual({
      phase: "build",
      health: "disagree",
      leadId: lead,
      side: "it",
      search: "consent",
    });
  });

  it("drops values the API would refuse, so a hand-edited URL shows the list instead of an error", () => {
    const filter = projectFilterFromParams({ phase: "someday", health: "great", lead: "not-a-uuid", side: "leadership", q: "   " });
    expect(filter).toEqual({});
    expect(isFiltered(filter)).toBe(false);
  });

  it("builds the same filter from the server's searchParams object as from the browser's URLSearchParams", () => {
    expect(projectFilterFromParams({ health: ["at_risk", "on_track"], q: "crm" })).toEqual(
      projectFilterFromParams(new URLSearchParams("health=at_risk&q=crm")),
    );
  });
});
