import { createDb } from "./client";
import { env } from "./env";
import { runMigrations } from "./migrate";

if (!env.DATABASE_URL) {
  console.error("DATABASE_URL is not set: nothing to migrate.");
  process.exit(1);
}
const { db, close } = createDb(env.DATABASE_URL, { max: 1 });
await runMigrations(db);
await close();
console.log("[db] migrations applied");
