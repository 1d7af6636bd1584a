import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { isReservedSlug, RESERVED_SLUGS } from "@tandem/domain/workspace";
import { describe, expect, it } from "vitest";

const APP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../apps/web/src/app");

/**
 * The static top-level segments of the App Router tree: each directory of app/, looking through
 * route groups `(x)` (they add no segment), skipping dynamic `[x]`, private `_x` and parallel
 * `@x` folders (which add none either).
 */
function topLevelSegments(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => {
      if (/^\(.*\)$/.test(d.name)) return topLevelSegments(join(dir, d.name));
      if (d.name.startsWith("[") || d.name.startsWith("_") || d.name.startsWith("@")) return [];
      return [d.name];
    });
}

describe("reserved workspace addresses", () => {
  it("include every static top-level route of the web app, so no route can shadow a workspace unnoticed", () => {
    const segments = topLevelSegments(APP_DIR);
    // The walk itself works: these routes exist today.
    expect(segments).toEqual(expect.arrayContaining(["api", "status", "sign-in", "onboarding"]));
    const missing = segments.filter((s) => !RESERVED_SLUGS.includes(s));
    expect(missing, `add these to RESERVED_SLUGS in packages/domain/src/workspace.ts`).toEqual([]);
    for (const s of segments) expect(isReservedSlug(s)).toBe(true);
  });

  it("are unique and stored the way slugs are compared (lowercase, trimmed)", () => {
    expect(new Set(RESERVED_SLUGS).size).toBe(RESERVED_SLUGS.length);
    for (const s of RESERVED_SLUGS) expect(s).toBe(s.trim().toLowerCase());
  });
});
