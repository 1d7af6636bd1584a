import { describe, expect, it } from "vitest";

import { firstFreeSlug, isReservedSlug, suggestSlug } from "./workspace";

describe("workspace addresses", () => {
  it("knows the app's own addresses, however they are typed", () => {
    expect(isReservedSlug("status")).toBe(true);
    expect(isReservedSlug(" Sign-In ")).toBe(true);
    expect(isReservedSlug("acme")).toBe(false);
    expect(isReservedSlug("status-1")).toBe(false);
  });

  it("suggests an address from a name, never a reserved one", () => {
    expect(suggestSlug("Acme Corp — EMEA")).toBe("acme-corp-emea");
    expect(suggestSlug("Crème Brûlée")).toBe("creme-brulee");
    expect(suggestSlug("Status")).toBe("status-1");
    expect(suggestSlug("API")).toBe("api-1");
  });

  it("finds the first free variant of an address", async () => {
    const taken = new Set(["status-1", "acme", "acme-1"]);
    expect(await firstFreeSlug("status", (s) => taken.has(s))).toBe("status-2");
    expect(await firstFreeSlug("acme", (s) => taken.has(s))).toBe("acme-2");
    expect(await firstFreeSlug("globex", (s) => taken.has(s))).toBe("globex");
    const long = "x".repeat(40);
    expect(await firstFreeSlug(long, (s) => s === long)).toBe(`${"x".repeat(38)}-1`);
  });
});
