/**
 * Mentions are written by the editor as `@[Display Name](member:<uuid>)`: unambiguous, and
 * still readable as plain text. Returns the distinct member ids mentioned.
 */
const MENTION = /@\[([^\]\n]{1,80})\]\(member:([0-9a-f-]{36})\)/gi;

export function mentionedMemberIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((m) => m[2]!.toLowerCase()))];
}

/** The body with mention tokens shown as `@Name`, for excerpts and log summaries. */
export function plainMentions(body: string): string {
  return body.replace(MENTION, (_, name: string) => `@${name}`);
}
