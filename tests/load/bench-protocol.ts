/** Messages between the benchmark driver and its client processes (over the fork IPC channel). */

export type Phase = "tandem" | "baseline";

export type ToClients =
  | { type: "connect"; phase: Phase; url: string; cookies: string[]; count: number; projectId: string | null }
  | { type: "disconnect" }
  | { type: "report" };

/** Per seq, every client's receive time (ms since the epoch, sub-ms precision). */
export interface PhaseReport {
  phase: Phase;
  times: Record<number, number[]>;
  /** seq → entityId, from the first client to receive it, so the driver can match mutations. */
  entityIds: Record<number, string>;
  /** A client received a seq that was not its previous seq + 1 (a gap, a duplicate or a reorder). */
  orderViolations: number;
}

export type FromClients =
  | { type: "connected"; phase: Phase; connected: number; failed: number; ms: number }
  | { type: "disconnected" }
  | { type: "report"; reports: PhaseReport[] }
  | { type: "error"; message: string };

/** Wall-clock time with sub-millisecond precision; the processes share the machine's clock. */
export const now = () => performance.timeOrigin + performance.now();
