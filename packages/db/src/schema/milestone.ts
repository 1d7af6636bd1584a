import { date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { project } from "./project";
import { workspace } from "./workspace";

/**
 * A dated point on a project's way to its target: "Consent banner live", due Dec 4. The project
 * page lists them; the feed shows each one added or reached; /status shows the next one open.
 */
export const milestone = pgTable(
  "milestone",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspace.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    /** When it was marked reached; null while open. */
    reachedAt: timestamp("reached_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("milestone_project_idx").on(t.projectId, t.dueOn)],
);

export type Milestone = typeof milestone.$inferSelect;
