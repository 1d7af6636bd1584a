// PostgreSQL backups are pg_dump's custom-format archive, taken in a snapshot that this module
// exports and counts rows in, so the counts in the manifest describe exactly what was dumped.
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";

import pg from "pg";

import { env } from "../env";
import type { OpenedBackup } from "./archive";
import { countDifferences, countRows, type RunSql } from "./tables";

export const POSTGRES_PAYLOAD = "postgres.dump";

const bin = (name: string) => (env.TANDEM_PG_BIN_DIR ? join(env.TANDEM_PG_BIN_DIR, name) : name);

/** The major version of a PostgreSQL client tool, or a message saying how to get one. */
function clientMajor(tool: string): { major: number; version: string } {
  const r = spawnSync(bin(tool), ["--version"], { encoding: "utf8" });
  if (r.error || r.status !== 0) {
    throw new Error(
      `${tool} was not found (${r.error?.message ?? r.stderr.trim()}): install the PostgreSQL client tools, or set TANDEM_PG_BIN_DIR to their directory`,
    );
  }
  const version = /\(PostgreSQL\)\s+(\d+(?:\.\d+)?)/.exec(r.stdout)?.[1];
  if (!version) throw new Error(`cannot read ${tool}'s version from "${r.stdout.trim()}"`);
  return { major: Number.parseInt(version, 10), version };
}

/** libpq reads the same URL; the password goes by environment, not on the command line (ps). */
function libpqTarget(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(tool: string, args: string[], childEnv: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin(tool), args, { env: childEnv, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

const runOn =
  (client: pg.Client): RunSql =>
  (sql) =>
    client.query(sql);

async function serverVersion(client: pg.Client): Promise<{ major: number; version: string }> {
  const { rows } = await client.query<{ num: string; version: string }>(
    "select current_setting('server_version_num') as num, current_setting('server_version') as version",
  );
  return { major: Math.floor(Number(rows[0]!.num) / 10000), version: rows[0]!.version };
}

export async function backupPostgres(url: string, workDir: string) {
  const dump = clientMajor("pg_dump");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const server = await serverVersion(client);
    if (server.major > dump.major) {
      throw new Error(
        `the PostgreSQL server is version ${server.version} but pg_dump is ${dump.version}: pg_dump cannot dump a newer server. Install postgresql-client-${server.major} and point TANDEM_PG_BIN_DIR at its bin directory`,
      );
    }
    // One snapshot for the counts and the dump: pg_dump joins it with --snapshot.
    await client.query("begin isolation level repeatable read read only");
    const snapshot = (await client.query<{ id: string }>("select pg_export_snapshot() as id")).rows[0]!.id;
    const tables = await countRows(runOn(client));
    const payloadPath = join(workDir, POSTGRES_PAYLOAD);
    const target = libpqTarget(url);
    await run(
      "pg_dump",
      ["--format=custom", `--snapshot=${snapshot}`, "--no-owner", "--no-privileges", `--file=${payloadPath}`, `--dbname=${target.dbname}`],
      target.env,
    );
    await client.query("commit");
    return { payloadPath, serverVersion: server.version, tables };
  } finally {
    await client.end();
  }
}

export async function restorePostgres(url: string, backup: OpenedBackup): Promise<Record<string, number>> {
  clientMajor("pg_restore");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `select schemaname || '.' || tablename as name from pg_tables where schemaname not in ('pg_catalog', 'information_schema') order by 1`,
    );
    if (rows.length > 0) {
      const db = new URL(url).pathname.slice(1) || "postgres";
      throw new Error(
        `the database "${db}" is not empty (${rows.length} tables, e.g. ${rows[0]!.name}): restore only into an empty database, e.g. one made with createdb, and point DATABASE_URL at it`,
      );
    }
    const target = libpqTarget(url);
    // One transaction: a restore that fails part-way leaves the database empty, ready to retry.
    await run(
      "pg_restore",
      ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${target.dbname}`, backup.payloadPath],
      target.env,
    );
    const restored = await countRows(runOn(client));
    const diff = countDifferences(backup.manifest.tables, restored);
    if (diff.length > 0) throw new Error(`the restored database differs from the backup: ${diff.join("; ")}`);
    return restored;
  } finally {
    await client.end();
  }
}
