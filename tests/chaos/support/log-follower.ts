/**
 * A client that follows one workspace's log the way a browser tab does: the web app's own
 * LogSequencer, started at the log head the page was rendered at, fed by log.entry/log.entries
 * pushes, and asked to log.sync on every (re)connect and after a gap. When its node goes away it
 * connects again by itself, to the other node first and then taking turns, as a browser would
 * behind a list of addresses.
 */
import type { ClientToServerEvents, LogEntryPayload, PresenceState, ServerToClientEvents } from "@tandem/realtime-contract";
import { readLogEntry } from "@tandem/realtime-contract";
import { io as connect, type Socket } from "socket.io-client";

import { LogSequencer } from "../../../apps/web/src/realtime/log-sequencer";

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** As the web app's live cache: how long a log.sync may take, and when a failed one is tried again. */
const SYNC_TIMEOUT_MS = 10_000;
const SYNC_RETRY_MS = 3_000;
/**
 * A connect attempt that neither succeeds nor fails within this goes on to the next address. A dead
 * node refuses at once; this is for a live node slow to answer, which a short timeout would only
 * flood with repeated handshakes.
 */
const CONNECT_TIMEOUT_MS = 10_000;
const RETRY_BASE_MS = 100;
const RETRY_MAX_MS = 1_000;

export interface Applied {
  seq: number;
  hash: string;
}

export interface FollowerOptions {
  /** Every node's address; index `home` is tried first. */
  urls: string[];
  home: number;
  cookie: string;
  workspaceId: string;
  /** The log head when the page was rendered. */
  headSeq: number;
}

export class LogFollower {
  /** What the sequencer applied, in the order it applied it: what the tab's cache saw. */
  readonly applied: Applied[] = [];
  /** Every entry pushed or synced, before the sequencer dropped repeats (for the report only). */
  received = 0;
  readonly connects: { at: number; url: string }[] = [];
  readonly disconnects: { at: number; url: string; reason: string }[] = [];
  /** Handshakes refused or failed (a node that is down refuses the TCP connection). */
  connectErrors = 0;
  /** A disconnect the client would not come back from by itself ("io server disconnect"). */
  finalDisconnects = 0;
  presence: PresenceState | null = null;

  private socket: Client | null = null;
  private urlIndex: number;
  private attempt = 0;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private syncRetryTimer: NodeJS.Timeout | null = null;
  private readonly sequencer: LogSequencer<LogEntryPayload>;

  constructor(private readonly opts: FollowerOptions) {
    this.urlIndex = opts.home;
    this.sequencer = new LogSequencer<LogEntryPayload>({
      sync: (afterSeq) => this.sync(afterSeq),
      apply: (entries) => {
        for (const e of entries) this.applied.push({ seq: e.seq, hash: e.hash });
      },
      onSyncError: () => this.retrySyncLater(),
    });
    this.sequencer.start(opts.headSeq);
  }

  get connected() {
    return this.socket?.connected ?? false;
  }

  /** The node this client is on now, if connected. */
  get url() {
    return this.connected ? this.opts.urls[this.urlIndex]! : null;
  }

  get lastSeq() {
    return this.sequencer.lastSeq ?? this.opts.headSeq;
  }

  /** Connects to the home node; resolves on the first connect, rejects if that fails. */
  open(): Promise<void> {
    return new Promise((resolve, reject) => this.dial(resolve, reject));
  }

  /** Asks the node it is on who is in the workspace (spans nodes through the Redis adapter). */
  async presenceGet(timeoutMs: number): Promise<PresenceState> {
    const socket = this.socket;
    if (!socket?.connected) throw new Error("not connected");
    const res = await socket.timeout(timeoutMs).emitWithAck("presence.get", { workspaceId: this.opts.workspaceId });
    if (!res.ok) throw new Error(res.error);
    return res.data;
  }

  close() {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.syncRetryTimer) clearTimeout(this.syncRetryTimer);
    this.socket?.disconnect();
    this.socket = null;
  }

  private dial(onFirst?: () => void, onFirstError?: (err: Error) => void) {
    if (this.closed) return;
    const url = this.opts.urls[this.urlIndex]!;
    const socket: Client = connect(url, {
      transports: ["websocket"],
      extraHeaders: { cookie: this.opts.cookie },
      reconnection: false,
      forceNew: true,
      timeout: CONNECT_TIMEOUT_MS,
    });
    this.socket = socket;
    socket.on("log.entry", (payload) => this.push(payload));
    socket.on("log.entries", (payload) => {
      if (Array.isArray(payload)) for (const p of payload) this.push(p);
    });
    socket.on("presence.state", (state) => {
      if (state.workspaceId === this.opts.workspaceId) this.presence = state;
    });
    socket.once("connect", () => {
      this.attempt = 0;
      this.connects.push({ at: Date.now(), url });
      onFirst?.();
      void this.sequencer.resync();
    });
    socket.once("connect_error", (err) => {
      this.connectErrors++;
      socket.removeAllListeners();
      socket.disconnect();
      if (onFirstError) return onFirstError(err);
      this.redial();
    });
    socket.once("disconnect", (reason) => {
      this.disconnects.push({ at: Date.now(), url, reason });
      if (this.closed || reason === "io client disconnect") return;
      if (reason === "io server disconnect") this.finalDisconnects++;
      socket.removeAllListeners();
      this.redial();
    });
  }

  /** The next address, after a short, growing, jittered pause so a node's clients do not all land at once. */
  private redial() {
    if (this.closed) return;
    this.urlIndex = (this.urlIndex + 1) % this.opts.urls.length;
    const base = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** this.attempt);
    this.attempt++;
    const delay = this.attempt === 1 ? Math.random() * RETRY_BASE_MS * 2 : base / 2 + Math.random() * (base / 2);
    this.retryTimer = setTimeout(() => this.dial(), delay);
  }

  private push(payload: unknown) {
    const entry = readLogEntry(payload);
    if (!entry || entry.workspaceId !== this.opts.workspaceId) return;
    this.received++;
    this.sequencer.push(entry);
  }

  private async sync(afterSeq: number) {
    const socket = this.socket;
    if (!socket?.connected) throw new Error("not connected");
    const res = await socket.timeout(SYNC_TIMEOUT_MS).emitWithAck("log.sync", { workspaceId: this.opts.workspaceId, afterSeq });
    if (!res.ok) throw new Error(res.error);
    this.received += res.data.entries.length;
    return res.data;
  }

  private retrySyncLater() {
    if (this.syncRetryTimer || this.closed) return;
    this.syncRetryTimer = setTimeout(() => {
      this.syncRetryTimer = null;
      if (this.connected) void this.sequencer.resync();
    }, SYNC_RETRY_MS);
  }
}
