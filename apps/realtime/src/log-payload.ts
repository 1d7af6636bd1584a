import type { LogEntry } from "@tandem/db/schema";
import type { LogEntryPayload } from "@tandem/realtime-contract";

/** A log row as it goes over the wire: the same fields, the time as an ISO string. */
export function toLogPayload(row: LogEntry): LogEntryPayload {
  return {
    workspaceId: row.workspaceId,
    seq: row.seq,
    actorId: row.actorId,
    actorName: row.actorName,
    actorSide: row.actorSide,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    projectId: row.projectId,
    summary: row.summary,
    createdAt: row.createdAt.toISOString(),
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
