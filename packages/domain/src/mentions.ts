/**
 * Mentions are written by the editor as `@[Display Name](member:<uuid>)`: unambiguous, and still
 * readable as plain text. One definition for the API (notifications, log sentences) and the web
 * app (chips, the editor).
 */
export const MENTION_PATTERN = /@\[([^\]\n]{1,80})\]\(member:([0-9a-f-]{36})\)/gi;

/** The distinct member ids a body mentions. */
export function mentionedMemberIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION_PATTERN)].map((m) => m[2]!.toLowerCase()))];
}

/** The body with mention tokens shown as `@Name`, for excerpts and log summaries. */
export function plainMentions(body: string): string {
  return body.replace(MENTION_PATTERN, (_, name: string) => `@${name}`);
}
