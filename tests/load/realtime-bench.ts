/**
 * Realtime benchmark (a script, not a timed test): commit → delivery latency and throughput of
 * log entries through the real path (tRPC mutation → transaction → poke → tailer → socket.io) to
 * 1,000 clients in two processes, against a bare socket.io server emitting the same payloads at
 * the same moments to the same clients. `pnpm bench:realtime`; results in docs/benchmarks.md.
 *
 * BENCH_DATABASE_URL / TEST_DATABASE_URL: use that PostgreSQL server (a fresh database), else
 * embedded PGlite. BENCH_API=separate runs the API in its own process, as the
 * web app does; the default runs it in this process. BENCH_CLIENTS (per process, default 500),
 * BENCH_MUTATIONS (default 300), BENCH_RATE (per second, default 50), BENCH_BURST_CONCURRENCY (16).
 */
import { fork, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg, totalmem } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

import { createCaller, createTRPCContext } from "@tandem/api";
import type { Database } from "@tandem/db";
import { listLogAfter } from "@tandem/db/queries";
import { sql } from "drizzle-orm";
import { createRealtimeServer } from "@tandem/realtime/server";
import type { LogEntryPayload } from "@tandem/realtime-contract";
import { Server } from "socket.io";

import { now, type FromClients, type PhaseReport, type ToClients } from "./bench-protocol";
import { createBenchWorkspace, startBenchDb } from "./bench-setup";
import { ratios, summarise, table, type PhaseStats } from "./bench-stats";
import { createWriter, type Sent, type Writer, type WriterTarget } from "./bench-writer";
import type { FromWriter, ToWriter } from "./bench-writer-process";

const int = (name: string, fallback: number, max: number) => Math.min(max, Math.max(1, Number(process.env[name] ?? fallback) || fallback));
const PROCESSES = 2;
const CLIENTS_PER_PROCESS = int("BENCH_CLIENTS", 500, 2_000);
const MUTATIONS = int("BENCH_MUTATIONS", 300, 2_000);
const RATE = int("BENCH_RATE", 50, 1_000);
const BURST_CONCURRENCY = int("BENCH_BURST_CONCURRENCY", 16, 64);
const API_APART = process.env.BENCH_API === "separate";
/** BENCH_LISTEN=off: no LISTEN/NOTIFY on PostgreSQL either, only the poke (how embedded PGlite runs). */
const LISTEN_OFF = process.env.BENCH_LISTEN === "off";
/**
 * While the baseline replays, the same mutations run again through the API (no client hears them:
 * the clients are on the bare server), so both sides share the machine with the same database and
 * API work. BENCH_BASELINE_WRITES=off gives the baseline an otherwise idle machine.
 */
const BASELINE_WRITES = process.env.BENCH_BASELINE_WRITES !== "off";
const WARMUP = 20;
const EXTRA_USERS = 8;
/** After the last send, how long deliveries may still arrive (the safety read is 1 s). */
const DRAIN_MS = 3_000;
const SECRET = "bench-internal-secret-0123456789";
const WATCHDOG_MS = 15 * 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const log = (msg: string) => console.log(`[bench] ${msg}`);
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

// Bounded: whatever hangs, the run ends.
const watchdog = setTimeout(() => {
  console.error("[bench] watchdog: run exceeded its time limit");
  process.exit(2);
}, WATCHDOG_MS);

// ---- child processes ------------------------------------------------------------------------

interface Child<In, Out extends { type: string }> {
  child: ChildProcess;
  send: (msg: In) => void;
  next: (type: Out["type"], timeoutMs: number) => Promise<Out>;
}

function startChild<In, Out extends { type: string; message?: string }>(file: string): Child<In, Out> {
  const child = fork(here(file), [], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  const inbox: Out[] = [];
  const waiters: (() => void)[] = [];
  child.on("message", (m) => {
    inbox.push(m as Out);
    for (const w of waiters.splice(0)) w();
  });
  return {
    child,
    send: (msg) => child.send(msg as object),
    async next(type, timeoutMs) {
      const deadline = now() + timeoutMs;
      for (;;) {
        const i = inbox.findIndex((m) => m.type === type || m.type === "error");
        if (i >= 0) {
          const [msg] = inbox.splice(i, 1);
          if (msg!.type === "error") throw new Error(`${file}: ${msg!.message}`);
          return msg!;
        }
        if (now() > deadline) throw new Error(`${file} sent no ${type} within ${timeoutMs} ms`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 250);
        });
      }
    },
  };
}

