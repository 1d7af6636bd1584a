import * as v from "valibot";

import { plainMentions } from "../mentions";
import { READS_COMPUTED_KPIS } from "./kpi";
import { defineAction, defineDomain } from "./define";
import { q, str } from "./words";

export const commentDomain = defineDomain({
  name: "comment",
  queries: ["comment.list"],
  actions: {
    "comment.created": defineAction({
      entity: "comment",
      after: v.object({
        id: v.string(),
        projectId: v.string(),
        taskId: v.nullable(v.string()),
        body: v.string(),
        authorId: v.nullable(v.string()),
        authorName: v.string(),
        createdAt: v.string(),
      }),
      cache: { mode: "patch", invalidate: READS_COMPUTED_KPIS },
      sentence: ({ label, after: a }) => ({ text: `commented on ${q(label)}`, detail: str(a.body) ? plainMentions(a.body!) : undefined }),
    }),
  },
});
