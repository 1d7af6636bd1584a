import { todayIn } from "@tandem/domain/rules";
import type { LogEntryPayload, LogSyncResult } from "@tandem/realtime-contract";
import type { QueryClient, QueryKey } from "@tanstack/react-query";

import { applyLogEntry } from "./apply-log-entry";
import { LogSequencer } from "./log-sequencer";
import type { TandemSocket } from "./realtime-provider";

const SYNC_TIMEOUT_MS = 10_000;
const RETRY_MS = 3_000;
/** Invalidations of a burst of entries are gathered and run once. */
const INVALIDATE_AFTER_MS = 150;

interface Workspace {
  slug: string;
  userId: string;
  /** The workspace's IANA zone: "today" for overdue filters is its day, as on the server. */
  timeZone: string;
  sequencer: LogSequencer<LogEntryPayload>;
}

/**
 * The tab's live view of its workspaces' logs. For each workspace a page has shown, it keeps the
 * last applied seq and applies every later entry to the query cache exactly once, in order:
 * pushed entries as they come, and after a gap or a (re)connect whatever log.sync returns.
 */
export class LiveCache {
  private workspaces = new Map<string, Workspace>();
  private socket: TandemSocket | null = null;
  private pending = new Map<string, QueryKey>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly queryClient: QueryClient) {}

  /** Starts following a workspace from the log head its page was rendered at. Later calls only refresh who "me" is. */
  follow({ workspaceId, slug, userId, timeZone = "UTC", headSeq }: { workspaceId: string; slug: string; userId: string; timeZone?: string; headSeq: number }) {
    const known = this.workspaces.get(workspaceId);
    if (known) {
      known.slug = slug;
      known.userId = userId;
      known.timeZone = timeZone;
      return;
    }
    const ws: Workspace = {
      slug,
      userId,
      timeZone,
      sequencer: new LogSequencer<LogEntryPayload>({
        sync: (afterSeq) => this.sync(workspaceId, afterSeq),
        apply: (entries) => this.apply(workspaceId, entries),
        onSyncError: () => this.retryLater(workspaceId),
      }),
    };
    this.workspaces.set(workspaceId, ws);
    ws.sequencer.start(headSeq);
    if (this.socket?.connected) void ws.sequencer.resync();
  }

  lastSeq(workspaceId: string) {
    return this.workspaces.get(workspaceId)?.sequencer.lastSeq ?? null;
  }

  /**
   * Wires a socket: pushed entries, and a catch-up on every connect. Returns the unwiring.
   * `readEntry` validates a pushed payload (null when it is not an entry); it comes with the
   * socket's code, so the schema library stays out of the page's first load.
   */
  attach(socket: TandemSocket, readEntry: (payload: unknown) => LogEntryPayload | null) {
    this.socket = socket;
    const onEntry = (payload: unknown) => {
      const entry = readEntry(payload);
      if (!entry) return;
      // Entries of workspaces no page has shown yet are read from the log when one does.
      this.workspaces.get(entry.workspaceId)?.sequencer.push(entry);
    };
    // A burst or a catch-up arrives as one packet, oldest first: the same as that many log.entry.
    const onEntries = (payload: unknown) => {
      if (!Array.isArray(payload)) return;
      for (const entry of payload) onEntry(entry);
    };
    const onConnect = () => {
      for (const ws of this.workspaces.values()) void ws.sequencer.resync();
    };
    socket.on("log.entry", onEntry);
    socket.on("log.entries", onEntries);
    socket.on("connect", onConnect);
    if (socket.connected) onConnect();
    return () => {
      socket.off("log.entry", onEntry);
      socket.off("log.entries", onEntries);
      socket.off("connect", onConnect);
      if (this.socket === socket) this.socket = null;
      for (const t of this.retryTimers.values()) clearTimeout(t);
      this.retryTimers.clear();
    };
  }

  private async sync(workspaceId: string, afterSeq: number): Promise<LogSyncResult> {
    const socket = this.socket;
    // Offline: the next connect syncs anyway, and socket.io would only queue the request.
    if (!socket?.connected) throw new Error("not connected");
    const res = await socket.timeout(SYNC_TIMEOUT_MS).emitWithAck("log.sync", { workspaceId, afterSeq });
    if (!res.ok) throw new Error(res.error);
    return res.data;
  }

  private retryLater(workspaceId: string) {
    if (this.retryTimers.has(workspaceId)) return;
    this.retryTimers.set(
      workspaceId,
      setTimeout(() => {
        this.retryTimers.delete(workspaceId);
        if (this.socket?.connected) void this.workspaces.get(workspaceId)?.sequencer.resync();
      }, RETRY_MS),
    );
  }

  private apply(workspaceId: string, entries: LogEntryPayload[]) {
    const ws = this.workspaces.get(workspaceId);
    if (!ws) return;
    const ctx = { workspaceSlug: ws.slug, userId: ws.userId, today: todayIn(ws.timeZone) };
    for (const entry of entries) {
      for (const key of applyLogEntry(this.queryClient, ctx, entry)) this.pending.set(JSON.stringify(key), key);
    }
    if (this.pending.size > 0 && !this.flushTimer) {
      this.flushTimer = setTimeout(() => this.flush(), INVALIDATE_AFTER_MS);
    }
  }

  private flush() {
    this.flushTimer = null;
    const keys = [...this.pending.values()];
    this.pending.clear();
    for (const queryKey of keys) void this.queryClient.invalidateQueries({ queryKey, refetchType: "active" });
  }
}