type ClientProcess = Child<ToClients, FromClients>;

async function connectClients(procs: ClientProcess[], msg: Extract<ToClients, { type: "connect" }>) {
  for (const p of procs) p.send(msg);
  const replies = (await Promise.all(procs.map((p) => p.next("connected", 180_000)))) as Extract<FromClients, { type: "connected" }>[];
  const connected = replies.reduce((n, r) => n + r.connected, 0);
  const failed = replies.reduce((n, r) => n + r.failed, 0);
  log(`${msg.phase}: ${connected} clients connected (${failed} failed) in ${(Math.max(...replies.map((r) => r.ms)) / 1000).toFixed(1)} s`);
  if (failed > 0) throw new Error(`${failed} clients failed to connect`);
}

async function collect(procs: ClientProcess[]): Promise<PhaseReport[]> {
  for (const p of procs) p.send({ type: "report" });
  const replies = await Promise.all(procs.map((p) => p.next("report", 60_000)));
  return replies.flatMap((r) => (r.type === "report" ? r.reports : []));
}

async function disconnectClients(procs: ClientProcess[]) {
  for (const p of procs) p.send({ type: "disconnect" });
  await Promise.all(procs.map((p) => p.next("disconnected", 30_000)));
}

/** The writer in its own process, behind the same interface as the in-process one. */
async function writerProcess(databaseUrl: string, target: WriterTarget): Promise<Writer & { stop: () => void }> {
  const w = startChild<ToWriter, FromWriter>("./bench-writer-process.ts");
  w.send({ type: "init", databaseUrl, target });
  await w.next("ready", 60_000);
  const run = async (msg: ToWriter) => {
    w.send(msg);
    return (await w.next("done", 300_000)) as Extract<FromWriter, { type: "done" }>;
  };
  return {
    warmup: async (n) => void (await run({ type: "warmup", n })),
    steady: async (n, rate) => (await run({ type: "steady", n, rate })).sends,
    burst: async (n, concurrency) => run({ type: "burst", n, concurrency }),
    stop: () => w.child.kill(),
  };
}

// ---- measurement ----------------------------------------------------------------------------

/** Replays sends at the same offsets from the start as the given times. */
async function replay(times: number[], fn: (i: number) => void) {
  const first = times[0] ?? 0;
  const start = now();
  for (let i = 0; i < times.length; i++) {
    await sleep(start + (times[i]! - first) - now());
    fn(i);
  }
}

/** Latencies of one phase: for each send, every client's receipt minus the send time. */
function measure(
  label: string,
  sends: { key: string | number; at: number }[],
  reports: PhaseReport[],
  keyOf: (r: PhaseReport, seq: number) => string | number,
  clients: number,
): PhaseStats {
  const sentAt = new Map(sends.map((s) => [s.key, s.at]));
  const latencies: number[] = [];
  let lastReceive = 0;
  for (const r of reports) {
    for (const [seqText, times] of Object.entries(r.times)) {
      const at = sentAt.get(keyOf(r, Number(seqText)));
      if (at === undefined) continue;
      for (const t of times) {
        latencies.push(t - at);
        if (t > lastReceive) lastReceive = t;
      }
    }
  }
  const firstSend = Math.min(...sends.map((s) => s.at));
  return summarise(
    label,
    latencies,
    firstSend,
    lastReceive,
    sends.length * clients,
    reports.reduce((n, r) => n + r.orderViolations, 0),
  );
}

