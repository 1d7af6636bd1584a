import { errorFields, logger, REQUEST_ID_HEADER } from "./logger";

export interface RealtimeNotifier {
  /** Asks realtime nodes to re-check who may hear a workspace. Best effort: never throws. */
  membershipChanged(workspaceId: string, requestId?: string): Promise<void>;
  /** Tells realtime nodes a workspace's log has entries up to `seq`. Best effort: never throws. */
  logAppended(workspaceId: string, seq?: number, requestId?: string): Promise<void>;
}

/** Pokes the realtime server's internal endpoint after a commit, with the request id of the write that caused it. */
export function createRealtimeNotifier({ url, secret }: { url: string; secret: string }): RealtimeNotifier {
  async function poke(workspaceId: string, reason: "membership" | "log", seq?: number, requestId?: string) {
    try {
      const res = await fetch(new URL("/internal/poke", url), {
        method: "POST",
        headers: { "content-type": "application/json", "x-tandem-internal": secret, ...(requestId ? { [REQUEST_ID_HEADER]: requestId } : {}) },
        body: JSON.stringify({ workspaceId, reason, seq }),
        signal: AbortSignal.timeout(2_000),
      });
      if (!res.ok) logger.warn({ requestId, workspaceId, reason, status: res.status }, "realtime poke refused");
    } catch (err) {
      // Realtime nodes also read the log on their own; a missed poke only delays delivery.
      logger.warn({ requestId, workspaceId, reason, ...errorFields(err) }, "realtime poke failed");
    }
  }
  return {
    membershipChanged: (workspaceId, requestId) => poke(workspaceId, "membership", undefined, requestId),
    logAppended: (workspaceId, seq, requestId) => poke(workspaceId, "log", seq, requestId),
  };
}

/**
 * Starts a poke without waiting for it: what was saved is committed, and the answer to the save
 * must not wait on a slow or stopped realtime server (nodes read the log on their own anyway).
 */
export function wake(poke: Promise<void> | undefined) {
  void poke?.catch((err: unknown) => logger.warn(errorFields(err), "realtime poke failed"));
}
