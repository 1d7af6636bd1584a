import * as v from "valibot";

import { ROLE_LABELS } from "../constants";
import { defineAction, defineDomain } from "./define";
import { role, side } from "./fields";
import { label, sideNoun } from "./words";

export const invitationDomain = defineDomain({
  name: "invitation",
  queries: ["invitation.list"],
  actions: {
    "invitation.created": defineAction({
      entity: "invitation",
      after: v.object({ side, role, expiresAt: v.string() }),
      sentence: ({ after: a }) => ({ text: `created an invite link for the ${sideNoun(a.side)} side (${label(ROLE_LABELS, a.role)})` }),
    }),
    "invitation.revoked": defineAction({
      entity: "invitation",
      after: v.null(),
      sentence: () => ({ text: "revoked an invite link" }),
    }),
  },
});
