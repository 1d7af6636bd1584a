import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { Auth } from "@tandem/auth";
import { createLogSigner, generateLogSigningKeyPem } from "@tandem/db/log";
import { getLogHead } from "@tandem/db/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callerFor } from "../support/api";
import { createTestAuth } from "../support/auth";
import { startTestDb, type TestDb } from "../support/db";
import { createFixture, type Fixture } from "../support/workspace";

const ROOT = join(import.meta.dirname, "../../..");
const keyPem = generateLogSigningKeyPem();

/** Runs `pnpm tandem verify-log …` as an operator would, against the test database. */
function verifyLog(url: string, args: string[] = []) {
  const r = spawnSync(join(ROOT, "node_modules/.bin/tsx"), ["packages/db/src/cli/tandem.ts", "verify-log", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, TANDEM_LOG_SIGNING_KEY: keyPem },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe("pnpm tandem verify-log", () => {
  let t: TestDb;
  let auth: Auth;
  let a: Fixture;
  let b: Fixture;
  beforeAll(async () => {
    t = await startTestDb("postgres");
    auth = createTestAuth(t.db);
    a = await createFixture(t.db, auth, "cli-a");
    b = await createFixture(t.db, auth, "cli-b");
    for (const f of [a, b]) {
      const api = await callerFor(t.db, auth, f.mLead);
      const p = await api.project.create({
        workspaceSlug: f.slug,
        name: "CLI",
        sides: { marketing: { leadId: f.mLead.memberId }, it: { leadId: f.iLead.memberId } },
      });
      for (let i = 0; i < 5; i++) await api.task.create({ workspaceSlug: f.slug, projectId: p.id, title: `T${i}`, side: "it" });
    }
  });
  afterAll(async () => t?.close());

  it("exits 0 and reports every workspace verified on a clean log", () => {
    const r = verifyLog(t.url);
    expect(r.out).toMatch(/ok {4}cli-a: 6 entries, chain verified through #6/);
    expect(r.out).toMatch(/ok {4}cli-b: 6 entries/);
    expect(r.code).toBe(0);
  });

  it("exits 1 naming the first bad entry after an edit, and checks one workspace alone", async () => {
    const client = await t.pool.connect();
    await client.query("alter table log_entry disable trigger user");
    await client.query(`update log_entry set actor_name = 'Mallory' where workspace_id = $1 and seq = 4`, [a.workspaceId]);
    await client.query("alter table log_entry enable trigger user");
    client.release();
    const all = verifyLog(t.url);
    expect(all.code).toBe(1);
    expect(all.out).toMatch(/FAIL {2}cli-a: first bad entry #4/);
    expect(all.out).toMatch(/ok {4}cli-b/);
    expect(verifyLog(t.url, ["--workspace", "cli-b"]).code).toBe(0);
    expect(verifyLog(t.url, ["--workspace", "nope"]).code).toBe(1);
  });

  it("holds the chain to a downloaded checkpoint file: a truncated tail with a rewritten head is caught", async () => {
    const head = await getLogHead(t.db, b.workspaceId);
    const cp = createLogSigner(keyPem).sign({ workspaceId: b.workspaceId, seq: head.seq, hash: head.hash, createdAt: new Date().toISOString() });
    const file = join(mkdtempSync(join(tmpdir(), "cp-")), "checkpoint.json");
    writeFileSync(file, JSON.stringify(cp));
    expect(verifyLog(t.url, ["-w", "cli-b", "--checkpoint", file]).code).toBe(0);
    const client = await t.pool.connect();
    await client.query("alter table log_entry disable trigger user");
    await client.query(`delete from log_entry where workspace_id = $1 and seq > 4`, [b.workspaceId]);
    await client.query("alter table log_entry enable trigger user");
    await client.query(`update log_head set seq = 4, hash = (select hash from log_entry where workspace_id = $1 and seq = 4) where workspace_id = $1`, [
      b.workspaceId,
    ]);
    client.release();
    expect(verifyLog(t.url, ["-w", "cli-b"]).code).toBe(0);
    const held = verifyLog(t.url, ["-w", "cli-b", "--checkpoint", file]);
    expect(held.code).toBe(1);
    expect(held.out).toMatch(/first bad entry #5/);
  });

  it("exits 2 on bad usage", () => {
    expect(verifyLog(t.url, ["--bogus"]).code).toBe(2);
    expect(verifyLog(t.url, ["--checkpoint", "/nonexistent.json"]).code).toBe(2);
  });
});
