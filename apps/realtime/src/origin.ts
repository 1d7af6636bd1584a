/**
 * Browsers send Origin; non-browser clients (tests, scripts) send none and still need a session
 * cookie, so a missing Origin is not a reason to refuse. A page served from the same host on
 * another port (web on :3000, realtime on :3001, or a phone on the LAN address) is allowed.
 */
export function isOriginAllowed(origin: string | undefined, host: string | undefined, allowedOrigins: readonly string[]): boolean {
  if (origin === undefined) return true;
  const parsed = parseUrl(origin);
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) return false;
  if (allowedOrigins.includes(parsed.origin)) return true;
  if (!host) return false;
  return parseUrl(`http://${host}`)?.hostname === parsed.hostname;
}

/** Canonical form (`scheme://host[:port]`) so "http://x:3000/" and "http://x:3000" compare equal. */
export function normalizeOrigins(origins: readonly string[]): string[] {
  return origins.map((o) => {
    const parsed = parseUrl(o);
    if (!parsed) throw new Error(`allowed origin is not a URL: ${o}`);
    return parsed.origin;
  });
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
