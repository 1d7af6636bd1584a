import "server-only";

import { createDb, type DbHandle } from "@tandem/db";

import { env } from "~/env";

// One pool per server process, surviving hot reloads in development.
const cache = globalThis as unknown as { tandemDb?: DbHandle };

export function getDb() {
  cache.tandemDb ??= createDb(env().DATABASE_URL, { max: 8 });
  return cache.tandemDb.db;
}
