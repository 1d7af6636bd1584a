import { MENTION_PATTERN } from "@tandem/domain/mentions";

export { MENTION_PATTERN };

export function mentionToken(name: string, memberId: string) {
  // Brackets would end the token early; names rarely have them, but never break one.
  return `@[${name.replace(/[[\]\n]/g, "").slice(0, 80)}](member:${memberId})`;
}

export type CommentSegment = { kind: "text"; text: string } | { kind: "mention"; name: string; memberId: string };

/** Splits a comment body into text and mentions, for rendering mentions as chips. */
export function splitMentions(body: string): CommentSegment[] {
  const out: CommentSegment[] = [];
  let last = 0;
  for (const m of body.matchAll(MENTION_PATTERN)) {
    if (m.index > last) out.push({ kind: "text", text: body.slice(last, m.index) });
    out.push({ kind: "mention", name: m[1]!, memberId: m[2]!.toLowerCase() });
    last = m.index + m[0].length;
  }
  if (last < body.length) out.push({ kind: "text", text: body.slice(last) });
  return out;
}

/**
 * The "@query" being typed just before the caret, if any: an @ at the start or after a space,
 * followed by up to 30 characters without a newline or another @.
 */
export function activeMentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([^@\n]{0,30})$/.exec(before);
  if (!match) return null;
  const query = match[2]!;
  // Two spaces in a row end a mention attempt: the writer has moved on.
  if (/\s\s/.test(query)) return null;
  return { start: caret - query.length - 1, query };
}

/**
 * The text as typed, with every "@Name" picked from the mention list turned into the token the
 * server understands. A name edited afterwards no longer matches and stays plain text.
 */
export function withMentionTokens(text: string, picked: Map<string, string>) {
  let out = text;
  // Longest names first, so "@Dana Fox" wins over a "@Dana" picked too.
  for (const [name, memberId] of [...picked].sort((a, b) => b[0].length - a[0].length)) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    out = out.replace(new RegExp(`(^|[^\\w\\]])@${escaped}(?![\\w])`, "g"), (_, pre: string) => `${pre}${mentionToken(name, memberId)}`);
  }
  return out;
}
