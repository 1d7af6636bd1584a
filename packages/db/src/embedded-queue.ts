import type { PGlite } from "@electric-sql/pglite";

interface Item {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (err: unknown) => void;
  /** Work run in the backend's place, between two connections' turns (see `whenIdle`). */
  work?: () => Promise<void>;
}

/** The handler id of work queued by `whenIdle`: no socket connection has it. */
const IDLE_WORK = -1;

const READY_FOR_QUERY = 0x5a; // 'Z'
const IDLE = 0x49; // 'I'

/**
 * Hands PGlite's single backend to one connection at a time, from its first message until the
 * backend answers ReadyForQuery with status idle.
 *
 * pglite-socket's own queue only keeps a connection's messages together inside an explicit
 * transaction, so the Parse/Bind/Execute/Sync of two connections' extended-protocol queries could
 * interleave ("portal does not exist", wrong results) as soon as web and realtime queried at once.
 * Holding the backend until it is idle covers both cases: a whole extended-protocol exchange and a
 * whole transaction run without another connection's messages in between.
 *
 * Implements the interface PGLiteSocketHandler expects of its `queryQueue`.
 */
export class ExclusiveQueryQueue {
  private queue: Item[] = [];
  private owner: number | null = null;
  private processing = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  /**
   * Runs `work` when no connection holds the backend (no exchange or transaction open) and keeps
   * every connection waiting until it ends: what a consistent snapshot of the data files needs.
   */
  whenIdle<T>(work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const run = async () => {
        try {
          resolve(await work());
        } catch (err) {
          reject(err);
        }
      };
      this.queue.push({ handlerId: IDLE_WORK, message: new Uint8Array(0), onData: () => {}, resolve: () => {}, reject, work: run });
      void this.process();
    });
  }

  getQueueLength() {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number) {
    this.queue = this.queue.filter((item) => {
      if (item.handlerId !== handlerId) return true;
      item.reject(new Error("Handler disconnected"));
      return false;
    });
  }

  /** A connection that goes away mid-exchange or mid-transaction gives the backend back, clean. */
  async clearTransactionIfNeeded(handlerId: number) {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.owner = null;
    await this.process();
  }

  private async process() {
    if (this.processing) return;
    this.processing = true;
    try {
      for (;;) {
        const index = this.owner === null ? 0 : this.queue.findIndex((i) => i.handlerId === this.owner);
        if (index < 0 || this.queue.length === 0) break;
        const [item] = this.queue.splice(index, 1);
        if (!item) break;
        if (item.work) {
          await item.work();
          continue;
        }
        let bytes = 0;
        let tail: Uint8Array = new Uint8Array(0);
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                tail = lastBytes(tail, data, 6);
                item.onData(data);
              },
            }),
          );
        } catch (err) {
          this.owner = null;
          item.reject(err);
          continue;
        }
        // ReadyForQuery ('Z', length 5, status) ends every response cycle; keep the backend for
        // this connection unless it says idle.
        const ready = tail.length === 6 && tail[0] === READY_FOR_QUERY && tail[4] === 5;
        this.owner = ready && tail[5] === IDLE ? null : item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }
}

function lastBytes(prev: Uint8Array, next: Uint8Array, n: number): Uint8Array {
  if (next.length >= n) return next.slice(next.length - n);
  const joined = new Uint8Array(prev.length + next.length);
  joined.set(prev);
  joined.set(next, prev.length);
  return joined.slice(Math.max(0, joined.length - n));
}
