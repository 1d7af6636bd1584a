/**
 * `pnpm bench:dashboard`: the shared dashboard and every computed metric over three years of
 * joint work (1,000,000 log entries, 100,000 tasks, 200,000 comments, 50 KPIs × 3 years of weekly
 * values), on PostgreSQL and on embedded PGlite. A script, not a timed test: see docs/benchmarks.md.
 *
 * BENCH_DATABASE_URL / TEST_DATABASE_URL: the PostgreSQL server (a fresh database on it, dropped
 * afterwards); without one only PGlite runs. BENCH_TARGETS=postgres or pglite runs one of them.
 * BENCH_SCALE=0.1 shrinks every count (a quick check of the script itself). BENCH_ROUNDS: timed
 * rounds per measurement (default 40).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { createCaller, createTRPCContext } from "@tandem/api";
import { computeMetric } from "@tandem/db/queries";
import { METRIC_IDS, type MetricId } from "@tandem/domain/metrics";
import { periodKey, periodStart, shiftPeriod, todayIn } from "@tandem/domain/rules";
import pg from "pg";

import { BASELINE_SQL } from "./dashboard-bench-baseline";
import { FULL_SCALE, fillWorkspace, type BenchScale } from "./dashboard-bench-data";
import { createBenchWorkspace, startBenchDb, type BenchDb } from "./bench-setup";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const WARMUP = 5;
const FACTOR = Number(process.env.BENCH_SCALE ?? 1);
const scale: BenchScale = {
  logEntries: Math.round(FULL_SCALE.logEntries * FACTOR),
  tasks: Math.round(FULL_SCALE.tasks * FACTOR),
  comments: Math.round(FULL_SCALE.comments * FACTOR),
  projects: Math.max(4, Math.round(FULL_SCALE.projects * FACTOR)),
};
const ENTERED_KPIS = 42;
const WEEKS_OF_VALUES = 156;
const log = (line: string) => console.log(line);

interface Timing {
  p50: number;
  p95: number;
  max: number;
}
function timing(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
  return { p50: at(0.5), p95: at(0.95), max: s.at(-1)! };
}

/** Times `a` and `b` in alternating order, round after round, so both see the same machine. */
async function sideBySide(a: () => Promise<unknown>, b: () => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) {
    await a();
    await b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  const time = async (fn: () => Promise<unknown>, into: number[]) => {
    const t = performance.now();
    await fn();
    into.push(performance.now() - t);
  };
  for (let i = 0; i < ROUNDS; i++) {
    if (i % 2 === 0) {
      await time(a, ta);
      await time(b, tb);
    } else {
      await time(b, tb);
      await time(a, ta);
    }
  }
  return { a: timing(ta), b: timing(tb) };
}

const sameSeries = (x: { periodStart: string; value: number | null }[], y: { period_start: string; value: number | null }[]) =>
  x.length === y.length &&
  x.every((p, i) => {
    const q = y[i]!;
    const v = q.value === null ? null : Number(q.value);
    if (p.periodStart !== q.period_start) return false;
    if (p.value === null || v === null) return p.value === v;
    return Math.abs(p.value - v) <= 1e-9 * Math.max(1, Math.abs(v));
  });

const KPI_SHAPES = [
  { unit: "count", direction: "lower", target: 14, atRisk: 18, base: 13 },
  { unit: "percent", direction: "higher", target: 25, atRisk: 20, base: 24 },
  { unit: "duration", direction: "lower", target: 48, atRisk: 72, base: 45 },
] as const;

