import "server-only";

import { createRealtimeNotifier, type RealtimeNotifier } from "@tandem/api";

import { env } from "~/env";

/** The realtime server's own fallback when no secret is configured (apps/realtime/src/env.ts). */
const DEV_INTERNAL_SECRET = "tandem-dev-internal-secret-change-me";

const cache = globalThis as unknown as { tandemRealtime?: RealtimeNotifier };

/**
 * Pokes realtime after every logged write so entries reach browsers at once. Always wired: with
 * no secret configured both ends use the same development default, so a local setup still pokes.
 */
export function getRealtimeNotifier(): RealtimeNotifier {
  if (!cache.tandemRealtime) {
    const { REALTIME_URL, REALTIME_INTERNAL_SECRET } = env();
    cache.tandemRealtime = createRealtimeNotifier({ url: REALTIME_URL, secret: REALTIME_INTERNAL_SECRET ?? DEV_INTERNAL_SECRET });
  }
  return cache.tandemRealtime;
}
