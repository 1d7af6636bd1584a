export interface RealtimeNotifier {
  /** Asks realtime nodes to re-check who may hear a workspace. Best effort: never throws. */
  membershipChanged(workspaceId: string): Promise<void>;
  /** Tells realtime nodes a workspace's log has entries up to `seq`. Best effort: never throws. */
  logAppended(workspaceId: string, seq?: number): Promise<void>;
}

/** Pokes the realtime server's internal endpoint after a commit. */
export function createRealtimeNotifier({ url, secret }: { url: string; secret: string }): RealtimeNotifier {
  async function poke(workspaceId: string, reason: "membership" | "log", seq?: number) {
    try {
      const res = await fetch(new URL("/internal/poke", url), {
        method: "POST",
        headers: { "content-type": "application/json", "x-tandem-internal": secret },
        body: JSON.stringify({ workspaceId, reason, seq }),
        signal: AbortSignal.timeout(2_000),
      });
      if (!res.ok) console.warn(`[api] realtime poke answered ${res.status}`);
    } catch (err) {
      // Realtime nodes also read the log on their own; a missed poke only delays delivery.
      console.warn(`[api] realtime poke failed: ${(err as Error).message}`);
    }
  }
  return {
    membershipChanged: (workspaceId) => poke(workspaceId, "membership"),
    logAppended: (workspaceId, seq) => poke(workspaceId, "log", seq),
  };
}

/**
 * Starts a poke without waiting for it: what was saved is committed, and the answer to the save
 * must not wait on a slow or stopped realtime server (nodes read the log on their own anyway).
 */
export function wake(poke: Promise<void> | undefined) {
  void poke?.catch((err: unknown) => console.warn(`[api] realtime poke failed: ${err instanceof Error ? err.message : String(err)}`));
}
