import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { sideEnum } from "./member";
import { workspace } from "./workspace";

/** What changed, in words a later reader can follow without the row it names. */
export interface LogSummary {
  /** The entity's display name at the time, e.g. the task title. */
  label: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** User ids this change is addressed to (assignee, mentions): their inbox count changes. */
  notify?: string[];
}

/**
 * The transparency log: one row per change, per workspace a gapless `seq`, each row's `hash`
 * covering its canonical fields and the previous row's hash. INSERT only — a trigger in the
 * migrations refuses UPDATE, DELETE and TRUNCATE.
 */
export const logEntry = pgTable(
  "log_entry",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspace.id),
    seq: bigint("seq", { mode: "number" }).notNull(),
    actorId: text("actor_id"),
    actorName: text("actor_name").notNull(),
    actorSide: sideEnum("actor_side"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    projectId: uuid("project_id"),
    summary: jsonb("summary").$type<LogSummary>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [primaryKey({ name: "log_entry_pk", columns: [t.workspaceId, t.seq] }), index("log_entry_project_idx").on(t.workspaceId, t.projectId, t.seq)],
);

/** The head of each workspace's chain; its row lock serialises appends to one workspace. */
export const logHead = pgTable("log_head", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspace.id),
  seq: bigint("seq", { mode: "number" }).notNull(),
  hash: text("hash").notNull(),
});

/** Signed (seq, hash) heads, kept apart from the log so a rewritten chain can't match them. */
export const logCheckpoint = pgTable(
  "log_checkpoint",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspace.id),
    seq: bigint("seq", { mode: "number" }).notNull(),
    hash: text("hash").notNull(),
    keyId: text("key_id").notNull(),
    signature: text("signature").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("log_checkpoint_ws_idx").on(t.workspaceId, t.seq)],
);

export type LogEntry = typeof logEntry.$inferSelect;
export type LogCheckpoint = typeof logCheckpoint.$inferSelect;
