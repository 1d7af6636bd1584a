import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { NOTIFICATION_KINDS } from "../constants";
import { member } from "./member";
import { workspace } from "./workspace";

export const notificationKindEnum = pgEnum("notification_kind", NOTIFICATION_KINDS);

/** The inbox: mentions and assignments addressed to one member. */
export const notification = pgTable(
  "notification",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspace.id, { onDelete: "cascade" }),
    recipientId: uuid("recipient_id")
      .notNull()
      .references(() => member.id, { onDelete: "cascade" }),
    kind: notificationKindEnum("kind").notNull(),
    actorName: text("actor_name").notNull(),
    projectId: uuid("project_id"),
    taskId: uuid("task_id"),
    /** The KPI an off-target entry is about. */
    kpiId: uuid("kpi_id"),
    title: text("title").notNull(),
    excerpt: text("excerpt"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("notification_recipient_idx").on(t.recipientId, t.readAt, t.createdAt)],
);

export type Notification = typeof notification.$inferSelect;
