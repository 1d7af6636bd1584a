import { join, resolve } from "node:path";

import { createDb } from "./client";
import { startEmbeddedDb } from "./embedded";
import { env } from "./env";
import { runMigrations } from "./migrate";

// Runs the embedded database as its own process and keeps it up until signalled.
const dataDir = resolve(env.TANDEM_DATA_DIR, "pglite");
const embedded = await startEmbeddedDb({ dataDir, port: env.EMBEDDED_DB_PORT });
const { db, close } = createDb(embedded.url, { max: 1 });
await runMigrations(db);
await close();
console.log(`[db] embedded PostgreSQL (PGlite) ready at ${embedded.url} — data in ${join(dataDir)}`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await embedded.stop();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
