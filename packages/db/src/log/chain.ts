import { createHash } from "node:crypto";

import canonicalize from "canonicalize";

import type { LogSummary } from "../schema/log";

export const GENESIS_HASH = "0".repeat(64);

/** The fields a log entry's hash covers: everything but the hash itself. */
export interface ChainFields {
  workspaceId: string;
  seq: number;
  actorId: string | null;
  actorName: string;
  actorSide: string | null;
  action: string;
  entityType: string;
  entityId: string;
  projectId: string | null;
  summary: LogSummary;
  createdAt: Date;
  prevHash: string;
}

/** RFC 8785 canonical JSON of an entry (version-tagged so the format can evolve). */
export function canonicalEntry(e: ChainFields): string {
  const text = canonicalize({
    v: 1,
    workspaceId: e.workspaceId,
    seq: e.seq,
    actorId: e.actorId,
    actorName: e.actorName,
    actorSide: e.actorSide,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    projectId: e.projectId,
    summary: e.summary,
    createdAt: e.createdAt.toISOString(),
  });
  if (text === undefined) throw new Error("log entry cannot be canonicalised");
  return text;
}

/** SHA-256 over the previous hash and the canonical entry, hex encoded. */
export function entryHash(e: ChainFields): string {
  return createHash("sha256").update(e.prevHash).update("\n").update(canonicalEntry(e)).digest("hex");
}
