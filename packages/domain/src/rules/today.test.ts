import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { bottomOf, compareTasks, isOverdue, POSITION_STEP, positionBetween, taskMatchesFilter } from "./tasks";
import { isBefore, isTimeZone, todayIn } from "./today";

describe("today in the workspace's time zone", () => {
  // 2026-12-06 11:30 UTC: already the 7th in Auckland (UTC+13), still the 6th in Los Angeles.
  const lateMorningUtc = new Date("2026-12-06T11:30:00Z");
  // 2026-12-06 23:30 UTC: the 7th in Auckland and Berlin's next day starts at 23:00 UTC.
  const beforeMidnightUtc = new Date("2026-12-06T23:30:00Z");

  it("is the zone's calendar day, not the machine's", () => {
    expect(todayIn("UTC", lateMorningUtc)).toBe("2026-12-06");
    expect(todayIn("Pacific/Auckland", lateMorningUtc)).toBe("2026-12-07");
    expect(todayIn("America/Los_Angeles", lateMorningUtc)).toBe("2026-12-06");
    expect(todayIn("Europe/Berlin", beforeMidnightUtc)).toBe("2026-12-07");
    expect(todayIn("America/Los_Angeles", beforeMidnightUtc)).toBe("2026-12-06");
  });

  it("makes a task due on the 6th overdue in Auckland but not in UTC around midnight", () => {
    const task = { status: "todo" as const, dueDate: "2026-12-06" };
    expect(isOverdue(task, todayIn("Pacific/Auckland", lateMorningUtc))).toBe(true);
    expect(isOverdue(task, todayIn("UTC", lateMorningUtc))).toBe(false);
    expect(isOverdue({ ...task, status: "done" }, todayIn("Pacific/Auckland", lateMorningUtc))).toBe(false);
    expect(isOverdue({ ...task, dueDate: null }, "2099-01-01")).toBe(false);
  });

  it("falls back to UTC for a zone the runtime doesn't know, and says which zones are valid", () => {
    expect(todayIn("Mars/Olympus_Mons", lateMorningUtc)).toBe("2026-12-06");
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("Pacific/Auckland")).toBe(true);
  });

  it("compares days as dates for every pair of days", () => {
    const day = fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(day, day, (a, b) => isBefore(a, b) === new Date(a).getTime() < new Date(b).getTime()));
  });
});

describe("task rules", () => {
  it("places a task strictly between its neighbours, or a step past the one it has", () => {
    const pos = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(pos, pos, (x, y) => {
        const [above, below] = x < y ? [x, y] : [y, x];
        if (above === below) return true;
        const p = positionBetween(above, below);
        return p >= above && p <= below;
      }),
    );
    expect(positionBetween(10, undefined)).toBe(10 + POSITION_STEP);
    expect(positionBetween(undefined, 10)).toBe(10 - POSITION_STEP);
    expect(positionBetween(undefined, undefined)).toBe(POSITION_STEP);
    expect(bottomOf(null)).toBe(POSITION_STEP);
    expect(bottomOf(2048)).toBe(2048 + POSITION_STEP);
  });

  it("orders by status column, then position, then id", () => {
    const rows = [
      { id: "b", status: "done" as const, position: 1 },
      { id: "c", status: "todo" as const, position: 2 },
      { id: "a", status: "todo" as const, position: 2 },
      { id: "d", status: "in_progress" as const, position: 0 },
    ];
    expect([...rows].sort(compareTasks).map((r) => r.id)).toEqual(["a", "c", "d", "b"]);
  });

  it("filters as task.list does", () => {
    const t = { projectId: "p", side: "it", assigneeId: "m", status: "todo" as const, dueDate: "2026-12-05" };
    expect(taskMatchesFilter(t, { projectId: "p", side: "it", assigneeId: "m", overdue: true }, "2026-12-06")).toBe(true);
    expect(taskMatchesFilter(t, { overdue: true }, "2026-12-05")).toBe(false);
    expect(taskMatchesFilter(t, { side: "marketing" }, "2026-12-06")).toBe(false);
    expect(taskMatchesFilter(t, { status: "done" }, "2026-12-06")).toBe(false);
  });
});
