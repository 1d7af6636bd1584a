import { type Database, schema } from "@tandem/db";
import { RateLimiterDrizzle, RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/**
 * What each limit allows, per key, in one window of `duration` seconds. Generous for a person at
 * work (a board drag is one change, a CSV import one), tight enough to stop a script or a flood.
 */
export const RATE_LIMITS = {
  /** Changes by one person. */
  mutation: { points: 300, duration: 60 },
  /** Changes from one address (a shared office NAT holds several people). */
  mutationByIp: { points: 1200, duration: 60 },
  /** Invite links one person makes. */
  invitation: { points: 30, duration: 60 * 60 },
  /** Reads of one private Atom URL, and Atom reads from one address. */
  atom: { points: 60, duration: 60 },
  atomByIp: { points: 240, duration: 60 },
  /** New accounts from one address. */
  signUp: { points: 10, duration: 60 * 60 },
  /** Live connections one person opens (each tab connects once, and again after each drop). */
  socketConnect: { points: 120, duration: 60 },
  /** Live connections from one address: a whole office reconnecting at once after a restart. */
  socketConnectByIp: { points: 2000, duration: 60 },
} as const satisfies Record<string, { points: number; duration: number }>;

export type LimitName = keyof typeof RATE_LIMITS;
export type LimitOverrides = Partial<Record<LimitName, { points: number; duration?: number }>>;

/**
 * Allowances set by the operator, as "signUp=200,mutation=600" (points per window): for a site
 * where many people share one address, or a test rig. An unknown name or a bad number is an error.
 */
export function parseLimitOverrides(text: string | undefined): LimitOverrides {
  const out: LimitOverrides = {};
  for (const part of (text ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, value] = part.split("=");
    const points = Number(value);
    if (!name || !Object.hasOwn(RATE_LIMITS, name) || !Number.isInteger(points) || points < 1) {
      throw new Error(`RATE_LIMIT_POINTS: “${part}” is not limit=points (limits: ${Object.keys(RATE_LIMITS).join(", ")})`);
    }
    out[name as LimitName] = { points };
  }
  return out;
}

export type LimitOutcome = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimits {
  /** Counts one action against a limit for a key (a user id, an address, a token hash). */
  consume(name: LimitName, key: string): Promise<LimitOutcome>;
}

/**
 * The limits, counted in PostgreSQL (the `rate_limit` table) so every web node shares them; a key
 * that has used its window up is then refused from memory without a round trip. If the database
 * can't count, an in-process limiter with the same allowance stands in: a limit never fails a request.
 */
export function createRateLimits(db: Database, limits: LimitOverrides = {}): RateLimits {
  const limiters = new Map<LimitName, RateLimiterDrizzle>();
  const limiterFor = (name: LimitName) => {
    let limiter = limiters.get(name);
    if (!limiter) {
      const { points, duration } = { ...RATE_LIMITS[name], ...limits[name] };
      limiter = new RateLimiterDrizzle({
        storeClient: db,
        schema: schema.rateLimit,
        keyPrefix: name,
        points,
        duration,
        inMemoryBlockOnConsumed: points,
        inMemoryBlockDuration: duration,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: `${name}-insurance`, points, duration }),
        // Rows are reused by key; nothing to sweep, and no timer left running in tests and tools.
        clearExpiredByTimeout: false,
      });
      limiters.set(name, limiter);
    }
    return limiter;
  };
  return {
    async consume(name, key) {
      try {
        await limiterFor(name).consume(key);
        return { ok: true };
      } catch (res) {
        if (res instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
        throw res;
      }
    },
  };
}

/** "in 42 seconds", "in 3 minutes": for the message a refused person reads. */
export function retryAfterText(seconds: number) {
  if (seconds < 90) return `in ${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `in ${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/**
 * The caller's address as the web server saw it: Next.js sets X-Forwarded-For to the socket's
 * address unless a proxy in front already did. Only behind a proxy that overwrites it is it more
 * than a claim; the per-user and per-token limits hold either way.
 */
export function clientAddress(headers: Headers) {
  return firstForwarded(headers.get("x-forwarded-for")) || headers.get("x-real-ip") || "unknown";
}

/** The first address of an X-Forwarded-For value (the client, as the first proxy saw it), or null. */
export function firstForwarded(value: string | string[] | null | undefined): string | null {
  const header = Array.isArray(value) ? value[0] : value;
  return header?.split(",")[0]?.trim() || null;
}

/** For the tRPC HTTP handler's responseMeta: a rate-limited call says when to come back, as HTTP says it (Retry-After). */
export function retryAfterMeta({ errors }: { errors: { cause?: unknown }[] }) {
  const wait = errors.map((e) => (e.cause as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds).find((s) => typeof s === "number");
  return typeof wait === "number" ? { headers: new Headers({ "retry-after": String(wait) }) } : {};
}
