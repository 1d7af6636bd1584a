import type { Auth } from "@tandem/auth";
import { workspace } from "@tandem/db/schema";
import { isOverdue, todayIn } from "@tandem/domain/rules";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callerFor } from "../support/api";
import { createTestAuth } from "../support/auth";
import { startTestDb, type TestDb } from "../support/db";
import { createFixture, type Fixture } from "../support/workspace";

// Kiritimati (UTC+14) and Etc/GMT+12 (UTC-12) are 26 hours apart: whatever the clock says, the
// day in the east is later than the day in the west, so the test holds at any hour it runs.
const EAST = "Pacific/Kiritimati";
const WEST = "Etc/GMT+12";

describe("'today' is the workspace's day, on the server as in the browser", () => {
  let t: TestDb;
  let auth: Auth;
  let f: Fixture;
  const api = (p: { headers: Headers }) => callerFor(t.db, auth, p as never);

  beforeAll(async () => {
    t = await startTestDb("pglite");
    auth = createTestAuth(t.db);
    f = await createFixture(t.db, auth, "today");
  });
  afterAll(async () => t?.close());

  it("counts a task due on the western day as overdue exactly when the workspace's zone says so", async () => {
    const lead = await api(f.mLead);
    const p = await lead.project.create({
      workspaceSlug: f.slug,
      name: "Midnight",
      sides: { marketing: { leadId: f.mLead.memberId }, it: { leadId: f.iLead.memberId } },
    });
    const due = todayIn(WEST);
    const task = await lead.task.create({ workspaceSlug: f.slug, projectId: p.id, title: "Due in the west today", side: "marketing", dueDate: due });

    for (const [zone, overdue] of [
      [EAST, true],
      [WEST, false],
    ] as const) {
      await t.db.update(workspace).set({ timeZone: zone }).where(eq(workspace.slug, f.slug));
      const server = await lead.task.list({ workspaceSlug: f.slug, filter: { projectId: p.id, overdue: true } });
      expect(server.map((r) => r.id)).toEqual(overdue ? [task.id] : []);
      // The browser's rule, given the same zone, agrees row for row.
      const rows = await lead.task.list({ workspaceSlug: f.slug, filter: { projectId: p.id } });
      expect(rows.filter((r) => isOverdue(r, todayIn(zone))).map((r) => r.id)).toEqual(server.map((r) => r.id));
      const project = await lead.project.get({ workspaceSlug: f.slug, projectId: p.id });
      expect(project.overdueTasks).toBe(overdue ? 1 : 0);
    }
  });
});
