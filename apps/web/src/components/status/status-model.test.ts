import { sidesDisagree } from "@tandem/domain/rules";
import { describe, expect, it } from "vitest";

import type { Health } from "~/lib/projects";

import { checkInLine, milestoneLine, sortWorstFirst, targetLine, type StatusProjectInput } from "./status-model";

function row(name: string, m: Health | null, i: Health | null, overdueTasks = 0): StatusProjectInput {
  const sides = { marketing: { leadName: "Maya", health: m }, it: { leadName: "Raj", health: i } };
  return {
    project: { id: name, name, phase: "build", targetDate: null },
    sides,
    overdueTasks,
    disagree: sidesDisagree(sides),
  };
}

describe("sortWorstFirst", () => {
  it("puts off track, then at risk, then disagreement, then on track, then no health", () => {
    const rows = [
      row("none", null, null),
      row("fine", "on_track", "on_track"),
      row("risky", "at_risk", "at_risk"),
      row("split risky", "on_track", "at_risk"),
      row("off", "off_track", null),
      row("split off", "on_track", "off_track"),
    ];
    expect(sortWorstFirst(rows).map((r) => r.project.name)).toEqual(["split off", "off", "split risky", "risky", "fine", "none"]);
  });

  it("breaks ties by overdue tasks, most first", () => {
    expect(sortWorstFirst([row("a", "at_risk", null, 1), row("b", "at_risk", null, 4)]).map((r) => r.project.name)).toEqual(["b", "a"]);
  });
});

describe("targetLine", () => {
  const now = new Date(2026, 10, 22, 14, 0);
  it("counts the days left", () => {
    expect(targetLine("2026-12-14", "build", now)).toEqual({ text: "Target Dec 14 · in 22 days", overdue: false });
  });
  it("flags a passed target as overdue unless the project is done", () => {
    expect(targetLine("2026-11-19", "build", now)).toEqual({ text: "Target Nov 19 · 3 days overdue", overdue: true });
    expect(targetLine("2026-11-19", "done", now)?.overdue).toBe(false);
  });
  it("shows the year of a target in another year", () => {
    expect(targetLine("2027-01-05", "idea", now)?.text).toBe("Target Jan 5, 2027 · in 44 days");
  });
});

describe("checkInLine", () => {
  it("says how long ago a lead checked in, or how long they haven't", () => {
    expect(checkInLine({ projectId: "p", side: "it", lastAt: "2026-11-20T10:00:00Z", daysSinceUpdate: 2, state: "ok" })).toBe("Checked in 2 days ago");
    expect(checkInLine({ projectId: "p", side: "it", lastAt: "2026-11-21T10:00:00Z", daysSinceUpdate: 1, state: "ok" })).toBe("Checked in yesterday");
    expect(checkInLine({ projectId: "p", side: "it", lastAt: null, daysSinceUpdate: 9, state: "overdue" })).toBe("No check-in for 9 days");
  });
});

describe("milestoneLine", () => {
  const now = new Date(2026, 10, 22, 14, 0);
  it("names the next milestone and counts the days to it", () => {
    expect(milestoneLine({ title: "Beta live", dueOn: "2026-11-25" }, now)).toEqual({ text: "Next: Beta live · Nov 25 · in 3 days", overdue: false });
    expect(milestoneLine({ title: "Beta live", dueOn: "2026-11-22" }, now)?.text).toBe("Next: Beta live · Nov 22 · today");
    expect(milestoneLine({ title: "Go-live", dueOn: "2027-02-01" }, now)?.text).toBe("Next: Go-live · Feb 1, 2027 · in 71 days");
  });
  it("flags one past its date, and says nothing when there is none", () => {
    expect(milestoneLine({ title: "Beta live", dueOn: "2026-11-21" }, now)).toEqual({ text: "Next: Beta live · Nov 21 · 1 day overdue", overdue: true });
    expect(milestoneLine(null, now)).toBeNull();
    expect(milestoneLine(undefined, now)).toBeNull();
  });
});
