import { describe, expect, it } from "vitest";

import { logSyncRequestSchema, peerLogAppendedSchema, peerMembershipChangedSchema, pokeSchema, readLogEntry, safeParse, type LogEntryPayload } from "./index";

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
      // UUID-shaped but not an RFC UUID (version 0, variant 0): refused, as zod's z.uuid() did.
      { ...entry, workspaceId: "11111111-1111-0111-0111-111111111111" },
      { ...entry, actorSide: "sales" },
      { ...entry, summary: { after: {} } },
      { ...entry, hash: undefined },
    ]) {
      expect(readLogEntry(bad)).toBeNull();
    }
  });

  it("accepts the nil UUID and any version 1–8, in either case", () => {
    for (const id of ["00000000-0000-0000-0000-000000000000", "0190B2C4-6A1F-7C3D-9E2B-4F5A6B7C8D9E", "6ba7b810-9dad-11d1-80b4-00c04fd430c8"]) {
      expect(readLogEntry({ ...entry, workspaceId: id })?.workspaceId).toBe(id);
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

  it("checks what a peer node sends before acting on it", () => {
    expect(safeParse(peerMembershipChangedSchema, { workspaceId: WS }).success).toBe(true);
    expect(safeParse(peerMembershipChangedSchema, { workspaceId: "acme" }).success).toBe(false);
    expect(safeParse(peerMembershipChangedSchema, { workspaceId: undefined }).success).toBe(false);
    const woken = safeParse(peerLogAppendedSchema, { workspaceId: WS, seq: 4 });
    expect(woken.success && woken.output).toEqual({ workspaceId: WS, seq: 4 });
    expect(safeParse(peerLogAppendedSchema, { workspaceId: WS, seq: undefined }).success).toBe(true);
    for (const bad of [0, -3, 2.5, "4", Number.MAX_SAFE_INTEGER + 2]) {
      expect(safeParse(peerLogAppendedSchema, { workspaceId: WS, seq: bad }).success).toBe(false);
    }
  });
});
