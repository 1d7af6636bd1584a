import { describe, expect, it } from "vitest";

import { describeEntry, type DescribableEntry } from "./index";

const e = (action: string, summary: DescribableEntry["summary"], actorName = "Priya Nair"): DescribableEntry => ({ action, actorName, summary });

describe("describeEntry", () => {
  it("tells a move in the words of the board", () => {
    expect(
      describeEntry(e("task.moved", { label: "Consent banner", before: { status: "todo", position: 1 }, after: { status: "blocked", position: 2 } })).text,
    ).toBe("moved ‘Consent banner’ to Blocked");
    expect(describeEntry(e("task.moved", { label: "Consent banner", before: { status: "todo" }, after: { status: "todo" } })).text).toBe(
      "reordered ‘Consent banner’ in To do",
    );
  });

  it("names who a task was given to, and the side and kind of a new task", () => {
    expect(describeEntry(e("task.assigned", { label: "Tag audit", after: { assigneeId: "m1", assigneeName: "Dana Fox" } })).text).toBe(
      "assigned ‘Tag audit’ to Dana Fox",
    );
    expect(describeEntry(e("task.assigned", { label: "Tag audit", after: { assigneeId: null, assigneeName: null } })).text).toBe("unassigned ‘Tag audit’");
    expect(
      describeEntry(e("task.created", { label: "Data contract", after: { side: "it", kind: "requirement", status: "todo", assigneeName: "Tom Becker" } })).text,
    ).toBe("added the IT requirement ‘Data contract’, assigned to Tom Becker");
    expect(describeEntry(e("task.created", { label: "Brief", after: { side: "marketing", kind: "task", status: "in_progress" } })).text).toBe(
      "added the marketing task ‘Brief’ to In progress",
    );
  });

  it("one changed field reads as its own sentence; several are listed", () => {
    expect(describeEntry(e("task.updated", { label: "New title", before: { title: "Old title" }, after: { title: "New title" } })).text).toBe(
      "renamed ‘Old title’ to ‘New title’",
    );
    expect(describeEntry(e("task.updated", { label: "T", after: { priority: "high", dueDate: null } })).text).toBe("updated ‘T’: priority High, no due date");
  });

  it("tells a milestone added with its due date, moved, renamed, and reached, reopened or removed by name", () => {
    const year = new Date().getFullYear();
    expect(describeEntry(e("milestone.added", { label: "Beta live", after: { title: "Beta live", dueOn: `${year}-12-04` } })).text).toBe(
      "added the milestone ‘Beta live’, due Dec 4",
    );
    expect(describeEntry(e("milestone.added", { label: "Beta live", after: { title: "Beta live", dueOn: `${year + 1}-01-15` } })).text).toBe(
      `added the milestone ‘Beta live’, due Jan 15, ${year + 1}`,
    );
    expect(describeEntry(e("milestone.reached", { label: "Beta live", after: {} })).text).toBe("reached the milestone ‘Beta live’");
    expect(describeEntry(e("milestone.updated", { label: "Beta", before: { dueOn: `${year}-12-04` }, after: { dueOn: `${year}-12-11` } })).text).toBe(
      "moved the milestone ‘Beta’ to Dec 11",
    );
    expect(describeEntry(e("milestone.updated", { label: "Beta", before: { title: "Alpha" }, after: { title: "Beta" } })).text).toBe(
      "renamed the milestone ‘Alpha’ to ‘Beta’",
    );
    expect(
      describeEntry(
        e("milestone.updated", { label: "Beta", before: { title: "Alpha", dueOn: `${year}-12-04` }, after: { title: "Beta", dueOn: `${year}-12-11` } }),
      ).text,
    ).toBe("renamed the milestone ‘Alpha’ to ‘Beta’, now due Dec 11");
    expect(describeEntry(e("milestone.reopened", { label: "Beta live", after: {} })).text).toBe("reopened the milestone ‘Beta live’");
    expect(describeEntry(e("milestone.removed", { label: "Beta live", after: null })).text).toBe("removed the milestone ‘Beta live’");
  });

  it("gives a health post its side and its reason", () => {
    const s = describeEntry(e("project.health_posted", { label: "Launch", after: { itHealth: "at_risk", itHealthReason: "Vendor is late", side: "it" } }));
    expect(s).toEqual({ text: "rated ‘Launch’ At risk for IT", detail: "Vendor is late" });
    // Entries written since the sides became rows carry each side's part under `sides`.
    const rows = describeEntry(
      e("project.health_posted", { label: "Launch", after: { side: "it", sides: { it: { health: "at_risk", healthReason: "Vendor is late" } } } }),
    );
    expect(rows).toEqual(s);
  });

  it("names a new lead, from old column pairs and from sides alike, and not the lead names riding along", () => {
    const old = describeEntry(
      e("project.updated", {
        label: "Launch",
        before: { itLeadId: "i1" },
        after: { itLeadId: "i2", itLeadName: "Tom Becker", marketingLeadName: "Maya Chen" },
      }),
    );
    const rows = describeEntry(
      e("project.updated", {
        label: "Launch",
        before: { sides: { it: { leadId: "i1" } } },
        after: { sides: { it: { leadId: "i2", leadName: "Tom Becker" }, marketing: { leadName: "Maya Chen" } } },
      }),
    );
    expect(old.text).toBe("made Tom Becker the IT lead of ‘Launch’");
    expect(rows).toEqual(old);
  });

  it("shows a comment's mentions as plain names", () => {
    const s = describeEntry(e("comment.created", { label: "T", after: { body: "Over to @[Dana Fox](member:4b1c7f0e-1111-4222-8333-444455556666)" } }));
    expect(s.detail).toBe("Over to @Dana Fox");
  });

  it("tells joining and leaving apart from being added and removed", () => {
    expect(describeEntry(e("member.joined", { label: "Priya Nair", after: { side: "it", role: "member" } })).text).toBe("joined on the IT side as Member");
    expect(describeEntry(e("member.removed", { label: "Dana Fox", before: {}, after: null }, "Maya Chen")).text).toBe("removed Dana Fox from the workspace");
  });
});
