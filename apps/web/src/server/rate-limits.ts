import "server-only";

import { createHash } from "node:crypto";

import { createRateLimits, type LimitName, parseLimitOverrides, type RateLimits, retryAfterText } from "@tandem/api";

import { env } from "~/env";

import { getDb } from "./db";

const cache = globalThis as unknown as { tandemRateLimits?: RateLimits | null };

/** The shared rate limits, counted in the database; undefined when RATE_LIMIT=off. */
export function getRateLimits(): RateLimits | undefined {
  if (cache.tandemRateLimits === undefined) {
    const { RATE_LIMIT, RATE_LIMIT_POINTS } = env();
    cache.tandemRateLimits = RATE_LIMIT === "off" ? null : createRateLimits(getDb(), parseLimitOverrides(RATE_LIMIT_POINTS));
  }
  return cache.tandemRateLimits ?? undefined;
}

/** A refusal with Retry-After, in the shape the API's own errors have. */
export function tooManyRequests(message: string, retryAfterSeconds: number) {
  return Response.json(
    { code: "TOO_MANY_REQUESTS", message, retryAfterSeconds },
    { status: 429, headers: { "retry-after": String(retryAfterSeconds), "cache-control": "no-store" } },
  );
}

/**
 * Counts a request against each limit in turn; the first one used up answers 429 with its wait.
 * `what` finishes "Too many …", e.g. "reads of this feed".
 */
export async function refusedByLimits(what: string, checks: [LimitName, string][]): Promise<Response | null> {
  const limits = getRateLimits();
  if (!limits) return null;
  for (const [limit, key] of checks) {
    const outcome = await limits.consume(limit, key);
    if (!outcome.ok) return tooManyRequests(`Too many ${what} for now; try again ${retryAfterText(outcome.retryAfterSeconds)}.`, outcome.retryAfterSeconds);
  }
  return null;
}

/** A secret (a feed token) as a limit key: counted by its hash, so the counter table never holds it. */
export const secretKey = (secret: string) => createHash("sha256").update(secret).digest("base64url");
