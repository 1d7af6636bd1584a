/**
 * Accepts only same-site paths for post-sign-in redirects ("/acme/members"), so a crafted
 * `?next=https://evil.example` or `//evil.example` can't send a user elsewhere.
 */
export function safeNext(next: string | null | undefined, fallback = "/"): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}

export function withNext(path: string, next: string | null | undefined): string {
  const safe = safeNext(next, "");
  return safe && safe !== "/" ? `${path}?next=${encodeURIComponent(safe)}` : path;
}
