import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createDb, runMigrations, type DbHandle } from "@tandem/db";
import { startEmbeddedDb } from "@tandem/db/embedded";
import { verifyWorkspaceLog } from "@tandem/db/log";
import { MIGRATIONS_DIR } from "@tandem/db/migrate";
import { appendLogEntry, createWorkspace, getProject, listProjects } from "@tandem/db/queries";
import { HEALTHS, type Health } from "@tandem/domain";
import { describeEntry } from "@tandem/domain/actions";
import { sidesDisagree } from "@tandem/domain/rules";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callerFor } from "../support/api";
import { createTestAuth, signUpUser } from "../support/auth";
import { startTestDb, type TestDb } from "../support/db";
import { createFixture, type Fixture } from "../support/workspace";

const SIDES_MIGRATION = "0009_project_sides";

/** The committed migrations up to (not including) `tag`, as a folder drizzle's migrator reads. */
function migrationsBefore(tag: string) {
  const dir = mkdtempSync(join(tmpdir(), "tandem-migrations-"));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalPath = join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string; idx: number }[] };
  const cut = journal.entries.findIndex((e) => e.tag === tag);
  expect(cut).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, cut);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

describe("the project_sides migration", () => {
  let stop: () => Promise<void>;
  let h: DbHandle;
  let oldDir: string;
  beforeAll(async () => {
    const embedded = await startEmbeddedDb({ maxConnections: 8 });
    h = createDb(embedded.url, { max: 4 });
    stop = async () => {
      await h.close();
      await embedded.stop();
    };
    oldDir = migrationsBefore(SIDES_MIGRATION);
  });
  afterAll(async () => {
    await stop();
    rmSync(oldDir, { recursive: true, force: true });
  });

  it("copies each project's column pairs into one row per side, and old log entries still verify and read", async () => {
    await migrate(h.db, { migrationsFolder: oldDir });
    const auth = createTestAuth(h.db);
    const maya = await signUpUser(auth, { name: "Maya Chen", email: "maya@mig.test" });
    const raj = await signUpUser(auth, { name: "Raj Patel", email: "raj@mig.test" });
    const ws = await h.db.transaction((tx) => createWorkspace(tx, { slug: "mig", name: "Mig", ownerId: maya.userId, ownerSide: "marketing" }));
    const memberOf = async (userId: string, side: string) => {
      const r = await h.db.execute<{ id: string }>(
        sql`insert into member (workspace_id, user_id, side, role) values (${ws.id}, ${userId}, ${side}, 'lead') on conflict do nothing returning id`,
      );
      if (r.rows[0]) return r.rows[0].id;
      const found = await h.db.execute<{ id: string }>(sql`select id from member where workspace_id = ${ws.id} and user_id = ${userId}`);
      return found.rows[0]!.id;
    };
    const m = await memberOf(maya.userId, "marketing");
    const i = await memberOf(raj.userId, "it");
    // Two projects as the old schema held them: one with both healths posted (disagreeing), one with none.
    const healthAt = new Date("2026-06-10T09:00:00Z");
    const inserted = await h.db.execute<{ id: string; name: string }>(sql`
      insert into project (workspace_id, name, marketing_lead_id, it_lead_id, marketing_health, marketing_health_reason, marketing_health_at, it_health, it_health_reason, it_health_at)
      values (${ws.id}, 'Consent banner', ${m}, ${i}, 'on_track', 'Copy approved', ${healthAt}, 'at_risk', 'Vendor late', ${healthAt}),
             (${ws.id}, 'Quiet', ${m}, ${i}, null, null, null, null, null, null)
      returning id, name`);
    const consent = inserted.rows.find((r) => r.name === "Consent banner")!.id;
    const quiet = inserted.rows.find((r) => r.name === "Quiet")!.id;
    // Log entries written before the change carry the column pairs.
    await h.db.transaction(async (tx) => {
      const actor = { id: m, name: "Maya Chen", side: "marketing" as const };
      await appendLogEntry(tx, {
        workspaceId: ws.id,
        actor,
        action: "project.created",
        entityId: consent,
        projectId: consent,
        summary: {
          label: "Consent banner",
          after: { id: consent, name: "Consent banner", marketingLeadId: m, itLeadId: i, marketingLeadName: "Maya Chen", itLeadName: "Raj Patel" },
        },
      });
      await appendLogEntry(tx, {
        workspaceId: ws.id,
        actor,
        action: "project.health_posted",
        entityId: consent,
        projectId: consent,
        summary: {
          label: "Consent banner",
          before: { marketingHealth: null },
          after: { side: "marketing", marketingHealth: "on_track", marketingHealthReason: "Copy approved", disagree: false },
        },
      });
      await appendLogEntry(tx, {
        workspaceId: ws.id,
        actor,
        action: "project.updated",
        entityId: consent,
        projectId: consent,
        summary: { label: "Consent banner", before: { itLeadId: m }, after: { itLeadId: i, itLeadName: "Raj Patel", marketingLeadName: "Maya Chen" } },
      });
    });

    await runMigrations(h.db);

    const columns = await h.db.execute<{ column_name: string }>(sql`select column_name from information_schema.columns where table_name = 'project'`);
    expect(columns.rows.map((c) => c.column_name)).not.toContain("marketing_lead_id");
    const got = await getProject(h.db, { workspaceId: ws.id, projectId: consent, today: "2026-12-07" });
    expect(got!.sides).toEqual({
      marketing: { leadId: m, leadName: "Maya Chen", health: "on_track", healthReason: "Copy approved", healthAt },
      it: { leadId: i, leadName: "Raj Patel", health: "at_risk", healthReason: "Vendor late", healthAt },
    });
    expect(got!.disagree).toBe(true);
    const quietRow = await getProject(h.db, { workspaceId: ws.id, projectId: quiet, today: "2026-12-07" });
    expect(quietRow!.sides.marketing).toMatchObject({ leadId: m, health: null, healthReason: null, healthAt: null });
    expect(quietRow!.sides.it).toMatchObject({ leadId: i, health: null });
    const rows = await h.db.execute<{ n: number }>(sql`select count(*)::int as n from project_side`);
    expect(rows.rows[0]!.n).toBe(4);

    // The log is untouched: it verifies, and its old payloads still read as sentences.
    expect(await verifyWorkspaceLog(h.db, ws.id)).toMatchObject({ ok: true, entries: 3 });
    const entries = await h.db.execute<{ action: string; actor_name: string; summary: { label: string } }>(
      sql`select action, actor_name, summary from log_entry where workspace_id = ${ws.id} order by seq`,
    );
    const lines = entries.rows.map((e) => describeEntry({ actorName: e.actor_name, action: e.action, summary: e.summary }).text);
    expect(lines).toEqual([
      "created the project ‘Consent banner’",
      "rated ‘Consent banner’ On track for marketing",
      "made Raj Patel the IT lead of ‘Consent banner’",
    ]);
  });
});

