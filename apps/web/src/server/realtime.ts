import "server-only";

import { createRealtimeNotifier, type RealtimeNotifier } from "@tandem/api";

import { env } from "~/env";

/** The realtime server's own fallback when no secret is configured (apps/realtime/src/env.ts). */
const DEV_INTERNAL_SECRET = "tandem-dev-internal-secret-change-me";

const cache = globalThis as unknown as { tandemRealtime?: RealtimeNotifier | null };

/**
 * Pokes realtime after every logged write so entries reach browsers at once. With no secret
 * configured both ends use the same development default, so a local setup still pokes. In
 * production the realtime server refuses that default, so the web app doesn't send it either:
 * it says so once, and realtime still picks every entry up from the log (LISTEN and polling).
 */
export function getRealtimeNotifier(): RealtimeNotifier | undefined {
  if (cache.tandemRealtime === undefined) {
    const { REALTIME_URL, REALTIME_INTERNAL_SECRET } = env();
    if (!REALTIME_INTERNAL_SECRET && process.env.NODE_ENV === "production") {
      console.error(
        "[tandem] REALTIME_INTERNAL_SECRET is unset with NODE_ENV=production: realtime is not poked after writes (set the secret shared with the realtime server).",
      );
      cache.tandemRealtime = null;
    } else {
      cache.tandemRealtime = createRealtimeNotifier({ url: REALTIME_URL, secret: REALTIME_INTERNAL_SECRET ?? DEV_INTERNAL_SECRET });
    }
  }
  return cache.tandemRealtime ?? undefined;
}
