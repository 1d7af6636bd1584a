import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { PASSWORD_MIN, passwordWeakness, signUpSchema } from "./password-policy";

describe("password policy", () => {
  it("refuses short, common, repetitive and email-derived passwords with a reason", () => {
    expect(passwordWeakness("short1")).toMatch(/at least 10/);
    expect(passwordWeakness("Password123")).toMatch(/too common/);
    expect(passwordWeakness("aaaaaaaaaaaa")).toMatch(/4 different/);
    expect(passwordWeakness("maya.chen-2026!", "maya.chen@acme.test")).toMatch(/email/);
    expect(passwordWeakness("x".repeat(129))).toMatch(/at most 128/);
  });

  it("accepts any long enough, varied password not built from the email", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: PASSWORD_MIN, maxLength: 64 }).filter((s) => new Set(s.toLowerCase()).size >= 4),
        (pw) => {
          fc.pre(!pw.toLowerCase().includes("zed"));
          expect(passwordWeakness(pw, "zed@example.com")).toBeNull();
        },
      ),
    );
  });

  it("puts the reason on the password field of the sign-up form", () => {
    const r = signUpSchema.safeParse({ name: "Zed", email: "zed@example.com", password: "password123" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["password"]);
  });
});
