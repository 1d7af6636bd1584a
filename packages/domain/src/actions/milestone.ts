import * as v from "valibot";

import { READS_COMPUTED_KPIS } from "./kpi";
import { defineAction, defineDomain } from "./define";
import { day } from "./fields";
import { formatDay, q } from "./words";

export const milestoneSnapshotSchema = v.object({
  id: v.string(),
  projectId: v.string(),
  title: v.string(),
  dueOn: day,
  reachedAt: v.nullable(v.string()),
});
const milestoneChange = v.object({ title: v.optional(v.string()), dueOn: v.optional(day) });

// A project's milestones are a short list: read again, with the project lists that show the next one.
const cache = { invalidate: ["project.list", ...READS_COMPUTED_KPIS] } as const;

export const milestoneDomain = defineDomain({
  name: "milestone",
  queries: ["milestone.list"],
  actions: {
    "milestone.added": defineAction({
      entity: "milestone",
      after: milestoneSnapshotSchema,
      feed: [{ kind: "milestone" }],
      cache,
      sentence: ({ label, after: a }) => ({ text: `added the milestone ${q(label)}${a.dueOn ? `, due ${formatDay(a.dueOn)}` : ""}` }),
    }),
    "milestone.updated": defineAction({
      entity: "milestone",
      after: milestoneChange,
      before: milestoneChange,
      feed: [{ kind: "milestone", when: { has: "dueOn" } }],
      cache,
      sentence: ({ label, after: a, before: b }) => {
        const due = a.dueOn ? formatDay(a.dueOn) : null;
        if (b.title && a.title) return { text: `renamed the milestone ${q(b.title)} to ${q(a.title)}${due ? `, now due ${due}` : ""}` };
        return { text: due ? `moved the milestone ${q(label)} to ${due}` : `updated the milestone ${q(label)}` };
      },
    }),
    "milestone.reached": defineAction({
      entity: "milestone",
      after: milestoneSnapshotSchema,
      before: v.object({ reachedAt: v.nullable(v.string()) }),
      feed: [{ kind: "milestone" }],
      cache,
      sentence: ({ label }) => ({ text: `reached the milestone ${q(label)}` }),
    }),
    "milestone.reopened": defineAction({
      entity: "milestone",
      after: milestoneSnapshotSchema,
      before: v.object({ reachedAt: v.nullable(v.string()) }),
      cache,
      sentence: ({ label }) => ({ text: `reopened the milestone ${q(label)}` }),
    }),
    "milestone.removed": defineAction({
      entity: "milestone",
      after: v.null(),
      before: milestoneSnapshotSchema,
      cache,
      sentence: ({ label }) => ({ text: `removed the milestone ${q(label)}` }),
    }),
  },
});
