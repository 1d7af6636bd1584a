import { index, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

import { ROLES, SIDES } from "../constants";
import { user } from "./auth";
import { workspace } from "./workspace";

export { ROLES, SIDES, type Role, type Side } from "../constants";

export const sideEnum = pgEnum("side", SIDES);
export const roleEnum = pgEnum("role", ROLES);

export const member = pgTable(
  "member",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspace.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    side: sideEnum("side").notNull(),
    role: roleEnum("role").notNull(),
    title: text("title"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("member_workspace_user_uq").on(t.workspaceId, t.userId), index("member_user_idx").on(t.userId)],
);

export type Member = typeof member.$inferSelect;
