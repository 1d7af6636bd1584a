import { describe, expect, it } from "vitest";

import { logSyncRequestSchema, pokeSchema, readLogEntry, safeParse, type LogEntryPayload } from "./index";

const WS = "11111111-1111-4111-8111-111111111111";

const entry: LogEntryPayload = {
  workspaceId: WS,
  seq: 7,
  actorId: "u1",
  actorName: "Dana Fox",
  actorSide: "marketing",
  action: "task.created",
  entityType: "task",
  entityId: "t1",
  projectId: null,
  summary: { label: "Launch page", after: { title: "Launch page" } },
  createdAt: "2026-11-23T03:00:00.000Z",
  prevHash: "a".repeat(64),
  hash: "b".repeat(64),
};

describe("the realtime contract's schemas", () => {
  it("reads a log entry, dropping keys the contract does not name", () => {
    expect(readLogEntry({ ...entry, extra: "ignored" })).toEqual(entry);
  });

  it("refuses payloads that are not entries", () => {
    for (const bad of [
      null,
      "entry",
      { ...entry, seq: 0 },
      { ...entry, seq: 1.5 },
      { ...entry, workspaceId: "acme" },
      { ...entry, actorSide: "sales" },
      { ...entry, summary: { after: {} } },
      { ...entry, hash: undefined },
    ]) {
      expect(readLogEntry(bad)).toBeNull();
    }
  });

  it("checks a client's log.sync request", () => {
    expect(safeParse(logSyncRequestSchema, { workspaceId: WS, afterSeq: 0 }).success).toBe(true);
    expect(safeParse(logSyncRequestSchema, { workspaceId: WS, afterSeq: -1 }).success).toBe(false);
    expect(safeParse(logSyncRequestSchema, { workspaceId: WS, afterSeq: Number.MAX_SAFE_INTEGER + 2 }).success).toBe(false);
    expect(safeParse(logSyncRequestSchema, { workspaceId: WS, afterSeq: "3" }).success).toBe(false);
  });

  it("reads a poke as a membership recheck unless it says otherwise", () => {
    const plain = safeParse(pokeSchema, { workspaceId: WS });
    expect(plain.success && plain.output).toEqual({ workspaceId: WS, reason: "membership" });
    const log = safeParse(pokeSchema, { workspaceId: WS, reason: "log", seq: 12 });
    expect(log.success && log.output).toEqual({ workspaceId: WS, reason: "log", seq: 12 });
    expect(safeParse(pokeSchema, { workspaceId: WS, reason: "other" }).success).toBe(false);
  });
});
