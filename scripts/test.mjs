// `npm test`: install what the suites need (pnpm deps, Debian Chromium, PostgreSQL, Redis),
// then typecheck, lint (Biome), run unit + integration (vitest) and e2e (Playwright), and end with the
// plain line `N passed, N failed` over every suite. Exits non-zero on any failure.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { ensurePnpm, log, ROOT, run } from "./lib.mjs";

const ARTIFACTS = join(ROOT, "tests/.artifacts");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" };
const pnpm = ensurePnpm();
const pn = (args, opts = {}) => spawnSync(pnpm[0], [...pnpm.slice(1), ...args], { stdio: "inherit", cwd: ROOT, env, ...opts });

run(pnpm[0], [...pnpm.slice(1), "install", "--frozen-lockfile"], { env });

// The services script prints `export NAME=value` lines.
const services = spawnSync("bash", [join(ROOT, "scripts/test-services.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
if (services.status !== 0) {
  console.error("[tandem] could not start the test services");
  console.log("0 passed, 1 failed");
  process.exit(1);
}
for (const m of services.stdout.matchAll(/^export (\w+)=(.*)$/gm)) env[m[1]] ??= m[2];

const suites = [];
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null);
rmSync(ARTIFACTS, { recursive: true, force: true });

log("typecheck");
const tc = pn(["-r", "--parallel", "--if-present", "run", "typecheck"]);
suites.push({ name: "typecheck", passed: tc.status === 0 ? 1 : 0, failed: tc.status === 0 ? 0 : 1 });

log("lint and format (Biome)");
const lint = pn(["exec", "biome", "check", "--error-on-warnings", "."]);
suites.push({ name: "lint", passed: lint.status === 0 ? 1 : 0, failed: lint.status === 0 ? 0 : 1 });

log("unit + integration (vitest)");
const vt = pn(["--filter", "@tandem/tests", "exec", "vitest", "run", "--config", "vitest.config.ts"]);
const vj = readJson(join(ARTIFACTS, "vitest.json"));
suites.push({
  name: "vitest",
  passed: vj?.numPassedTests ?? 0,
  failed: (vj?.numFailedTests ?? 0) + (vt.status !== 0 && !vj?.numFailedTests ? 1 : 0),
});

log("end-to-end (Playwright on Debian Chromium)");
const pw = pn(["--filter", "@tandem/tests", "exec", "playwright", "test", "--config", "playwright.config.ts"]);
const pj = readJson(join(ARTIFACTS, "playwright.json"));
// A test that passed only on a retry is flaky, and counts as failed: CI must not pass on luck.
const flaky = pj ? flakyTests(pj) : [];
const pwUnexpected = pj?.stats?.unexpected ?? 0;
const pwFailed = pwUnexpected + flaky.length + (pw.status !== 0 && !pwUnexpected ? 1 : 0);
suites.push({ name: "playwright", passed: pj?.stats?.expected ?? 0, failed: pwFailed, skipped: pj?.stats?.skipped ?? 0 });
// Recorded as well as printed, so a flaky test can be followed from run to run.
mkdirSync(ARTIFACTS, { recursive: true });
writeFileSync(join(ARTIFACTS, "flaky.json"), `${JSON.stringify({ at: new Date().toISOString(), flaky }, null, 2)}\n`);

console.log("");
if (flaky.length > 0) {
  console.log("flaky: (failed, then passed on a retry; counted as failed)");
  for (const t of flaky) console.log(`  ${t}`);
  console.log("");
}
for (const s of suites) console.log(`  ${s.name.padEnd(11)} ${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ""}`);
const passed = suites.reduce((n, s) => n + s.passed, 0);
const failed = suites.reduce((n, s) => n + s.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

/**
 * The tests of Playwright's JSON report that failed and then passed on a retry (status "flaky"),
 * as `[project] file:line › title › …`. Walks the nested suites down to each spec's tests.
 */
function flakyTests(report) {
  const found = [];
  const walk = (suite, titles) => {
    const path = suite.title && !suite.file?.endsWith(suite.title) ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const statuses = (t.results ?? []).map((r) => r.status);
        const passedAfterFailing = statuses.at(-1) === "passed" && statuses.slice(0, -1).some((s) => s !== "passed" && s !== "skipped");
        if (t.status === "flaky" || passedAfterFailing) {
          found.push(`[${t.projectName}] ${spec.file}:${spec.line} › ${[...path, spec.title].join(" › ")}`);
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child, path);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  return found;
}
