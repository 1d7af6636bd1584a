/** What the sequencer needs of an entry. */
export interface Sequenced {
  seq: number;
}

export interface SyncPage<E> {
  entries: E[];
  hasMore: boolean;
}

export interface LogSequencerOptions<E extends Sequenced> {
  /** Entries after `afterSeq`, oldest first (the realtime server's log.sync). */
  sync: (afterSeq: number) => Promise<SyncPage<E>>;
  /** Applies entries, each exactly once and in seq order, in batches. */
  apply: (entries: E[]) => void;
  /** A sync failed; the sequencer keeps its place and syncs again on the next push or resync(). */
  onSyncError?: (err: unknown) => void;
}

/**
 * Keeps one workspace's cache in step with its log. Each entry is applied once and in order:
 * older or repeated seqs are dropped, the next seq is applied, and a jump means something was
 * missed, so it asks for everything after the last applied seq before going on. Until it knows
 * where to start (the log head the page was rendered at), it holds what arrives.
 */
export class LogSequencer<E extends Sequenced> {
  private last: number | null = null;
  private held: E[] = [];
  private syncing: Promise<void> | null = null;
  private again = false;

  constructor(private readonly opts: LogSequencerOptions<E>) {}

  /** The last applied seq, or null before start(). */
  get lastSeq() {
    return this.last;
  }

  get isSyncing() {
    return this.syncing !== null;
  }

  /** Sets the starting point (first call wins) and goes through anything held meanwhile. */
  start(headSeq: number) {
    if (this.last !== null) return;
    this.last = headSeq;
    this.settle();
  }

  /** An entry pushed by the server. */
  push(entry: E) {
    this.held.push(entry);
    if (this.last === null || this.syncing) return;
    this.settle();
  }

  /** Asks for everything after the last applied seq (on every connect, and after a gap). */
  resync(): Promise<void> {
    if (this.last === null) return Promise.resolve();
    if (this.syncing) {
      this.again = true;
      return this.syncing;
    }
    this.syncing = this.run().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  /** Applies what can be applied now; a gap left behind means something was missed. */
  private settle() {
    this.applyHeld();
    if (this.held.length > 0) void this.resync();
  }

  private async run() {
    try {
      let progressed: boolean;
      do {
        this.again = false;
        progressed = false;
        let more = true;
        while (more) {
          const before = this.last!;
          const page = await this.opts.sync(before);
          this.held.push(...page.entries);
          this.applyHeld();
          progressed ||= this.last !== before;
          more = page.hasMore && this.last !== before;
        }
        // Entries pushed while we read can sit past what the read saw; one more read closes that.
      } while (this.again || (progressed && this.held.length > 0));
    } catch (err) {
      this.opts.onSyncError?.(err);
    }
  }

  /** Sorts what is held, drops what is already applied, applies the run that follows `last`, keeps the rest. */
  private applyHeld() {
    if (this.last === null || this.held.length === 0) return;
    const sorted = this.held.sort((a, b) => a.seq - b.seq);
    this.held = [];
    const run: E[] = [];
    for (const e of sorted) {
      const next = (run.at(-1)?.seq ?? this.last) + 1;
      if (e.seq < next) continue;
      if (e.seq === next) run.push(e);
      else this.held.push(e);
    }
    if (run.length === 0) return;
    this.last = run.at(-1)!.seq;
    this.opts.apply(run);
  }
}
