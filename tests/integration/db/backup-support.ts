// What the backup tests share: running `pnpm tandem …` as an operator would, a source instance
// of either kind with data written through the API, and row counts read independently of the CLI.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";

import { createCaller, createTRPCContext } from "@tandem/api";
import { createDb, runMigrations, type Database, type DbHandle } from "@tandem/db";
import { startEmbeddedDb } from "@tandem/db/embedded";
import { createLogSigner, type SignedCheckpoint } from "@tandem/db/log";
import pg from "pg";

import { createTestAuth } from "../support/auth";
import type { DbKind } from "../support/db";
import { createFixture } from "../support/workspace";

export const ROOT = join(import.meta.dirname, "../../..");

export interface CliResult {
  code: number | null;
  out: string;
}

/**
 * `pnpm tandem <args>` in a child process with exactly the given database settings. Asynchronous
 * on purpose: an embedded server in this process must keep answering while the CLI talks to it.
 */
export function tandem(args: string[], env: Record<string, string | undefined>, { timeout = 120_000 } = {}): Promise<CliResult> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ["DATABASE_URL", "TANDEM_DATA_DIR", "EMBEDDED_DB_PORT", "TANDEM_LOG_SIGNING_KEY"]) delete childEnv[k];
  for (const [k, v] of Object.entries(env)) if (v !== undefined) childEnv[k] = v;
  return new Promise((resolve) => {
    execFile(
      join(ROOT, "node_modules/.bin/tsx"),
      ["packages/db/src/cli/tandem.ts", ...args],
      { cwd: ROOT, env: childEnv, timeout: 120_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : null) : 0;
        resolve({ code, out: `${stdout}${stderr}${err?.killed ? `\n(killed after ${timeout} ms)` : ""}` });
      },
    );
  });
}

/** Every public table's row count, straight from the catalog: what a restore must reproduce. */
export async function tableCounts(pool: pg.Pool): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ t: string }>(`select tablename as t from pg_tables where schemaname = 'public' order by 1`);
  const out: Record<string, number> = {};
  for (const { t } of rows) out[t] = Number((await pool.query<{ n: string }>(`select count(*)::text as n from "${t}"`)).rows[0]!.n);
  return out;
}

export interface Source extends DbHandle {
  url: string;
  /** The CLI's environment for this instance. */
  env: Record<string, string>;
}

/** An embedded server on disk, as `npm start` runs it (its data in `<dataDir>/pglite`). */
export async function startEmbedded(dataDir: string, { migrate = true } = {}): Promise<Source> {
  const embedded = await startEmbeddedDb({ dataDir: join(dataDir, "pglite"), maxConnections: 16 });
  const handle = createDb(embedded.url, { max: 4 });
  if (migrate) await runMigrations(handle.db);
  return {
    ...handle,
    url: embedded.url,
    env: { TANDEM_DATA_DIR: dataDir, EMBEDDED_DB_PORT: String(embedded.port) },
    close: async () => {
      await handle.close();
      await embedded.stop();
    },
  };
}

/** A new database on the test PostgreSQL server; `migrate: false` leaves it empty. */
export async function createPgDatabase({ migrate = true } = {}): Promise<Source & { drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set: run the suite through `npm test`, which starts PostgreSQL.");
  const name = `tandem_bk_${randomBytes(5).toString("hex")}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = createDb(url.toString(), { max: 4 });
  if (migrate) await runMigrations(handle.db);
  return { ...handle, url: url.toString(), env: { DATABASE_URL: url.toString() }, drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/**
 * Two workspaces of projects, tasks and milestones written through the API with a signing key (so
 * the writer cuts checkpoints), a downloaded checkpoint, then more writes after it.
 */
export async function writeHistory(db: Database, keyPem: string, kind: DbKind): Promise<{ checkpoint: SignedCheckpoint; slug: string }> {
  const auth = createTestAuth(db);
  const signer = createLogSigner(keyPem);
  let checkpoint: SignedCheckpoint | undefined;
  let firstSlug = "";
  for (const name of ["one", "two"]) {
    const f = await createFixture(db, auth, `bk-${kind}-${name}`);
    firstSlug ||= f.slug;
    const as = (headers: Headers) => createCaller(() => createTRPCContext({ headers, db, auth, signer }));
    const lead = await as(f.mLead.headers);
    const p = await lead.project.create({
      workspaceSlug: f.slug,
      name: `Backup ${name}`,
      sides: { marketing: { leadId: f.mLead.memberId }, it: { leadId: f.iLead.memberId } },
    });
    for (let i = 0; i < 60; i++) await lead.task.create({ workspaceSlug: f.slug, projectId: p.id, title: `Task ${i}`, side: i % 2 ? "it" : "marketing" });
    await lead.milestone.add({ workspaceSlug: f.slug, projectId: p.id, title: "Beta", dueOn: "2026-12-01" });
    if (name === "one") checkpoint = await (await as(f.admin.headers)).log.checkpoint({ workspaceSlug: f.slug });
    for (let i = 0; i < 50; i++) await lead.task.create({ workspaceSlug: f.slug, projectId: p.id, title: `Later ${i}`, side: "it" });
  }
  return { checkpoint: checkpoint!, slug: firstSlug };
}
