import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Rate-limit counters shared by every web node (rate-limiter-flexible's Drizzle store): one row
 * per limit and key ("mutation:user:…"), its points used in the current window and when it ends.
 * Rows are reused by key, so the table holds one per person or address and limit, never more.
 */
export const rateLimit = pgTable("rate_limit", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { withTimezone: true }),
});
