import { createAuth } from "@tandem/auth";
import { authEnv } from "@tandem/auth/env";
import { createDb, runMigrations } from "@tandem/db";
import { createLogSigner } from "@tandem/db/log";

import { apiEnv } from "../env";
import { renameReservedWorkspaces } from "../services/workspace";
import { seedDemo } from "./demo";

// Start-up step: migrate, move workspaces off reserved addresses, then create the demo workspace unless told not to.
const env = apiEnv();
const { db, close } = createDb(env.DATABASE_URL, { max: 2 });
try {
  await runMigrations(db);
  console.log("[seed] migrations applied");
  const key = env.TANDEM_LOG_SIGNING_KEY;
  const signer = key ? createLogSigner(key.includes("\\n") ? key.replace(/\\n/g, "\n") : key) : undefined;
  for (const r of await renameReservedWorkspaces(db, { signer })) {
    console.log(`[seed] workspace /${r.from} moved to /${r.to}: its address is reserved`);
  }
  if (env.SEED_DEMO === "on") {
    const auth = createAuth({ db, ...authEnv });
    console.log((await seedDemo(db, auth)) ? "[seed] demo workspace Acme created" : "[seed] demo workspace already present");
  }
} finally {
  await close();
}
