import type { Health } from "@tandem/db";
import { describe, expect, it } from "vitest";

import { checkInStatuses } from "./check-in";
import { combinedHealth } from "./digest";

const DAY = 86_400_000;
const now = new Date("2026-06-15T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);

type ProjectIn = Parameters<typeof checkInStatuses>[0][number];
const project = (over: Partial<ProjectIn["project"]> = {}): ProjectIn => ({
  project: { id: "p1", name: "Consent banner", phase: "build", checkInCadenceDays: 7, createdAt: daysAgo(30), ...over },
  sides: { marketing: { leadId: "m-lead" }, it: { leadId: "i-lead" } },
});

describe("checkInStatuses", () => {
  it("is ok while more than a day is left, due in the last day, overdue after the deadline", () => {
    const statuses = checkInStatuses(
      [project()],
      [
        { projectId: "p1", side: "marketing", at: daysAgo(2) },
        { projectId: "p1", side: "it", at: new Date(daysAgo(6).getTime() - 60_000) },
      ],
      now,
    );
    expect(statuses.find((s) => s.side === "marketing")).toMatchObject({
      state: "ok",
      leadId: "m-lead",
      daysSinceUpdate: 2,
      dueAt: new Date(daysAgo(2).getTime() + 7 * DAY).toISOString(),
    });
    expect(statuses.find((s) => s.side === "it")).toMatchObject({ state: "due", leadId: "i-lead", daysSinceUpdate: 6 });

    const later = checkInStatuses([project()], [{ projectId: "p1", side: "it", at: daysAgo(8) }], now);
    expect(later.find((s) => s.side === "it")).toMatchObject({ state: "overdue", daysSinceUpdate: 8, lastAt: daysAgo(8).toISOString() });
  });

  it("counts from the project's start when a lead has never checked in", () => {
    const [m] = checkInStatuses([project({ createdAt: daysAgo(3) })], [], now);
    expect(m).toMatchObject({ side: "marketing", state: "ok", lastAt: null, daysSinceUpdate: 3 });
    const [old] = checkInStatuses([project({ createdAt: daysAgo(10) })], [], now);
    expect(old).toMatchObject({ state: "overdue", lastAt: null, daysSinceUpdate: 10 });
  });

  it("follows the project's own cadence", () => {
    const latest = [{ projectId: "p1", side: "marketing" as const, at: daysAgo(10) }];
    expect(checkInStatuses([project({ checkInCadenceDays: 14 })], latest, now)[0]!.state).toBe("ok");
    expect(checkInStatuses([project({ checkInCadenceDays: 11 })], latest, now)[0]!.state).toBe("due");
    expect(checkInStatuses([project({ checkInCadenceDays: 7 })], latest, now)[0]!.state).toBe("overdue");
  });

  it("asks nothing of done projects", () => {
    expect(checkInStatuses([project({ phase: "done", createdAt: daysAgo(100) })], [], now)).toEqual([]);
  });

  it("keeps sides and projects apart", () => {
    const statuses = checkInStatuses([project(), project({ id: "p2", name: "Spring site" })], [{ projectId: "p2", side: "marketing", at: daysAgo(1) }], now);
    expect(statuses.map((s) => `${s.projectId}:${s.side}:${s.state}`)).toEqual(["p1:marketing:overdue", "p1:it:overdue", "p2:marketing:ok", "p2:it:overdue"]);
  });
});

describe("combinedHealth", () => {
  it("is the worse of the two leads' healths, or the one posted", () => {
    const sides = (marketing: Health | null, it: Health | null) => ({ marketing: { health: marketing }, it: { health: it } });
    expect(combinedHealth(sides("on_track", "off_track"))).toBe("off_track");
    expect(combinedHealth(sides("at_risk", "on_track"))).toBe("at_risk");
    expect(combinedHealth(sides(null, "at_risk"))).toBe("at_risk");
    expect(combinedHealth(sides(null, null))).toBeNull();
  });
});