async function setup(db: BenchDb) {
  const api = db.pool(8);
  log(`[${db.kind}] workspace, 20 members through better-auth`);
  const ws = await createBenchWorkspace(api, 18);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  log(
    `[${db.kind}] history (${Object.entries(scale)
      .map(([k, v]) => `${k} ${v.toLocaleString("en")}`)
      .join(", ")})`,
  );
  await fillWorkspace(client, scale, { workspaceId: ws.workspaceId, cmoMemberId: ws.cmo.memberId, cioMemberId: ws.cio.memberId }, log);

  const as = async (who: "cmo" | "cio") => createCaller(await createTRPCContext({ headers: ws[who].headers, db: api, auth: ws.auth }));
  const cmo = await as("cmo");
  const cio = await as("cio");
  const workspaceSlug = ws.slug;
  const t = performance.now();
  const thisWeek = periodStart(todayIn("UTC"), "weekly");
  const entered: string[] = [];
  for (let k = 0; k < ENTERED_KPIS; k++) {
    const shape = KPI_SHAPES[k % KPI_SHAPES.length]!;
    const owner = (["marketing", "it", "joint"] as const)[k % 3]!;
    const by = owner === "it" ? cio : cmo;
    const created = await by.kpi.create({
      workspaceSlug,
      name: `Bench KPI ${String(k + 1).padStart(2, "0")}`,
      description: "A number both sides agreed to watch.",
      ...shape,
      currency: null,
      cadence: "weekly",
      owner,
      source: "entered",
      formula: null,
      projectIds: [],
    });
    await cmo.kpi.sign({ workspaceSlug, kpiId: created.id, version: 1 });
    await cio.kpi.sign({ workspaceSlug, kpiId: created.id, version: 1 });
    const rows = Array.from({ length: WEEKS_OF_VALUES }, (_, n) => WEEKS_OF_VALUES - 1 - n).map(
      (i) => `${periodKey(shiftPeriod(thisWeek, "weekly", -i), "weekly")},${(shape.base + Math.sin(i * 1.7 + k) * 3).toFixed(2)},`,
    );
    await by.kpi.import({ workspaceSlug, kpiId: created.id, fileName: "history.csv", csv: ["period,value,note", ...rows].join("\n") });
    entered.push(created.id);
  }
  const computed = {} as Record<MetricId, string>;
  for (const metric of METRIC_IDS) {
    const created = await cmo.kpi.create({
      workspaceSlug,
      name: `Bench ${metric}`,
      description: "Computed from the work.",
      unit: "count",
      direction: "higher",
      target: 10,
      atRisk: 5,
      currency: null,
      cadence: "weekly",
      owner: "joint",
      source: "computed",
      formula: { metric },
      projectIds: [],
    });
    await cmo.kpi.sign({ workspaceSlug, kpiId: created.id, version: 1 });
    await cio.kpi.sign({ workspaceSlug, kpiId: created.id, version: 1 });
    computed[metric] = created.id;
  }
  log(
    `[${db.kind}] ${ENTERED_KPIS + METRIC_IDS.length} KPIs through tRPC, ${ENTERED_KPIS} × ${WEEKS_OF_VALUES} weeks imported: ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  // The shared dashboard: 12 widgets, what the seeded one has and more.
  const board = await cmo.dashboard.create({ workspaceSlug, name: "Bench shared dashboard" });
  const widgets = [
    { kind: "kpi_tile", config: { kpiId: entered[0] } },
    { kind: "kpi_tile", config: { kpiId: entered[1] } },
    { kind: "kpi_tile", config: { kpiId: computed.throughput } },
    { kind: "kpi_tile", config: { kpiId: computed.cycle_time_median } },
    { kind: "kpi_tile", config: { kpiId: computed.check_in_punctuality } },
    { kind: "kpi_line", config: { kpiId: entered[2], range: "year" }, width: 2, height: 2 },
    { kind: "kpi_line", config: { kpiId: computed.cross_side_response, range: "year" }, width: 2, height: 2 },
    { kind: "kpi_line", config: { kpiId: computed.time_blocked, range: "year" }, width: 2, height: 2 },
    { kind: "kpi_bar", config: { kpiId: computed.throughput, by: "side" }, width: 2, height: 2 },
    { kind: "health_matrix", config: {}, width: 2, height: 2 },
    { kind: "burn_up", config: {}, width: 2, height: 2 },
    { kind: "feed_strip", config: { limit: 8 }, width: 2, height: 2 },
  ] as const;
  for (const w of widgets) await cmo.dashboard.addWidget({ workspaceSlug, dashboardId: board.id, width: 1, height: 1, ...w });
  await client.query("analyze");
  const counts = await client.query<{ t: string; n: string }>(
    `select 'log entries' as t, count(*)::text as n from log_entry where workspace_id = $1
     union all select 'tasks', count(*)::text from task where workspace_id = $1
     union all select 'status changes', count(*)::text from task_status_change where workspace_id = $1
     union all select 'comments', count(*)::text from comment where workspace_id = $1
     union all select 'check-ins', count(*)::text from check_in where workspace_id = $1
     union all select 'milestones', count(*)::text from milestone where workspace_id = $1
     union all select 'KPIs', count(*)::text from kpi where workspace_id = $1
     union all select 'KPI values', count(*)::text from kpi_value where workspace_id = $1`,
    [ws.workspaceId],
  );
  return { api, ws, client, dashboardId: board.id, counts: Object.fromEntries(counts.rows.map((r) => [r.t, Number(r.n)])) };
}

async function runOn(db: BenchDb) {
  const { api, ws, client, dashboardId, counts } = await setup(db);
  log(
    `[${db.kind}] ${Object.entries(counts)
      .map(([k, v]) => `${k} ${v.toLocaleString("en")}`)
      .join(", ")}`,
  );
  const today = todayIn("UTC");
  const from = shiftPeriod(today, "weekly", -51);

  // The dashboard as the page reads it: a request's context (session, membership) and dashboard.data.
  // Beside it, side by side, a fixed plain query, so a noisy machine shows in both.
  const dashboard = () =>
    createTRPCContext({ headers: ws.cio.headers, db: api, auth: ws.auth }).then((ctx) =>
      createCaller(ctx).dashboard.data({ workspaceSlug: ws.slug, dashboardId, from, to: today }),
    );
  const reference = () => client.query("select count(*) from task where workspace_id = $1 and status = 'done'", [ws.workspaceId]);
  const data = await dashboard();
  if (data.length !== 12) throw new Error(`the dashboard read ${data.length} widgets, not 12`);
  const dash = await sideBySide(dashboard, reference);
  log(
    `[${db.kind}] dashboard.data, 12 widgets over 52 weeks: p50 ${dash.a.p50.toFixed(1)} ms, p95 ${dash.a.p95.toFixed(1)} ms (reference query p50 ${dash.b.p50.toFixed(1)} ms)`,
  );

  // Each metric over 52 weeks, against its hand-written statement.
  const raw = new pg.Pool({ connectionString: db.url, max: 8 });
  const now = new Date();
  const first = periodStart(from, "weekly");
  const last = periodStart(today, "weekly");
  const metrics: Record<string, { tandem: Timing; baseline: Timing; ratioP50: number; ratioP95: number; same: boolean }> = {};
  for (const id of METRIC_IDS) {
    const input = { workspaceId: ws.workspaceId, timeZone: "UTC", cadence: "weekly" as const, from: first, to: last, now };
    const params: unknown[] = [ws.workspaceId, "UTC", first, last, now.toISOString()];
    const tandem = () => computeMetric(api, id, input);
    // Through a pool of the same size, without drizzle: the difference is the registry's own.
    const baseline = () => raw.query<{ period_start: string; value: number | null }>(BASELINE_SQL[id], params);
    const same = sameSeries(await tandem(), (await baseline()).rows);
    if (!same) log(`[${db.kind}] ${id}: the metric and the hand-written statement DISAGREE`);
    const r = await sideBySide(tandem, baseline);
    metrics[id] = { tandem: r.a, baseline: r.b, ratioP50: r.a.p50 / r.b.p50, ratioP95: r.a.p95 / r.b.p95, same };
    log(
      `[${db.kind}] ${id}: ${r.a.p50.toFixed(1)} ms vs ${r.b.p50.toFixed(1)} ms hand-written (×${(r.a.p50 / r.b.p50).toFixed(2)} p50, ×${(r.a.p95 / r.b.p95).toFixed(2)} p95)`,
    );
  }
  await raw.end();
  await client.end();
  return { kind: db.kind, counts, dashboard: dash.a, reference: dash.b, metrics };
}

function markdown(results: Awaited<ReturnType<typeof runOn>>[]) {
  const ms = (v: number) => v.toFixed(1);
  const lines: string[] = [];
  for (const r of results) {
    lines.push(
      `**${r.kind}**: dashboard.data (12 widgets, 52 weeks) p50 ${ms(r.dashboard.p50)} ms, p95 ${ms(r.dashboard.p95)} ms, max ${ms(r.dashboard.max)} ms; reference query p50 ${ms(r.reference.p50)} ms`,
    );
    lines.push("");
    lines.push("| metric (52 weeks) | Tandem p50 ms | hand-written p50 ms | ratio p50 | Tandem p95 ms | hand-written p95 ms | ratio p95 | same numbers |");
    lines.push("|---|---:|---:|---:|---:|---:|---:|---|");
    for (const [id, m] of Object.entries(r.metrics))
      lines.push(
        `| ${id} | ${ms(m.tandem.p50)} | ${ms(m.baseline.p50)} | ${m.ratioP50.toFixed(2)} | ${ms(m.tandem.p95)} | ${ms(m.baseline.p95)} | ${m.ratioP95.toFixed(2)} | ${m.same ? "yes" : "**no**"} |`,
      );
    lines.push("");
  }
  return lines.join("\n");
}

async function main() {
  const wanted = (process.env.BENCH_TARGETS ?? "postgres,pglite").split(",").map((s) => s.trim());
  const hasServer = Boolean(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GB, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}, node ${process.version}`;
  log(`machine: ${machine}; rounds ${ROUNDS} after ${WARMUP} warm-up`);
  const results = [];
  for (const target of wanted) {
    if (target === "postgres" && !hasServer) {
      log("postgres: skipped (no BENCH_DATABASE_URL or TEST_DATABASE_URL)");
      continue;
    }
    const dataDir = join(tmpdir(), `tandem-dashboard-bench-${process.pid}`);
    const db = await startBenchDb(target === "pglite" ? { embedded: true, dataDir } : {});
    try {
      results.push(await runOn(db));
    } finally {
      // BENCH_KEEP=1 leaves the database for EXPLAIN (its URL is printed).
      if (process.env.BENCH_KEEP === "1") log(`kept: ${db.url}`);
      else await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const table = markdown(results);
  console.log(`\n${table}`);
  const dir = fileURLToPath(new URL("../.artifacts/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "dashboard-bench.json"), JSON.stringify({ at: new Date().toISOString(), machine, scale, rounds: ROUNDS, results }, null, 2));
  const failed = results.flatMap((r) => [
    ...(r.kind === "postgres" && r.dashboard.p95 > 150 ? [`${r.kind}: dashboard p95 ${r.dashboard.p95.toFixed(1)} ms > 150 ms`] : []),
    ...Object.entries(r.metrics).flatMap(([id, m]) => [
      ...(m.ratioP50 > 1.3 ? [`${r.kind}: ${id} ×${m.ratioP50.toFixed(2)} > 1.3`] : []),
      ...(m.same ? [] : [`${r.kind}: ${id} disagrees with its hand-written statement`]),
    ]),
  ]);
  for (const f of failed) console.log(`TARGET MISSED: ${f}`);
  process.exitCode = failed.length ? 1 : 0;
}

await main();
