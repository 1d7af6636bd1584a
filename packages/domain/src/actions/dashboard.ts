import * as v from "valibot";

import { WIDGET_KIND_LABELS, WIDGET_KINDS } from "../dashboard";
import { defineAction, defineDomain } from "./define";
import { id, text } from "./fields";
import { label as labelOf, q } from "./words";

const widget = v.object({
  widgetId: id,
  kind: v.picklist(WIDGET_KINDS),
  config: v.record(v.string(), v.unknown()),
  width: v.number(),
  height: v.number(),
  position: v.number(),
});
const widgetChange = v.object({
  widgetId: id,
  kind: v.picklist(WIDGET_KINDS),
  config: v.optional(v.record(v.string(), v.unknown())),
  width: v.optional(v.number()),
  height: v.optional(v.number()),
  position: v.optional(v.number()),
});
const kindName = (k: unknown) => labelOf(WIDGET_KIND_LABELS, k).toLowerCase();

export const dashboardDomain = defineDomain({
  name: "dashboard",
  queries: ["dashboard.list", "dashboard.get", "dashboard.data"],
  actions: {
    "dashboard.created": defineAction({
      entity: "dashboard",
      after: v.object({ id, name: text, description: text, shared: v.boolean() }),
      sentence: ({ label }) => ({ text: `created the dashboard ${q(label)}` }),
    }),
    "dashboard.updated": defineAction({
      entity: "dashboard",
      after: v.object({ name: v.optional(text), description: v.optional(text) }),
      before: v.object({ name: v.optional(text), description: v.optional(text) }),
      sentence: ({ label, after: a, before: b }) => ({
        text: a.name && b.name ? `renamed the dashboard ${q(b.name)} to ${q(a.name)}` : `updated the dashboard ${q(label)}`,
      }),
    }),
    "dashboard.removed": defineAction({
      entity: "dashboard",
      after: v.null(),
      sentence: ({ label }) => ({ text: `removed the dashboard ${q(label)}` }),
    }),
    "dashboard.widget_added": defineAction({
      entity: "dashboard",
      after: widget,
      sentence: ({ label, after: a }) => ({ text: `added a ${kindName(a.kind)} to the dashboard ${q(label)}` }),
    }),
    "dashboard.widget_changed": defineAction({
      entity: "dashboard",
      after: widgetChange,
      before: widgetChange,
      sentence: ({ label, after: a }) => ({
        text:
          a.position !== undefined && a.config === undefined && a.width === undefined
            ? `moved a ${kindName(a.kind)} on the dashboard ${q(label)}`
            : a.config === undefined
              ? `resized a ${kindName(a.kind)} on the dashboard ${q(label)}`
              : `changed a ${kindName(a.kind)} on the dashboard ${q(label)}`,
      }),
    }),
    "dashboard.widget_removed": defineAction({
      entity: "dashboard",
      after: v.object({ widgetId: id, kind: v.picklist(WIDGET_KINDS) }),
      sentence: ({ label, after: a }) => ({ text: `removed a ${kindName(a.kind)} from the dashboard ${q(label)}` }),
    }),
  },
});
