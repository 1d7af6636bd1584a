import { randomUUID } from "node:crypto";

import pino, { type Logger } from "pino";

/**
 * One JSON line per event on stdout, for every server process: `service` says which (web,
 * realtime), `requestId` ties a request's lines together from the web through the API to the
 * realtime poke it causes. LOG_LEVEL picks how much (info by default; "silent" in load rigs).
 */
export function createLogger(service: string): Logger {
  return pino({
    level: process.env.LOG_LEVEL ?? "info",
    base: { service, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    // "level":"warn" rather than pino's number: what log tools and people both read.
    formatters: { level: (label) => ({ level: label }) },
    // Never a session cookie or a secret in a log line, whatever is passed in by mistake.
    redact: { paths: ["cookie", "headers.cookie", "authorization", "headers.authorization", "token", "secret"], censor: "[redacted]" },
  });
}

/** The web app's logger; the API runs inside it. */
export const logger: Logger = createLogger("web");

export type { Logger };

/** The header a request id travels in, between Tandem's own processes and from a proxy in front. */
export const REQUEST_ID_HEADER = "x-request-id";

/** The request's id: the one a proxy (or the calling Tandem process) sent, when it is sane, else a new one. */
export function requestIdOf(headers: Headers): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
}

/**
 * An expected failure (a poke to a node that is down) as log fields: its message, and its code when
 * it has one, without the stack. Unexpected errors go in as `err`, for pino to write whole.
 */
export function errorFields(err: unknown) {
  if (err instanceof Error) return { error: { message: err.message, ...("code" in err ? { code: String(err.code) } : {}) } };
  return { error: { message: String(err) } };
}
