import * as v from "valibot";

import { KPI_CADENCES, KPI_DIRECTIONS, KPI_OWNERS, KPI_SOURCES, KPI_UNITS } from "../kpi";
import { defineAction, defineDomain } from "./define";
import { day, id, nullable, text, workingSide } from "./fields";
import { formatDay, q, sideLabel, str } from "./words";

const formula = v.object({ metric: v.string(), side: v.optional(nullable(workingSide)), projectId: v.optional(nullable(v.string())) });

/** A KPI's definition as the log keeps it: enough to tell what was signed. */
export const kpiSnapshotSchema = v.object({
  id,
  name: text,
  description: text,
  unit: v.picklist(KPI_UNITS),
  currency: nullable(v.string()),
  direction: v.picklist(KPI_DIRECTIONS),
  target: v.number(),
  atRisk: v.number(),
  cadence: v.picklist(KPI_CADENCES),
  owner: v.picklist(KPI_OWNERS),
  source: v.picklist(KPI_SOURCES),
  formula: nullable(formula),
  version: v.number(),
  projectIds: v.array(v.string()),
});
const kpiChange = v.object({
  name: v.optional(text),
  description: v.optional(text),
  unit: v.optional(v.picklist(KPI_UNITS)),
  currency: v.optional(nullable(v.string())),
  direction: v.optional(v.picklist(KPI_DIRECTIONS)),
  target: v.optional(v.number()),
  atRisk: v.optional(v.number()),
  cadence: v.optional(v.picklist(KPI_CADENCES)),
  owner: v.optional(v.picklist(KPI_OWNERS)),
  formula: v.optional(nullable(formula)),
  projectIds: v.optional(v.array(v.string())),
  /** The version the change made (a new one only when the definition changed). */
  version: v.optional(v.number()),
});
const stance = v.object({ version: v.number(), side: workingSide });
const num = (n: unknown) => (typeof n === "number" ? n.toLocaleString("en-GB", { maximumFractionDigits: 2 }) : "?");

/** What reads KPIs computed from the work: a change to tasks, comments, check-ins or milestones makes it stale. */
export const READS_COMPUTED_KPIS = ["kpi.series", "kpi.headline", "dashboard.data"] as const;

// Every entry makes the register, the KPI pages and the dashboards that show KPIs stale.
const cache = { invalidate: ["dashboard.data"] } as const;

export const kpiDomain = defineDomain({
  name: "kpi",
  queries: ["kpi.list", "kpi.get", "kpi.series", "kpi.headline"],
  actions: {
    "kpi.created": defineAction({
      entity: "kpi",
      after: kpiSnapshotSchema,
      cache,
      sentence: ({ label, after: a }) => ({
        text: `proposed the KPI ${q(label)}${a.target !== undefined ? `, target ${num(a.target)}` : ""}`,
        detail: str(a.description),
      }),
    }),
    "kpi.updated": defineAction({
      entity: "kpi",
      after: kpiChange,
      before: kpiChange,
      cache,
      sentence: ({ label, after: a, before: b }) => {
        if (a.target !== undefined && b.target !== undefined)
          return { text: `changed the target of ${q(label)} from ${num(b.target)} to ${num(a.target)}${a.version ? ` (version ${a.version})` : ""}` };
        if (a.version && a.version !== b.version)
          return { text: `changed the definition of ${q(label)} (version ${a.version}): it needs both sides' signatures again` };
        if (a.name && b.name) return { text: `renamed the KPI ${q(b.name)} to ${q(a.name)}` };
        return { text: `updated the KPI ${q(label)}` };
      },
    }),
    "kpi.signed": defineAction({
      entity: "kpi",
      after: v.object({ ...stance.entries, agreed: v.boolean() }),
      feed: [{ kind: "kpi", when: { field: "agreed", in: ["true"] } }],
      cache,
      sentence: ({ label, after: a }) => ({
        text: a.agreed
          ? `signed ${q(label)} for ${sideLabel(a.side)}: both sides have now agreed version ${a.version}`
          : `signed ${q(label)} (version ${a.version}) for ${sideLabel(a.side)}`,
      }),
    }),
    "kpi.objected": defineAction({
      entity: "kpi",
      after: v.object({ ...stance.entries, reason: text }),
      feed: [{ kind: "kpi" }],
      cache,
      sentence: ({ label, after: a }) => ({ text: `objected to ${q(label)} (version ${a.version}) for ${sideLabel(a.side)}`, detail: str(a.reason) }),
    }),
    "kpi.objection_withdrawn": defineAction({
      entity: "kpi",
      after: stance,
      cache,
      sentence: ({ label, after: a }) => ({ text: `withdrew ${sideLabel(a.side)}’s objection to ${q(label)}` }),
    }),
    "kpi.value_recorded": defineAction({
      entity: "kpi",
      after: v.object({
        periodStart: day,
        period: text,
        value: v.number(),
        revision: v.number(),
        /** The value this one corrects; null for a period's first value. */
        previous: nullable(v.number()),
        note: text,
        kpiVersion: v.number(),
      }),
      cache,
      sentence: ({ label, after: a }) => ({
        text:
          a.previous !== null && a.previous !== undefined
            ? `corrected ${q(label)} for ${a.period ?? formatDay(a.periodStart ?? "")} to ${num(a.value)} (was ${num(a.previous)})`
            : `recorded ${num(a.value)} for ${q(label)}, ${a.period ?? formatDay(a.periodStart ?? "")}`,
        detail: str(a.note) || undefined,
      }),
    }),
    "kpi.values_imported": defineAction({
      entity: "kpi",
      after: v.object({ rows: v.number(), written: v.number(), from: nullable(day), to: nullable(day), fileName: text }),
      cache,
      sentence: ({ label, after: a }) => ({
        text: `imported ${a.written ?? 0} value${a.written === 1 ? "" : "s"} into ${q(label)} from ${q(a.fileName)}${a.rows !== a.written ? ` (${(a.rows ?? 0) - (a.written ?? 0)} unchanged)` : ""}`,
      }),
    }),
    "kpi.off_target": defineAction({
      entity: "kpi",
      after: v.object({ periodStart: day, period: text, value: v.number(), target: v.number(), atRisk: v.number() }),
      feed: [{ kind: "kpi" }],
      cache,
      sentence: ({ label, after: a }) => ({
        text: `put ${q(label)} off target: ${num(a.value)} for ${a.period ?? "the period"}, against a target of ${num(a.target)}`,
      }),
    }),
    "kpi.commented": defineAction({
      entity: "kpi",
      after: v.object({ commentId: id, body: text, acknowledged: v.boolean() }),
      cache,
      sentence: ({ label, after: a }) => ({ text: a.acknowledged ? `acknowledged ${q(label)}` : `commented on ${q(label)}`, detail: str(a.body) || undefined }),
    }),
    "kpi.retired": defineAction({
      entity: "kpi",
      after: v.object({ reason: text }),
      cache,
      sentence: ({ label, after: a }) => ({ text: `retired the KPI ${q(label)}; its history stays`, detail: str(a.reason) || undefined }),
    }),
  },
});
