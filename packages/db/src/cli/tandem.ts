// `pnpm tandem <command>`: operator tools. Connects to DATABASE_URL, else to the embedded
// database (served by a running `npm start`, or opened directly from TANDEM_DATA_DIR).
import { createPublicKey } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

import { createDb, type DbHandle } from "../client";
import { startEmbeddedDb } from "../embedded";
import { env } from "../env";
import { parseArgs, verifyLogs } from "./verify-log";

const USAGE = `usage: pnpm tandem verify-log [--workspace <slug>] [--checkpoint <file.json>]

Recomputes every workspace's hash chain (or one workspace's) and holds it to the signed
checkpoints stored in the database and, with --checkpoint, to a checkpoint file you downloaded.
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

function publicKeyPem(): string | undefined {
  const pem =
    process.env.TANDEM_LOG_SIGNING_KEY ??
    (existsSync(join(env.TANDEM_DATA_DIR, "log-signing-key.pem")) ? readFileSync(join(env.TANDEM_DATA_DIR, "log-signing-key.pem"), "utf8") : undefined);
  if (!pem) return undefined;
  return createPublicKey(pem).export({ type: "spki", format: "pem" }).toString();
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== "verify-log") {
    console.error(USAGE);
    return 2;
  }
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(rest);
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
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
    const report = await verifyLogs(handle.db, { ...args, publicKeyPem: publicKeyPem() });
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
