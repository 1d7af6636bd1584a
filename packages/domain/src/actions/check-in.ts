import * as v from "valibot";

import { HEALTH_LABELS } from "../constants";
import { READS_COMPUTED_KPIS } from "./kpi";
import { defineAction, defineDomain } from "./define";
import { at, health } from "./fields";
import { healthBeforeSchema, healthPostSchema } from "./project";
import { label, q, sideNoun, str } from "./words";

export const checkInDomain = defineDomain({
  name: "checkIn",
  queries: ["checkIn.list", "checkIn.status"],
  actions: {
    "check_in.posted": defineAction({
      entity: "check_in",
      // A check-in sets its side's health with the same fields a health post carries.
      after: v.object({
        ...healthPostSchema.entries,
        checkInId: v.string(),
        health,
        headline: v.string(),
        moved: v.string(),
        risks: v.string(),
        asks: v.string(),
        decisions: v.string(),
        createdAt: at,
      }),
      before: healthBeforeSchema,
      feed: [{ kind: "check_in" }, { kind: "decision", when: { nonEmpty: "decisions" } }],
      // The project patches in place; its check-ins and the workspace's status are read again.
      cache: { mode: "patch", invalidate: ["checkIn.list", "checkIn.status", ...READS_COMPUTED_KPIS] },
      sentence: ({ label: name, after: a }) => ({
        text: `checked in on ${q(name)} for ${sideNoun(a.side ?? "marketing")}: ${label(HEALTH_LABELS, a.health)}`,
        detail: str(a.headline),
      }),
    }),
  },
});
