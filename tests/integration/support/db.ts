import { randomBytes } from "node:crypto";

import { createDb, runMigrations, type DbHandle } from "@tandem/db";
import { startEmbeddedDb } from "@tandem/db/embedded";
import pg from "pg";

export type DbKind = "pglite" | "postgres";

export interface TestDb extends DbHandle {
  kind: DbKind;
  url: string;
}

/**
 * A fresh, migrated database of either kind. PGlite runs in memory behind the same socket
 * server the app uses; PostgreSQL gets a new database per call on TEST_DATABASE_URL's server.
 */
export async function startTestDb(kind: DbKind, { poolMax = 8 }: { poolMax?: number } = {}): Promise<TestDb> {
  if (kind === "pglite") {
    const embedded = await startEmbeddedDb({ maxConnections: poolMax + 4 });
    const handle = createDb(embedded.url, { max: poolMax });
    await runMigrations(handle.db);
    return {
      ...handle,
      kind,
      url: embedded.url,
      close: async () => {
        await handle.close();
        await embedded.stop();
      },
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set: run the suite through `npm test`, which starts PostgreSQL.");
  const name = `tandem_t_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = createDb(url.toString(), { max: poolMax });
  await runMigrations(handle.db);
  return {
    ...handle,
    kind,
    url: url.toString(),
    close: async () => {
      await handle.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export const DB_KINDS: DbKind[] = ["pglite", "postgres"];