/** Each entry's commit time: PostgreSQL's when it tracks them, else the (earlier) append time. */
async function commitTimes(db: Database, workspaceId: string, entries: { entityId: string; createdAt: Date }[]) {
  try {
    const rows = await db.execute<{ entity_id: string; ms: string }>(
      sql`select entity_id, extract(epoch from pg_xact_commit_timestamp(xmin)) * 1000 as ms from log_entry where workspace_id = ${workspaceId}`,
    );
    const byEntity = new Map(rows.rows.filter((r) => r.ms !== null).map((r) => [r.entity_id, Number(r.ms)]));
    if (byEntity.size === entries.length) return { source: "PostgreSQL (track_commit_timestamp)", byEntity };
  } catch {
    // track_commit_timestamp is off, or the database is PGlite
  }
  return { source: "the entries' append times (commit timestamps unavailable)", byEntity: new Map(entries.map((e) => [e.entityId, e.createdAt.getTime()])) };
}

/** This process's CPU share and event-loop delay over one phase. */
function phaseMeter() {
  const cpu = process.cpuUsage();
  const started = now();
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  return () => {
    loop.disable();
    const used = process.cpuUsage(cpu);
    return {
      cpuPercent: ((used.user + used.system) / 1e3 / (now() - started)) * 100,
      loopDelayP99Ms: loop.percentile(99) / 1e6,
    };
  };
}

// ---- the run --------------------------------------------------------------------------------

const loadAtStart = loadavg()[0]!;

