import { KPI_CSV_MAX_BYTES } from "./validators";

/**
 * The largest request body the API reads. The largest input is a KPI import (1 MB of CSV), which
 * JSON escaping can grow by about a third; twice that leaves room and refuses a 10 MB body unread.
 */
export const REQUEST_BODY_MAX_BYTES = 2 * KPI_CSV_MAX_BYTES;

/** Methods that change nothing: a foreign page may link to them, so they are never refused for their origin. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface GuardOptions {
  /** The app's public URL and any other origin allowed to write (AUTH_TRUSTED_ORIGINS). */
  trustedOrigins: string[];
  maxBytes?: number;
}

function refuse(status: 403 | 413, message: string) {
  return Response.json({ code: status === 403 ? "FORBIDDEN" : "PAYLOAD_TOO_LARGE", message }, { status, headers: { "cache-control": "no-store" } });
}

/** The app's own origins: those configured, and the address it was opened at (a phone on the LAN uses the host's IP). */
export function isOwnOrigin(origin: string, req: Request, trusted: string[]) {
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const own = new Set(trusted.map((o) => o.replace(/\/$/, "")));
  if (host) {
    own.add(`http://${host}`);
    own.add(`https://${host}`);
  }
  return own.has(origin);
}

/**
 * Why a write comes from another site, or null: a foreign or opaque (`null`) Origin, or, from a
 * browser that sends no Origin, Sec-Fetch-Site saying cross-site. A request with neither comes
 * from no browser (a script, curl) and so can't ride a visitor's cookies.
 */
function foreignWrite(req: Request, trusted: string[]): string | null {
  if (SAFE_METHODS.has(req.method)) return null;
  const origin = req.headers.get("origin");
  if (origin !== null) return isOwnOrigin(origin, req, trusted) ? null : `a write from ${origin === "null" ? "an opaque origin" : origin}`;
  return req.headers.get("sec-fetch-site") === "cross-site" ? "a cross-site write" : null;
}

/** Reads a body up to `max` bytes; null as soon as it goes past (the rest is never read). */
async function readCapped(req: Request, max: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * Checks a request before any handler parses it: 403 for a write from another site (CSRF, on top
 * of SameSite cookies), 413 for a body over the cap, judged by Content-Length when it is sent and
 * otherwise by counting while reading. Answers either the refusal or the request to hand on.
 */
export async function guardRequest(
  req: Request,
  { trustedOrigins, maxBytes = REQUEST_BODY_MAX_BYTES }: GuardOptions,
): Promise<{ refused: Response } | { request: Request }> {
  const foreign = foreignWrite(req, trustedOrigins);
  if (foreign) return { refused: refuse(403, `Refused ${foreign}: Tandem takes changes only from its own pages.`) };
  if (SAFE_METHODS.has(req.method) || !req.body) return { request: req };

  const tooLarge = refuse(413, `The request is larger than ${maxBytes / 1_000_000} MB.`);
  const declared = Number(req.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return { refused: tooLarge };
  const body = await readCapped(req, maxBytes);
  if (!body) return { refused: tooLarge };
  return { request: new Request(req, { body }) };
}
