/**
 * A one-off measure of `pnpm tandem backup` and `restore`: file size and wall time (the CLI's
 * own start-up, ≈1.5 s of tsx, included) for the demo workspace, then for the demo plus the
 * dashboard bench's workspace of 1,000,000 log entries (dashboard-bench-data.ts). Both databases:
 * PostgreSQL from BENCH_DATABASE_URL / TEST_DATABASE_URL (fresh databases, dropped afterwards) and
 * embedded PGlite on disk as `npm start` runs it, served in this process while the CLI backs it up.
 * BENCH_TARGETS=postgres or pglite runs one; BENCH_SCALE=0.01 shrinks the big workspace.
 *
 *   eval "$(bash scripts/test-services.sh)"; cd tests && pnpm exec tsx load/backup-bench.ts
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { seedDemo } from "@tandem/api/seed";
import { generateLogSigningKeyPem } from "@tandem/db/log";

import { createPgDatabase, startEmbedded, type Source, tableCounts, tandem } from "../integration/db/backup-support";
import { createTestAuth } from "../integration/support/auth";
import { FULL_SCALE, fillWorkspace } from "./dashboard-bench-data";
import { createBenchWorkspace } from "./bench-setup";

const FACTOR = Number(process.env.BENCH_SCALE ?? 1);
const TARGETS = (process.env.BENCH_TARGETS ?? "postgres,pglite").split(",");
const keyPem = generateLogSigningKeyPem();
const work = mkdtempSync(join(tmpdir(), "tandem-backup-bench-"));
const results: Record<string, unknown>[] = [];

async function timed(args: string[], env: Record<string, string>) {
  const t = performance.now();
  const r = await tandem(args, env, { timeout: 60 * 60_000 });
  const seconds = (performance.now() - t) / 1000;
  if (r.code !== 0) throw new Error(`tandem ${args.join(" ")} failed:\n${r.out}`);
  return seconds;
}

/** Backs up `source`, restores into a fresh empty target and records the figures. */
async function measure(kind: string, dataset: string, source: Source, emptyTarget: () => Promise<{ env: Record<string, string>; done: () => Promise<void> }>) {
  const counts = await tableCounts(source.pool);
  const file = join(work, `${kind}-${dataset.replace(/\W+/g, "-")}.backup`);
  const backupS = await timed(["backup", file], { ...source.env, TANDEM_LOG_SIGNING_KEY: keyPem });
  const target = await emptyTarget();
  const restoreS = await timed(["restore", file], target.env);
  await target.done();
  const row = {
    kind,
    dataset,
    logEntries: counts.log_entry ?? 0,
    rows: Object.values(counts).reduce((a, b) => a + b, 0),
    backupMiB: statSync(file).size / 2 ** 20,
    backupS,
    restoreS,
  };
  results.push(row);
  console.log(
    `| ${kind} | ${dataset} | ${row.logEntries.toLocaleString("en")} | ${row.rows.toLocaleString("en")} | ${row.backupMiB.toFixed(1)} MiB | ${backupS.toFixed(1)} s | ${restoreS.toFixed(1)} s |`,
  );
  rmSync(file, { force: true });
}

async function fillBig(source: Source) {
  const ws = await createBenchWorkspace(source.db, 18);
  const scale = {
    logEntries: Math.round(FULL_SCALE.logEntries * FACTOR),
    tasks: Math.round(FULL_SCALE.tasks * FACTOR),
    comments: Math.round(FULL_SCALE.comments * FACTOR),
    projects: Math.max(4, Math.round(FULL_SCALE.projects * FACTOR)),
  };
  const client = await source.pool.connect();
  try {
    await fillWorkspace(client, scale, { workspaceId: ws.workspaceId, cmoMemberId: ws.cmo.memberId, cioMemberId: ws.cio.memberId }, console.log);
  } finally {
    client.release();
  }
  return `demo + ${scale.logEntries.toLocaleString("en")} entries`;
}

async function run(kind: string) {
  let source: Source & { drop?: () => Promise<void> };
  let emptyTarget: () => Promise<{ env: Record<string, string>; done: () => Promise<void> }>;
  if (kind === "pglite") {
    const dir = join(work, "pglite-source");
    mkdirSync(dir);
    source = await startEmbedded(dir);
    emptyTarget = async () => {
      const d = mkdtempSync(join(work, "pglite-target-"));
      return { env: { TANDEM_DATA_DIR: d }, done: async () => rmSync(d, { recursive: true, force: true }) };
    };
  } else {
    process.env.TEST_DATABASE_URL ??= process.env.BENCH_DATABASE_URL;
    source = await createPgDatabase();
    emptyTarget = async () => {
      const db = await createPgDatabase({ migrate: false });
      const keys = mkdtempSync(join(work, "keys-"));
      return {
        env: { ...db.env, TANDEM_DATA_DIR: keys },
        done: async () => {
          await db.close();
          await db.drop();
        },
      };
    };
  }
  try {
    const auth = createTestAuth(source.db);
    await seedDemo(source.db, auth);
    await measure(kind, "demo", source, emptyTarget);
    const label = await fillBig(source);
    await measure(kind, label, source, emptyTarget);
  } finally {
    await source.close();
    await source.drop?.();
  }
}

console.log("| database | data set | log entries | rows, all tables | backup file | backup | restore |");
console.log("|---|---|---:|---:|---:|---:|---:|");
try {
  for (const kind of TARGETS) await run(kind);
  mkdirSync(join(import.meta.dirname, "../.artifacts"), { recursive: true });
  writeFileSync(join(import.meta.dirname, "../.artifacts/backup-bench.json"), JSON.stringify(results, null, 2));
} finally {
  rmSync(work, { recursive: true, force: true });
}