async function main() {
  // Other work on the machine shows up as latency here: say so rather than let it pass as ours.
  if (loadAtStart > 0.5 * cpus().length) log(`warning: load average ${loadAtStart.toFixed(2)} on ${cpus().length} cpus before the run; numbers will be noisy`);
  const bench = await startBenchDb();
  log(
    `database: ${bench.kind}; API ${API_APART ? "in its own process" : "in this process"}; wake-up by ${bench.kind === "postgres" && !LISTEN_OFF ? "NOTIFY" : "poke"}`,
  );
  // A pool per role, as separate processes would have: the API's writes never queue the tailer's reads.
  const apiDb = bench.pool(8);
  const realtimeDb = bench.pool(4);
  const ws = await createBenchWorkspace(apiDb, EXTRA_USERS);

  const httpServer = createServer();
  const listen = bench.kind === "postgres" && !LISTEN_OFF;
  const realtime = createRealtimeServer(httpServer, { db: realtimeDb, auth: ws.auth, internalSecret: SECRET, logListenUrl: listen ? bench.url : undefined });
  await realtime.ready;
  await new Promise<void>((r) => httpServer.listen(0, "127.0.0.1", r));
  const realtimeUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;

  const project = await createCaller(await createTRPCContext({ headers: ws.cmo.headers, db: apiDb, auth: ws.auth })).project.create({
    workspaceSlug: ws.slug,
    name: "Benchmark project",
    sides: { marketing: { leadId: ws.cmo.memberId }, it: { leadId: ws.cio.memberId } },
  });
  const target: WriterTarget = {
    slug: ws.slug,
    projectId: project.id,
    writers: [ws.cmo, ws.cio].map((u) => ({ cookie: u.cookie, origin: u.headers.get("origin") ?? "" })),
    realtimeUrl,
    secret: SECRET,
  };
  const apart = API_APART ? await writerProcess(bench.url, target) : null;
  const writer: Writer = apart ?? createWriter(apiDb, ws.auth, target);

  const procs = Array.from({ length: PROCESSES }, () => startChild<ToClients, FromClients>("./bench-clients.ts"));
  const clients = PROCESSES * CLIENTS_PER_PROCESS;
  const results: Record<string, PhaseStats> = {};
  const meters: Record<string, ReturnType<ReturnType<typeof phaseMeter>>> = {};
  try {
    // ---- Tandem -----------------------------------------------------------------------------
    await connectClients(procs, { type: "connect", phase: "tandem", url: realtimeUrl, cookies: ws.cookies, count: CLIENTS_PER_PROCESS, projectId: project.id });
    await sleep(1_000);
    await writer.warmup(WARMUP);

    log(`tandem steady: ${MUTATIONS} mutations at ${RATE}/s`);
    let meter = phaseMeter();
    const steadyStamped = await writer.steady(MUTATIONS, RATE);
    await sleep(DRAIN_MS);
    meters["tandem steady"] = meter();
    log(`tandem burst: ${MUTATIONS} mutations, ${BURST_CONCURRENCY} at a time`);
    meter = phaseMeter();
    const { sends: burstStamped, secs: burstSecs } = await writer.burst(MUTATIONS, BURST_CONCURRENCY);
    await sleep(DRAIN_MS);
    meters["tandem burst"] = meter();
    // The exact payloads the clients received, for the baseline to send.
    const entries = await listLogAfter(apiDb, { workspaceId: ws.workspaceId, afterSeq: 0, limit: 5_000 });
    const payloadOf = new Map<string, LogEntryPayload>(entries.map((e) => [e.entityId, { ...e, createdAt: e.createdAt.toISOString() }]));
    // With NOTIFY a client can hear an entry before the API process sees its COMMIT return, so the
    // API's stamp can be late. PostgreSQL's own commit time (track_commit_timestamp) is exact; without
    // it, the entry's append time (inside the transaction, so before the commit) is used: latencies err long.
    const committedAt = await commitTimes(apiDb, ws.workspaceId, entries);
    log(`commit times from ${committedAt.source}`);
    const earliest = (sends: Sent[]) => sends.map((s) => ({ ...s, at: Math.min(s.at, committedAt.byEntity.get(s.key) ?? s.at) }));
    const steadySends = earliest(steadyStamped);
    const burstSends = earliest(burstStamped);
    const tandemReports = (await collect(procs)).filter((r) => r.phase === "tandem");
    const byEntity = (r: PhaseReport, seq: number) => r.entityIds[seq] ?? "";
    results["tandem steady"] = measure("Tandem, steady", steadySends, tandemReports, byEntity, clients);
    results["tandem burst"] = measure("Tandem, burst", burstSends, tandemReports, byEntity, clients);
    await disconnectClients(procs);

    const inOrder = (sends: Sent[]) => [...sends].sort((a, b) => a.at - b.at);

    // ---- baseline: bare socket.io, no auth, no database, same process ---------------------------
    const bareHttp = createServer();
    const bare = new Server(bareHttp);
    await new Promise<void>((r) => bareHttp.listen(0, "127.0.0.1", r));
    await connectClients(procs, {
      type: "connect",
      phase: "baseline",
      url: `http://127.0.0.1:${(bareHttp.address() as AddressInfo).port}`,
      cookies: ws.cookies,
      count: CLIENTS_PER_PROCESS,
      projectId: null,
    });
    await sleep(1_000);
    let seq = 0;
    const emitter = (sends: Sent[], into: { key: number; at: number }[]) => (i: number) => {
      const payload = { ...payloadOf.get(sends[i % sends.length]!.key)!, seq: ++seq };
      into.push({ key: payload.seq, at: now() });
      bare.emit("log.entry", payload);
    };
    const warm = emitter(inOrder(steadySends), []);
    for (let i = 0; i < WARMUP; i++) warm(i);
    await sleep(500);
    const bareSteady: { key: number; at: number }[] = [];
    const bareBurst: { key: number; at: number }[] = [];
    log("baseline steady: the same payloads at the same moments");
    meter = phaseMeter();
    await Promise.all([
      replay(
        inOrder(steadySends).map((s) => s.at),
        emitter(inOrder(steadySends), bareSteady),
      ),
      BASELINE_WRITES ? writer.steady(MUTATIONS, RATE) : null,
    ]);
    await sleep(DRAIN_MS);
    meters["baseline steady"] = meter();
    log("baseline burst: the same payloads at the moments the burst committed them");
    meter = phaseMeter();
    await Promise.all([
      replay(
        inOrder(burstSends).map((s) => s.at),
        emitter(inOrder(burstSends), bareBurst),
      ),
      BASELINE_WRITES ? writer.burst(MUTATIONS, BURST_CONCURRENCY) : null,
    ]);
    await sleep(DRAIN_MS);
    meters["baseline burst"] = meter();
    const bareReports = (await collect(procs)).filter((r) => r.phase === "baseline");
    const bySeq = (_r: PhaseReport, s: number) => s;
    results["baseline steady"] = measure("bare socket.io, steady", bareSteady, bareReports, bySeq, clients);
    results["baseline burst"] = measure("bare socket.io, burst", bareBurst, bareReports, bySeq, clients);
    await disconnectClients(procs);
    await bare.close();

    report(bench.kind, clients, results, meters, burstSecs, payloadOf.values().next().value);
  } finally {
    for (const p of procs) p.child.kill();
    apart?.stop();
    await realtime.close();
    await bench.close();
    clearTimeout(watchdog);
  }
}

