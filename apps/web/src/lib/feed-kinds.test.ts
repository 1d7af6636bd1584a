import { describe, expect, it } from "vitest";

import { feedFilterFromParams, feedKindsOf, matchesFeedFilter, type FeedKindEntry } from "./feed-kinds";

const P1 = "22222222-2222-4222-8222-222222222222";
const e = (action: string, after: Record<string, unknown> | null = {}, extra: Partial<FeedKindEntry> = {}): FeedKindEntry => ({
  action,
  actorSide: "it",
  projectId: P1,
  summary: { after },
  ...extra,
});

describe("feedKindsOf", () => {
  it("tells a check-in with decisions as both a check-in and a decision, one without as a check-in only", () => {
    expect(feedKindsOf(e("check_in.posted", { health: "at_risk", decisions: "Ship on the 3rd" }))).toEqual(["check_in", "decision"]);
    expect(feedKindsOf(e("check_in.posted", { health: "on_track", decisions: "" }))).toEqual(["check_in"]);
    expect(feedKindsOf(e("check_in.posted", { health: "on_track" }))).toEqual(["check_in"]);
  });

  it("reads milestones: created, phase changes and target dates, not other project edits", () => {
    expect(feedKindsOf(e("project.created"))).toEqual(["milestone"]);
    expect(feedKindsOf(e("project.phase_changed", { phase: "launch" }))).toEqual(["milestone"]);
    expect(feedKindsOf(e("project.updated", { targetDate: null }))).toEqual(["milestone"]);
    expect(feedKindsOf(e("project.updated", { name: "Renamed" }))).toEqual([]);
    expect(feedKindsOf(e("project.updated", null))).toEqual([]);
  });

  it("reads a milestone added, re-dated or reached as a milestone; renaming, reopening or removing one is not news", () => {
    expect(feedKindsOf(e("milestone.added", { title: "Beta", dueOn: "2026-12-04" }))).toEqual(["milestone"]);
    expect(feedKindsOf(e("milestone.reached", { title: "Beta", dueOn: "2026-12-04" }))).toEqual(["milestone"]);
    expect(feedKindsOf(e("milestone.updated", { dueOn: "2026-12-11" }))).toEqual(["milestone"]);
    expect(feedKindsOf(e("milestone.updated", { title: "Renamed" }))).toEqual([]);
    expect(feedKindsOf(e("milestone.reopened", { title: "Beta" }))).toEqual([]);
    expect(feedKindsOf(e("milestone.removed", null))).toEqual([]);
  });

  it("keeps only tasks that became blocked or done", () => {
    expect(feedKindsOf(e("task.moved", { status: "blocked" }))).toEqual(["task"]);
    expect(feedKindsOf(e("task.updated", { status: "done" }))).toEqual(["task"]);
    expect(feedKindsOf(e("task.created", { status: "done" }))).toEqual(["task"]);
    expect(feedKindsOf(e("task.moved", { status: "in_progress" }))).toEqual([]);
    expect(feedKindsOf(e("task.assigned", { status: "blocked" }))).toEqual([]);
    expect(feedKindsOf(e("task.deleted", { status: "done" }))).toEqual([]);
  });

  it("has health posts and new members; never acknowledgements, comments or feed tokens", () => {
    expect(feedKindsOf(e("project.health_posted", { itHealth: "off_track" }))).toEqual(["health"]);
    expect(feedKindsOf(e("member.joined", { side: "it" }))).toEqual(["member"]);
    for (const action of ["entry.acknowledged", "comment.created", "feed_token.created", "feed_token.revoked", "member.removed"]) {
      expect(feedKindsOf(e(action, { status: "done", decisions: "x" }))).toEqual([]);
    }
  });
});

describe("matchesFeedFilter", () => {
  const checkIn = e("check_in.posted", { decisions: "Go" });
  it("narrows by project, side and kind together", () => {
    expect(matchesFeedFilter(checkIn, {})).toBe(true);
    expect(matchesFeedFilter(checkIn, { projectId: P1, side: "it", kind: "decision" })).toBe(true);
    expect(matchesFeedFilter(checkIn, { projectId: "33333333-3333-4333-8333-333333333333" })).toBe(false);
    expect(matchesFeedFilter(checkIn, { side: "marketing" })).toBe(false);
    expect(matchesFeedFilter(checkIn, { kind: "health" })).toBe(false);
    expect(matchesFeedFilter(e("member.joined", {}, { projectId: null }), { projectId: P1 })).toBe(false);
  });
  it("never matches an entry that is no feed item", () => {
    expect(matchesFeedFilter(e("comment.created"), {})).toBe(false);
  });
});

describe("feedFilterFromParams", () => {
  it("reads what the feed page writes into the URL and drops what it doesn't know", () => {
    expect(feedFilterFromParams(new URLSearchParams(`project=${P1}&side=leadership&kind=decision`))).toEqual({
      projectId: P1,
      side: "leadership",
      kind: "decision",
    });
    expect(feedFilterFromParams(new URLSearchParams("project=nope&side=sales&kind=gossip"))).toEqual({});
  });
});
