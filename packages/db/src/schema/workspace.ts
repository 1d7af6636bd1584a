import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** The tenant. Every other domain row carries its id. */
export const workspace = pgTable("workspace", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** IANA time zone: "today", "overdue" and "due" are days in this zone, on the server and in every browser. */
  timeZone: text("time_zone").notNull().default("UTC"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Workspace = typeof workspace.$inferSelect;
