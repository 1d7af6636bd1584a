import * as v from "valibot";

import { ROLE_LABELS } from "../constants";
import { defineAction, defineDomain } from "./define";
import { article, label, sideNoun } from "./words";
import { role, side } from "./fields";

export const memberDomain = defineDomain({
  name: "member",
  queries: ["member.list", "workspace.get"],
  actions: {
    "member.joined": defineAction({
      entity: "member",
      after: v.object({ side, role, userId: v.string(), invitationId: v.optional(v.string()), title: v.optional(v.nullable(v.string())) }),
      feed: [{ kind: "member" }],
      sentence: ({ label: name, actorName, after: a }) =>
        name === actorName
          ? { text: `joined on the ${sideNoun(a.side)} side as ${label(ROLE_LABELS, a.role)}` }
          : { text: `added ${name} on the ${sideNoun(a.side)} side as ${label(ROLE_LABELS, a.role)}` },
    }),
    "member.updated": defineAction({
      entity: "member",
      after: v.object({ side, role, userId: v.string() }),
      before: v.object({ side, role }),
      sentence: ({ label: name, after: a, before: b }) => {
        const parts: string[] = [];
        if (a.side !== b.side) parts.push(`moved ${name} to the ${sideNoun(a.side)} side`);
        if (a.role !== b.role) parts.push(`made ${name} ${article(label(ROLE_LABELS, a.role))}`);
        return { text: parts.length ? parts.join(" and ") : `updated ${name}` };
      },
    }),
    "member.removed": defineAction({
      entity: "member",
      after: v.null(),
      before: v.object({ side, role, userId: v.string() }),
      sentence: ({ label: name, actorName }) => (name === actorName ? { text: "left the workspace" } : { text: `removed ${name} from the workspace` }),
    }),
  },
});