describe("the leads-disagree rule in SQL and in JS", () => {
  let t: TestDb;
  let f: Fixture;
  beforeAll(async () => {
    t = await startTestDb("pglite");
    f = await createFixture(t.db, createTestAuth(t.db), "disagree");
  });
  afterAll(async () => {
    await t.close();
  });

  it("agree on every pair of healths", async () => {
    const auth = createTestAuth(t.db);
    const mLead = await callerFor(t.db, auth, f.mLead);
    const iLead = await callerFor(t.db, auth, f.iLead);
    const options: (Health | null)[] = [null, ...HEALTHS];
    const want = new Map<string, { marketing: Health | null; it: Health | null }>();
    for (const marketing of options) {
      for (const it of options) {
        const p = await mLead.project.create({
          workspaceSlug: f.slug,
          name: `${marketing}/${it}`,
          sides: { marketing: { leadId: f.mLead.memberId }, it: { leadId: f.iLead.memberId } },
        });
        if (marketing) await mLead.project.postHealth({ workspaceSlug: f.slug, projectId: p.id, health: marketing, reason: "m" });
        if (it) await iLead.project.postHealth({ workspaceSlug: f.slug, projectId: p.id, health: it, reason: "i" });
        want.set(p.id, { marketing, it });
      }
    }
    const rows = await listProjects(t.db, { workspaceId: f.workspaceId, today: "2026-12-07" });
    expect(rows).toHaveLength(16);
    for (const row of rows) {
      const h = want.get(row.project.id)!;
      const js = sidesDisagree({ marketing: { health: h.marketing }, it: { health: h.it } });
      expect(row.sides.marketing.health).toBe(h.marketing);
      expect(row.sides.it.health).toBe(h.it);
      expect(row.disagree, row.project.name).toBe(js);
      expect(sidesDisagree(row.sides)).toBe(js);
    }
    const filtered = await listProjects(t.db, { workspaceId: f.workspaceId, today: "2026-12-07", filter: { health: "disagree" } });
    expect(filtered.map((r) => r.project.id).sort()).toEqual(
      rows
        .filter((r) => sidesDisagree(r.sides))
        .map((r) => r.project.id)
        .sort(),
    );
    expect(filtered).toHaveLength(6);
  });
});
