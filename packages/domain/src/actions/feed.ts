import * as v from "valibot";

import { defineAction, defineDomain } from "./define";
import { side } from "./fields";
import { q } from "./words";

export const feedDomain = defineDomain({
  name: "feed",
  // The feed lists themselves follow every entry (see the web app's live cache); these are the feed's own queries.
  queries: ["feed.atomToken"],
  actions: {
    "entry.acknowledged": defineAction({
      entity: "log_entry",
      after: v.object({ seq: v.number(), memberId: v.string(), name: v.string(), side }),
      // "Seen by Elena Ruiz (CEO)": the acknowledger joins that entry's chips wherever it is loaded.
      cache: { mode: "patch" },
      sentence: ({ label }) => ({ text: `acknowledged ${q(label)}` }),
    }),
    "feed_token.created": defineAction({
      entity: "feed_token",
      after: v.object({ memberId: v.string() }),
      sentence: () => ({ text: "created a private Atom feed link" }),
    }),
    "feed_token.revoked": defineAction({
      entity: "feed_token",
      after: v.object({ memberId: v.string() }),
      sentence: () => ({ text: "revoked their private Atom feed link" }),
    }),
  },
});
