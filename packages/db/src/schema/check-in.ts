import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { member, sideEnum } from "./member";
import { healthEnum, project } from "./project";
import { workspace } from "./workspace";

/**
 * A project lead's periodic check-in: their side's health and what moved, the risks, what they ask
 * of the other side and the decisions taken. Posting one also sets that lead's health on the project.
 */
export const checkIn = pgTable(
  "check_in",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspace.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => member.id),
    side: sideEnum("side").notNull(),
    health: healthEnum("health").notNull(),
    /** One line; it is also the side's health reason on the project. */
    headline: text("headline").notNull().default(""),
    moved: text("moved").notNull().default(""),
    risks: text("risks").notNull().default(""),
    asks: text("asks").notNull().default(""),
    decisions: text("decisions").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * When the same side last checked in on the project before this one (null for its first):
     * kept by a trigger as check-ins arrive (migration 0016, check_in_link), for check-in punctuality.
     */
    previousAt: timestamp("previous_at", { withTimezone: true }),
  },
  (t) => [
    index("check_in_project_idx").on(t.projectId, t.side, t.createdAt),
    // Check-in punctuality reads the check-ins posted in its periods.
    index("check_in_workspace_idx").on(t.workspaceId, t.createdAt, t.projectId, t.side, t.previousAt),
  ],
);

export type CheckIn = typeof checkIn.$inferSelect;
