import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { createInvitationSchema, slugSchema } from "./validators";

describe("validators", () => {
  it("normalises and accepts workspace addresses made of lowercase words and dashes", () => {
    expect(slugSchema.parse("  Acme-Labs ")).toBe("acme-labs");
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 4 }), (parts) => {
        const slug = parts.join("-");
        fc.pre(slug.length >= 2 && slug.length <= 40);
        expect(slugSchema.parse(slug)).toBe(slug);
      }),
    );
  });

  it("refuses addresses with spaces, symbols or dashes at the ends", () => {
    for (const bad of ["a", "-acme", "acme-", "ac me", "acme!", "x".repeat(41), "ünïcode"]) {
      expect(slugSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it("bounds invitation expiry to 1–30 days and defaults to 7", () => {
    expect(createInvitationSchema.parse({ side: "it", role: "member" }).expiresInDays).toBe(7);
    expect(createInvitationSchema.safeParse({ side: "it", role: "member", expiresInDays: 31 }).success).toBe(false);
    expect(createInvitationSchema.safeParse({ side: "it", role: "member", expiresInDays: 0 }).success).toBe(false);
  });
});
