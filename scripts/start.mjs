// `npm start`: install, build, start the database (embedded unless DATABASE_URL is set),
// migrate and seed, then run realtime (:3001) and web (:3000) until Ctrl-C.
// Flags: --skip-install, --skip-build, --no-realtime (run everything but the realtime server,
// for a supervisor that runs it itself with the same environment: the e2e suite stops and
// restarts it to test reconnecting).
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

import { ensurePnpm, log, ROOT, run, startService, stopAll } from "./lib.mjs";

const flags = new Set(process.argv.slice(2));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" };
env.PORT ??= "3000";
env.REALTIME_PORT ??= "3001";
env.TANDEM_DATA_DIR = resolve(ROOT, env.TANDEM_DATA_DIR ?? ".data");
env.BETTER_AUTH_URL ??= `http://localhost:${env.PORT}`;
env.REALTIME_URL ??= `http://127.0.0.1:${env.REALTIME_PORT}`;

/** A secret generated once per data directory, so a fresh install never runs on a shared default. */
function localSecret(name) {
  mkdirSync(env.TANDEM_DATA_DIR, { recursive: true });
  const file = join(env.TANDEM_DATA_DIR, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}
env.BETTER_AUTH_SECRET ??= localSecret("auth-secret");
env.REALTIME_INTERNAL_SECRET ??= localSecret("internal-secret");
// Ed25519 key that signs transparency-log checkpoints; generated once per data directory.
if (!env.TANDEM_LOG_SIGNING_KEY) {
  const file = join(env.TANDEM_DATA_DIR, "log-signing-key.pem");
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync("ed25519");
    writeFileSync(file, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
  }
  env.TANDEM_LOG_SIGNING_KEY = readFileSync(file, "utf8");
}

process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

try {
  const pnpm = ensurePnpm();
  if (!flags.has("--skip-install")) run(pnpm[0], [...pnpm.slice(1), "install", "--frozen-lockfile"], { env });
  if (!flags.has("--skip-build")) run(pnpm[0], [...pnpm.slice(1), "--filter", "@tandem/web", "build"], { env });

  const tsx = join(ROOT, "node_modules/.bin/tsx");
  if (!env.DATABASE_URL) {
    env.EMBEDDED_DB_PORT ??= "5488";
    await startService("db", tsx, ["packages/db/src/embedded-cli.ts"], { env, ready: /embedded PostgreSQL .* ready at/ });
    env.DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${env.EMBEDDED_DB_PORT}/postgres?sslmode=disable`;
    env.SEED_DEMO ??= "on";
    // PGlite's socket server does not pass NOTIFY between connections; pokes carry delivery.
    env.REALTIME_LOG_LISTEN ??= "off";
  } else {
    env.SEED_DEMO ??= "off";
  }
  run(tsx, ["packages/api/src/seed/cli.ts"], { env });

  await Promise.all([
    flags.has("--no-realtime") ? null : startService("realtime", tsx, ["apps/realtime/src/index.ts"], { env, ready: /listening on/ }),
    // Idle keep-alive sockets stay open 65 s (Node's default is 5 s): a client reusing one just as the
    // server closes it gets ECONNRESET (seen from Playwright's request context), and proxies and load
    // balancers commonly keep theirs for 60 s.
    startService("web", join(ROOT, "apps/web/node_modules/.bin/next"), ["start", "apps/web", "-p", env.PORT, "--keepAliveTimeout", "65000"], {
      env,
      ready: /Ready in|started server|Local:/,
    }),
  ]);
  log(
    flags.has("--no-realtime")
      ? `Tandem is running at http://localhost:${env.PORT} without its realtime server (expected on :${env.REALTIME_PORT}). Ctrl-C stops it.`
      : `Tandem is running at http://localhost:${env.PORT} (realtime on :${env.REALTIME_PORT}). Ctrl-C stops it.`,
  );
} catch (err) {
  console.error(`[tandem] ${err.message}`);
  stopAll(1);
}
