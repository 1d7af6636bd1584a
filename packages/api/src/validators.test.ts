import { isReservedSlug, RESERVED_SLUGS } from "@tandem/domain/workspace";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { z } from "zod";

import { createInvitationSchema, createWorkspaceSchema, slugSchema } from "./validators";

describe("validators", () => {
  it("normalises and accepts workspace addresses made of lowercase words and dashes", () => {
    expect(slugSchema.parse("  Acme-Labs ")).toBe("acme-labs");
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 4 }), (parts) => {
        const slug = parts.join("-");
        fc.pre(slug.length >= 2 && slug.length <= 40 && !isReservedSlug(slug));
        expect(slugSchema.parse(slug)).toBe(slug);
      }),
    );
  });

  it("refuses addresses with spaces, symbols or dashes at the ends", () => {
    for (const bad of ["a", "-acme", "acme-", "ac me", "acme!", "x".repeat(41), "ünïcode"]) {
      expect(slugSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it("refuses the app's own addresses (/status, /api, …) with a message naming the slug", () => {
    for (const reserved of ["status", "api", "Sign-In", " onboarding "]) {
      const res = createWorkspaceSchema.safeParse({ name: "Acme", slug: reserved, side: "it" });
      expect(res.success, reserved).toBe(false);
      const slugErrors = z.flattenError(res.error!).fieldErrors.slug;
      expect(slugErrors).toEqual([`“${reserved.trim().toLowerCase()}” is reserved — choose another`]);
    }
    for (const reserved of RESERVED_SLUGS) expect(slugSchema.safeParse(reserved).success, reserved).toBe(false);
    expect(slugSchema.parse("status-1")).toBe("status-1");
  });

  it("refuses workspace names with control characters as a field error on the name", () => {
    const res = createWorkspaceSchema.safeParse({ name: "Ac\u0000me", slug: "acme", side: "it" });
    expect(z.flattenError(res.error!).fieldErrors.name).toBeDefined();
  });

  it("bounds invitation expiry to 1–30 days and defaults to 7", () => {
    expect(createInvitationSchema.parse({ side: "it", role: "member" }).expiresInDays).toBe(7);
    expect(createInvitationSchema.safeParse({ side: "it", role: "member", expiresInDays: 31 }).success).toBe(false);
    expect(createInvitationSchema.safeParse({ side: "it", role: "member", expiresInDays: 0 }).success).toBe(false);
  });
});
