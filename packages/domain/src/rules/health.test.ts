import { describe, expect, it } from "vitest";

import { sidesDisagree } from "./health";

describe("sidesDisagree", () => {
  it("is true only when both sides have posted and differ", () => {
    expect(sidesDisagree({ marketing: { health: "on_track" }, it: { health: "at_risk" } })).toBe(true);
    expect(sidesDisagree({ marketing: { health: "off_track" }, it: { health: "on_track" } })).toBe(true);
    expect(sidesDisagree({ marketing: { health: "on_track" }, it: { health: "on_track" } })).toBe(false);
    expect(sidesDisagree({ marketing: { health: "at_risk" }, it: { health: null } })).toBe(false);
    expect(sidesDisagree({ marketing: { health: null }, it: { health: "off_track" } })).toBe(false);
    expect(sidesDisagree({ marketing: { health: null }, it: { health: null } })).toBe(false);
  });
});
