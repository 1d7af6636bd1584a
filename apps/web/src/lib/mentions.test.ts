import { describe, expect, it } from "vitest";

import { activeMentionQuery, mentionToken, splitMentions, withMentionTokens } from "./mentions";

describe("mentions", () => {
  const id = "4b1c7f0e-1111-4222-8333-444455556666";
  it("round-trips a token through splitMentions", () => {
    expect(splitMentions(`Hi ${mentionToken("Dana Fox", id)}, see this`)).toEqual([
      { kind: "text", text: "Hi " },
      { kind: "mention", name: "Dana Fox", memberId: id },
      { kind: "text", text: ", see this" },
    ]);
  });

  it("turns picked @Names into tokens, longest first, and leaves other @words alone", () => {
    const dana = "4b1c7f0e-1111-4222-8333-444455556666";
    const danaF = "5b1c7f0e-1111-4222-8333-444455556666";
    const picked = new Map([
      ["Dana", dana],
      ["Dana Fox", danaF],
    ]);
    expect(withMentionTokens("@Dana Fox and @Dana, not @Danafoo or me@Dana", picked)).toBe(
      `${mentionToken("Dana Fox", danaF)} and ${mentionToken("Dana", dana)}, not @Danafoo or me@Dana`,
    );
  });

  it("finds the @query being typed at the caret, and not an email address", () => {
    expect(activeMentionQuery("ask @da", 7)).toEqual({ start: 4, query: "da" });
    expect(activeMentionQuery("@", 1)).toEqual({ start: 0, query: "" });
    expect(activeMentionQuery("mail dana@acme.test", 19)).toBeNull();
  });
});
