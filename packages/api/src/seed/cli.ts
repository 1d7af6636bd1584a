import { createAuth } from "@tandem/auth";
import { authEnv } from "@tandem/auth/env";
import { createDb, runMigrations } from "@tandem/db";

import { apiEnv } from "../env";
import { seedDemo } from "./demo";

// Start-up step: migrate, then create the demo workspace unless told not to.
const env = apiEnv();
const { db, close } = createDb(env.DATABASE_URL, { max: 2 });
try {
  await runMigrations(db);
  console.log("[seed] migrations applied");
  if (env.SEED_DEMO === "on") {
    const auth = createAuth({ db, ...authEnv });
    console.log((await seedDemo(db, auth)) ? "[seed] demo workspace Acme created" : "[seed] demo workspace already present");
  }
} finally {
  await close();
}