function report(
  kind: string,
  clients: number,
  results: Record<string, PhaseStats>,
  meters: Record<string, { cpuPercent: number; loopDelayP99Ms: number }>,
  burstSecs: number,
  sample: LogEntryPayload | undefined,
) {
  const r = (k: string) => results[k]!;
  const steady = ratios(r("tandem steady"), r("baseline steady"));
  const bursty = ratios(r("tandem burst"), r("baseline burst"));
  const bytes = sample ? Buffer.byteLength(JSON.stringify(sample)) : 0;
  const lines = [
    "",
    `## ${new Date().toISOString()} — ${kind}, API ${API_APART ? "in its own process" : "in the driver process"}, wake-up by ${kind === "postgres" && !LISTEN_OFF ? "NOTIFY" : "poke"}, baseline ${BASELINE_WRITES ? "with the same API writes alongside" : "alone"}`,
    "",
    `machine: ${cpus().length} cpu (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}; 1-min load average ${loadAtStart.toFixed(2)} before the run, ${loadavg()[0]!.toFixed(2)} after`,
    `${clients} clients in ${PROCESSES} processes, one workspace, all viewing one project; ${MUTATIONS} mutations at ${RATE}/s (steady), then ${MUTATIONS} with ${BURST_CONCURRENCY} in flight (burst: ${(MUTATIONS / burstSecs).toFixed(0)} commits/s); payload ≈ ${bytes} bytes`,
    "",
    table([r("tandem steady"), r("baseline steady"), r("tandem burst"), r("baseline burst")]),
    "",
    `steady: p99 ${r("tandem steady").p99.toFixed(1)} ms (target ≤ 50), p99 ratio ${steady.p99Ratio.toFixed(2)}× (target ≤ 1.5×), throughput ${(steady.throughputRatio * 100).toFixed(0)} % of baseline (target ≥ 70 %)`,
    `burst:  p99 ${r("tandem burst").p99.toFixed(1)} ms, p99 ratio ${bursty.p99Ratio.toFixed(2)}×, throughput ${(bursty.throughputRatio * 100).toFixed(0)} % of baseline`,
    `driver process (realtime${API_APART ? "" : " + API"}${kind === "pglite" ? " + PGlite" : ""}, or the bare server): ${Object.entries(meters)
      .map(([k, m]) => `${k} ${m.cpuPercent.toFixed(0)} % CPU, loop delay p99 ${m.loopDelayP99Ms.toFixed(0)} ms`)
      .join("; ")}`,
    "",
  ];
  console.log(lines.join("\n"));
  const dir = here("../.artifacts/");
  mkdirSync(dir, { recursive: true });
  const file = `${dir}realtime-bench-${kind}-${API_APART ? "api-apart" : "api-in"}-${Date.now()}.json`;
  writeFileSync(
    file,
    JSON.stringify(
      {
        kind,
        apiApart: API_APART,
        listen: kind === "postgres" && !LISTEN_OFF,
        baselineWrites: BASELINE_WRITES,
        loadAtStart,
        clients,
        mutations: MUTATIONS,
        rate: RATE,
        burstConcurrency: BURST_CONCURRENCY,
        results,
        ratios: { steady, burst: bursty },
        meters,
      },
      null,
      2,
    ),
  );
  log(`results: ${file}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error("[bench] failed:", err);
    process.exit(1);
  },
);
