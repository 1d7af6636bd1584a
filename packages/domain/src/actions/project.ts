import * as v from "valibot";

import { HEALTH_LABELS, PHASE_LABELS } from "../constants";
import { WORKING_SIDES, type WorkingSide } from "../sides";
import { defineAction, defineDomain } from "./define";
import type { Change } from "./define-types";
import { at, day, health, phase, workingSide } from "./fields";
import { formatDay, label, q, sentence, sideNoun, str } from "./words";

/** One side's part of a project as an entry carries it: only what it says changed. */
const sidePart = v.object({
  leadId: v.optional(v.string()),
  leadName: v.optional(v.string()),
  health: v.optional(v.nullable(health)),
  healthReason: v.optional(v.nullable(v.string())),
  healthAt: v.optional(v.nullable(at)),
});
export const projectSidesSchema = v.object({ marketing: v.optional(sidePart), it: v.optional(sidePart) });

/**
 * Entries written before the sides became rows carried each side's fields as column pairs
 * (`marketingLeadId`, `itHealth`…). They are still read, never written.
 */
const legacySides = {
  marketingLeadId: v.optional(v.string()),
  marketingLeadName: v.optional(v.string()),
  itLeadId: v.optional(v.string()),
  itLeadName: v.optional(v.string()),
  marketingHealth: v.optional(v.nullable(health)),
  marketingHealthReason: v.optional(v.nullable(v.string())),
  marketingHealthAt: v.optional(v.nullable(at)),
  itHealth: v.optional(v.nullable(health)),
  itHealthReason: v.optional(v.nullable(v.string())),
  itHealthAt: v.optional(v.nullable(at)),
};

const projectFields = {
  name: v.optional(v.string()),
  outcome: v.optional(v.string()),
  phase: v.optional(phase),
  targetDate: v.optional(v.nullable(day)),
  checkInCadenceDays: v.optional(v.number()),
  updatedAt: v.optional(at),
  /** Per working side: lead, health. */
  sides: v.optional(projectSidesSchema),
  ...legacySides,
};

export const projectPayloadSchema = v.object({ id: v.optional(v.string()), ...projectFields });
const projectChange = v.object(projectFields);

/** A side's health post: whose side, and whether the two sides now disagree. */
export const healthPostSchema = v.object({
  side: workingSide,
  disagree: v.optional(v.boolean()),
  updatedAt: v.optional(at),
  sides: v.optional(projectSidesSchema),
  ...legacySides,
});

/** What a side's health was before a post. */
export const healthBeforeSchema = v.object({ sides: v.optional(projectSidesSchema), ...legacySides });

type SidesPayload = Partial<v.InferOutput<typeof projectChange>>;

/** One side's part of a payload, from its per-side form or the column pairs of old entries. */
export function sideOf(p: SidesPayload, side: WorkingSide): Partial<v.InferOutput<typeof sidePart>> {
  const part = p.sides?.[side];
  if (part) return part;
  const legacy =
    side === "marketing"
      ? {
          leadId: p.marketingLeadId,
          leadName: p.marketingLeadName,
          health: p.marketingHealth,
          healthReason: p.marketingHealthReason,
          healthAt: p.marketingHealthAt,
        }
      : { leadId: p.itLeadId, leadName: p.itLeadName, health: p.itHealth, healthReason: p.itHealthReason, healthAt: p.itHealthAt };
  return Object.fromEntries(Object.entries(legacy).filter(([, x]) => x !== undefined));
}

// A project change patches the project lists and pages in place (the health chips change live).
const cache = { mode: "patch" } as const;

export const projectDomain = defineDomain({
  name: "project",
  queries: ["project.list", "project.get"],
  actions: {
    "project.created": defineAction({
      entity: "project",
      after: projectPayloadSchema,
      feed: [{ kind: "milestone" }],
      cache,
      sentence: ({ label, after: a }) => ({ text: `created the project ${q(label)}`, detail: str(a.outcome) || undefined }),
    }),
    "project.updated": defineAction({
      entity: "project",
      after: projectChange,
      before: projectChange,
      feed: [{ kind: "milestone", when: { has: "targetDate" } }],
      cache,
      sentence: ({ label, after, before }) => projectChanges(label, after, before),
    }),
    "project.phase_changed": defineAction({
      entity: "project",
      after: projectChange,
      before: projectChange,
      feed: [{ kind: "milestone" }],
      cache,
      sentence: ({ label, after, before }) => projectChanges(label, after, before),
    }),
    "project.health_posted": defineAction({
      entity: "project",
      after: healthPostSchema,
      before: healthBeforeSchema,
      feed: [{ kind: "health" }],
      cache,
      sentence: ({ label: name, after: a }) => {
        const side = a.side ?? "marketing";
        const part = sideOf(a, side);
        return { text: `rated ${q(name)} ${label(HEALTH_LABELS, part.health)} for ${sideNoun(side)}`, detail: str(part.healthReason) };
      },
    }),
  },
});

function projectChanges(name: string, a: SidesPayload, b: SidesPayload) {
  const changes: Change[] = [];
  if ("name" in a) changes.push({ alone: `renamed ${q(b.name ?? name)} to ${q(a.name)}`, part: `renamed to ${q(a.name)}` });
  if ("phase" in a) {
    const phaseName = label(PHASE_LABELS, a.phase);
    changes.push({ alone: `moved ${q(name)} to the ${phaseName} phase`, part: `phase ${phaseName}` });
  }
  if ("targetDate" in a) {
    changes.push(
      a.targetDate
        ? { alone: `set the target date of ${q(name)} to ${formatDay(a.targetDate)}`, part: `target ${formatDay(a.targetDate)}` }
        : { alone: `cleared the target date of ${q(name)}`, part: "no target date" },
    );
  }
  for (const side of WORKING_SIDES) {
    const part = sideOf(a, side);
    // A lead change says who; the other side's name rides along only for the cache.
    const changedLead = a.sides ? part.leadId !== undefined && b.sides?.[side]?.leadId !== undefined : `${side}LeadId` in a;
    if (!changedLead) continue;
    const who = part.leadName ?? "someone else";
    changes.push({ alone: `made ${who} the ${sideNoun(side)} lead of ${q(name)}`, part: `${sideNoun(side)} lead ${who}` });
  }
  if ("outcome" in a) changes.push({ alone: `updated the customer outcome of ${q(name)}`, part: "customer outcome" });
  return { text: sentence(name, changes), detail: "outcome" in a ? str(a.outcome) || undefined : undefined };
}
