import * as v from "valibot";

import { defineAction, defineDomain } from "./define";
import { q, str } from "./words";

export const workspaceDomain = defineDomain({
  name: "workspace",
  queries: ["workspace.get"],
  actions: {
    "workspace.created": defineAction({
      entity: "workspace",
      after: v.object({ slug: v.string(), name: v.string() }),
      sentence: (e) => ({ text: `created the workspace ${q(e.label)}` }),
    }),
    "workspace.renamed": defineAction({
      entity: "workspace",
      after: v.object({ slug: v.string(), name: v.string(), reason: v.optional(v.string()) }),
      before: v.object({ slug: v.string(), name: v.string() }),
      sentence: (e) =>
        e.before.slug && e.after.slug && e.before.slug !== e.after.slug
          ? { text: `moved the workspace ${q(e.label)} from /${e.before.slug} to /${e.after.slug}`, detail: str(e.after.reason) }
          : { text: `renamed the workspace to ${q(e.after.name ?? e.label)}` },
      // A new address changes the switcher's links too.
      cache: { invalidate: ["workspace.list"] },
    }),
  },
});
