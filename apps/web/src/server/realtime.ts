import "server-only";

import { createRealtimeNotifier, type RealtimeNotifier } from "@tandem/api";

import { env } from "~/env";

const cache = globalThis as unknown as { tandemRealtime?: RealtimeNotifier | null };

/** Null when no internal secret is configured: the API then skips pokes (realtime re-checks on its own). */
export function getRealtimeNotifier(): RealtimeNotifier | undefined {
  if (cache.tandemRealtime === undefined) {
    const { REALTIME_URL, REALTIME_INTERNAL_SECRET } = env();
    cache.tandemRealtime = REALTIME_INTERNAL_SECRET
      ? createRealtimeNotifier({ url: REALTIME_URL, secret: REALTIME_INTERNAL_SECRET })
      : null;
  }
  return cache.tandemRealtime ?? undefined;
}
