import { readLogEntry, type LogEntryPayload } from "@tandem/realtime-contract";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";

import type { TaskRow } from "./apply-log-entry";
import { LiveCache } from "./live-cache";
import { procedureQueryKey } from "./query-keys";
import type { TandemSocket } from "./realtime-provider";

const WS = "11111111-1111-4111-8111-111111111111";
const P1 = "22222222-2222-4222-8222-222222222222";

function created(seq: number): LogEntryPayload {
  const id = `00000000-0000-4000-8000-${String(seq).padStart(12, "0")}`;
  const at = new Date(Date.UTC(2026, 5, 15, 10, 0, seq)).toISOString();
  return {
    workspaceId: WS,
    seq,
    actorId: "u1",
    actorName: "Priya Nair",
    actorSide: "it",
    action: "task.created",
    entityType: "task",
    entityId: id,
    projectId: P1,
    summary: {
      label: `Task ${seq}`,
      after: {
        id,
        projectId: P1,
        title: `Task ${seq}`,
        description: "",
        side: "it",
        assigneeId: null,
        assigneeName: null,
        status: "todo",
        priority: "none",
        kind: "task",
        dueDate: null,
        position: seq * 1024,
        createdAt: at,
        updatedAt: at,
      },
    },
    createdAt: at,
    prevHash: "0".repeat(64),
    hash: String(seq).padStart(64, "0"),
  };
}

/** Just enough of a socket.io client: events in, log.sync answered from a fake server log. */
function fakeSocket(serverLog: LogEntryPayload[]) {
  const handlers = new Map<string, Set<(...args: unknown[]) => void>>();
  const syncs: number[] = [];
  const socket = {
    connected: true,
    on(event: string, fn: (...args: unknown[]) => void) {
      if (!handlers.has(event)) handlers.set(event, new Set());
      handlers.get(event)!.add(fn);
      return socket;
    },
    off(event: string, fn: (...args: unknown[]) => void) {
      handlers.get(event)?.delete(fn);
      return socket;
    },
    timeout() {
      return {
        emitWithAck: async (_event: string, req: { afterSeq: number }) => {
          syncs.push(req.afterSeq);
          const entries = serverLog.filter((e) => e.seq > req.afterSeq);
          return { ok: true, data: { entries, headSeq: serverLog.at(-1)?.seq ?? 0, hasMore: false } };
        },
      };
    },
  };
  const emit = (event: string, payload: unknown) => {
    for (const fn of handlers.get(event) ?? []) fn(payload);
  };
  return { socket: socket as unknown as TandemSocket, emit, syncs };
}

const listKey = procedureQueryKey("task.list", { workspaceSlug: "acme", filter: { projectId: P1 } });
const titles = (qc: QueryClient) => qc.getQueryData<TaskRow[]>(listKey)!.map((t) => t.title);
const settle = () => new Promise((r) => setTimeout(r, 0));

describe("LiveCache", () => {
  it("applies a log.entries packet like that many log.entry events, and fills a gap from log.sync", async () => {
    const qc = new QueryClient();
    qc.setQueryData<TaskRow[]>(listKey, []);
    const { socket, emit, syncs } = fakeSocket([1, 2, 3, 4].map(created));
    const state = socket as unknown as { connected: boolean };
    // Not connected yet, so following doesn't sync on its own: only what is pushed is applied.
    state.connected = false;
    const live = new LiveCache(qc);
    live.attach(socket, readLogEntry);
    live.follow({ workspaceId: WS, slug: "acme", userId: "me", headSeq: 0 });

    emit("log.entries", [created(1), created(2)]);
    expect(titles(qc)).toEqual(["Task 1", "Task 2"]);

    state.connected = true;
    emit("log.entry", created(4));
    await settle();
    expect(syncs).toEqual([2]);
    expect(titles(qc)).toEqual(["Task 1", "Task 2", "Task 3", "Task 4"]);
    expect(live.lastSeq(WS)).toBe(4);
  });

  it("catches up on every connect from the last applied seq, and ignores other workspaces", async () => {
    const serverLog = [1, 2, 3].map(created);
    const qc = new QueryClient();
    qc.setQueryData<TaskRow[]>(listKey, []);
    const { socket, emit, syncs } = fakeSocket(serverLog);
    const live = new LiveCache(qc);
    live.attach(socket, readLogEntry);
    live.follow({ workspaceId: WS, slug: "acme", userId: "me", headSeq: 1 });
    await settle();
    expect(syncs).toEqual([1]);
    expect(titles(qc)).toEqual(["Task 2", "Task 3"]);

    emit("log.entry", { ...created(9), workspaceId: "99999999-9999-4999-8999-999999999999" });
    emit("connect", undefined);
    await settle();
    expect(syncs).toEqual([1, 3]);
    expect(titles(qc)).toEqual(["Task 2", "Task 3"]);
  });
});
