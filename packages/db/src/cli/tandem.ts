// `pnpm tandem <command>`: operator tools. Connects to DATABASE_URL, else to the embedded
// database (served by a running `npm start`, or opened directly from TANDEM_DATA_DIR).
import { existsSync } from "node:fs";
import { resolve } from "node:path";

import { createDb, type DbHandle } from "../client";
import { startEmbeddedDb } from "../embedded";
import { env } from "../env";
import { BACKUP_USAGE, backup, restore } from "./backup";
import { trustedPublicKeys } from "./keys";
import { parseArgs, verifyLogs } from "./verify-log";

const VERIFY_USAGE = `usage: pnpm tandem verify-log [--workspace <slug>] [--checkpoint <file.json>]

Recomputes every workspace's hash chain (or one workspace's) and holds it to the signed
checkpoints stored in the database and, with --checkpoint, to a checkpoint file you downloaded,
each signed by this instance's key or one a restore left in TANDEM_DATA_DIR.
Exits 0 when every chain verifies, 1 when any entry was edited, deleted, inserted, reordered or
the tail truncated (naming the first bad entry), 2 on a usage or connection error.`;

async function connect(): Promise<DbHandle> {
  const url = env.DATABASE_URL ?? `postgres://postgres:postgres@127.0.0.1:${env.EMBEDDED_DB_PORT}/postgres?sslmode=disable`;
  const handle = createDb(url, { max: 2 });
  try {
    await handle.pool.query("select 1");
    return handle;
  } catch (err) {
    await handle.close().catch(() => {});
    const dataDir = resolve(env.TANDEM_DATA_DIR, "pglite");
    if (env.DATABASE_URL || !existsSync(dataDir)) throw err;
    // Nothing is serving the embedded database: open its files ourselves.
    const embedded = await startEmbeddedDb({ dataDir, maxConnections: 4 });
    const direct = createDb(embedded.url, { max: 2 });
    return {
      ...direct,
      close: async () => {
        await direct.close();
        await embedded.stop();
      },
    };
  }
}

/** backup and restore: every failure is the operator's to fix, said in one line. */
async function backupOrRestore(command: "backup" | "restore", rest: string[]): Promise<number> {
  if (rest[0] === "--help" || rest[0] === "-h") {
    console.log(BACKUP_USAGE);
    return 0;
  }
  if (rest.length !== 1 || rest[0]!.startsWith("-")) {
    console.error(BACKUP_USAGE);
    return 2;
  }
  try {
    for (const line of await (command === "backup" ? backup(rest[0]!) : restore(rest[0]!))) console.log(line);
    return 0;
  } catch (err) {
    console.error(`${command} failed: ${(err as Error).message}`);
    return 1;
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "backup" || command === "restore") return backupOrRestore(command, rest);
  if (command !== "verify-log") {
    console.error(`${VERIFY_USAGE}\n\n${BACKUP_USAGE}`);
    return 2;
  }
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(rest);
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${VERIFY_USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(VERIFY_USAGE);
    return 0;
  }
  let handle: DbHandle;
  try {
    handle = await connect();
  } catch (err) {
    console.error(`cannot reach the database: ${(err as Error).message}`);
    return 2;
  }
  try {
    const report = await verifyLogs(handle.db, { ...args, publicKeyPem: trustedPublicKeys() });
    for (const line of report.lines) console.log(line);
    return report.ok ? 0 : 1;
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  } finally {
    await handle.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
