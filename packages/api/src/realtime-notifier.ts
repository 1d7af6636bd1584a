export interface RealtimeNotifier {
  /** Asks realtime nodes to re-check who may hear a workspace. Best effort: never throws. */
  membershipChanged(workspaceId: string): Promise<void>;
}

/** Pokes the realtime server's internal endpoint after a commit. */
export function createRealtimeNotifier({ url, secret }: { url: string; secret: string }): RealtimeNotifier {
  return {
    async membershipChanged(workspaceId) {
      try {
        const res = await fetch(new URL("/internal/poke", url), {
          method: "POST",
          headers: { "content-type": "application/json", "x-tandem-internal": secret },
          body: JSON.stringify({ workspaceId }),
          signal: AbortSignal.timeout(2_000),
        });
        if (!res.ok) console.warn(`[api] realtime poke answered ${res.status}`);
      } catch (err) {
        // The realtime server re-checks membership on its own reads; a missed poke only delays it.
        console.warn(`[api] realtime poke failed: ${(err as Error).message}`);
      }
    },
  };
}
