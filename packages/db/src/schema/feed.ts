import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { member } from "./member";
import { workspace } from "./workspace";

/** Where each member last looked at the feed: the "new since you last looked" divider. */
export const feedSeen = pgTable("feed_seen", {
  memberId: uuid("member_id")
    .primaryKey()
    .references(() => member.id, { onDelete: "cascade" }),
  workspaceId: uuid("workspace_id")
    .notNull()
    .references(() => workspace.id, { onDelete: "cascade" }),
  lastSeenSeq: integer("last_seen_seq").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** "Seen by the CEO": a member acknowledging one log entry of the feed. */
export const acknowledgement = pgTable(
  "acknowledgement",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspace.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    memberId: uuid("member_id")
      .notNull()
      .references(() => member.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.seq, t.memberId] })],
);

/**
 * A member's secret Atom feed URL. Only the token's SHA-256 is stored; revoking keeps the row
 * (so a revoked URL is refused, not unknown) and a member has at most one live token. A member who
 * leaves keeps no access: the token's member becomes null and the URL is refused as gone.
 */
export const feedToken = pgTable(
  "feed_token",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspace.id, { onDelete: "cascade" }),
    /** Null once the member has left: the row stays so their URL answers "gone", not "unknown". */
    memberId: uuid("member_id").references(() => member.id, { onDelete: "set null" }),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [index("feed_token_member_idx").on(t.memberId, t.revokedAt)],
);

export type FeedToken = typeof feedToken.$inferSelect;
