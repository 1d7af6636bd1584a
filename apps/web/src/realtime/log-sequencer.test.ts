import { describe, expect, it } from "vitest";

import { LogSequencer, type SyncPage } from "./log-sequencer";

type E = { seq: number };
const e = (seq: number): E => ({ seq });
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => e(from + i));

/** A sequencer over a fake server log of `head` entries; records what it applied and what it asked. */
function setup(head: number, { pageSize = 500 } = {}) {
  const server = { head };
  const applied: number[] = [];
  const syncCalls: number[] = [];
  const seq = new LogSequencer<E>({
    sync: async (afterSeq): Promise<SyncPage<E>> => {
      syncCalls.push(afterSeq);
      const to = Math.min(server.head, afterSeq + pageSize);
      return { entries: range(afterSeq + 1, to), hasMore: to < server.head };
    },
    apply: (entries) => applied.push(...entries.map((x) => x.seq)),
  });
  return { seq, applied, syncCalls, server };
}

describe("LogSequencer", () => {
  it("applies the next seq, drops repeats and older entries", () => {
    const { seq, applied, syncCalls } = setup(10);
    seq.start(10);
    seq.push(e(11));
    seq.push(e(11));
    seq.push(e(9));
    seq.push(e(12));
    expect(applied).toEqual([11, 12]);
    expect(syncCalls).toEqual([]);
    expect(seq.lastSeq).toBe(12);
  });

  it("on a gap, syncs from the last applied seq and applies everything in order, once", async () => {
    const { seq, applied, syncCalls, server } = setup(5);
    seq.start(5);
    server.head = 9;
    seq.push(e(9));
    await seq.resync();
    expect(syncCalls[0]).toBe(5);
    expect(applied).toEqual([6, 7, 8, 9]);
    // The pushed 9 was held, then dropped as a repeat: nothing is applied twice.
    seq.push(e(9));
    expect(applied).toEqual([6, 7, 8, 9]);
  });

  it("keeps asking while the server says there is more", async () => {
    const { seq, applied, syncCalls, server } = setup(0, { pageSize: 3 });
    seq.start(0);
    server.head = 8;
    await seq.resync();
    expect(syncCalls).toEqual([0, 3, 6]);
    expect(applied).toEqual(range(1, 8).map((x) => x.seq));
  });

  it("holds entries that arrive before it knows where to start", () => {
    const { seq, applied } = setup(3);
    seq.push(e(3));
    seq.push(e(4));
    expect(applied).toEqual([]);
    seq.start(3);
    // 3 was already in the page the start point came from; 4 is new.
    expect(applied).toEqual([4]);
  });

  it("holds pushes that arrive during a sync and applies them after it, in order", async () => {
    const { seq, applied, server } = setup(2);
    seq.start(2);
    server.head = 6;
    const done = seq.resync();
    seq.push(e(7));
    server.head = 7;
    seq.push(e(6));
    await done;
    expect(applied).toEqual([3, 4, 5, 6, 7]);
  });

  it("keeps its place when a sync fails and catches up on the next one", async () => {
    const applied: number[] = [];
    let fail = true;
    const errors: unknown[] = [];
    const seq = new LogSequencer<E>({
      sync: async (afterSeq) => {
        if (fail) throw new Error("offline");
        return { entries: range(afterSeq + 1, 4), hasMore: false };
      },
      apply: (entries) => applied.push(...entries.map((x) => x.seq)),
      onSyncError: (err) => errors.push(err),
    });
    seq.start(1);
    await seq.resync();
    expect(errors).toHaveLength(1);
    expect(seq.lastSeq).toBe(1);
    fail = false;
    await seq.resync();
    expect(applied).toEqual([2, 3, 4]);
  });

  it("a resync while syncing runs one more round instead of overlapping", async () => {
    const { seq, syncCalls, server, applied } = setup(1);
    seq.start(1);
    server.head = 3;
    const first = seq.resync();
    const second = seq.resync();
    server.head = 5;
    await Promise.all([first, second]);
    expect(applied).toEqual([2, 3, 4, 5]);
    expect(syncCalls.length).toBeLessThanOrEqual(3);
  });
});
