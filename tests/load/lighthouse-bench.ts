/**
 * Lighthouse on the pages people open on a phone: /status/acme, /acme/feed and the shared dashboard, signed in as the
 * demo CEO, five runs each with Lighthouse's mobile defaults (Moto G class device, simulated
 * slow 4G and 4x CPU slowdown), medians printed and written to tests/.artifacts/.
 *
 * Starts its own app the way Playwright does (scripts/start.mjs on spare ports, its own data
 * directory and embedded database) unless BENCH_URL points at a running one with the demo seed.
 * BENCH_SKIP_BUILD=1 reuses the last `next build`; BENCH_RUNS changes the run count.
 *
 * Each page gets one warm-up run first (BENCH_WARMUP, default 1), printed but not counted: the
 * first load in a freshly launched Chromium pays for the browser's own start (cold code and font
 * caches), which measured as the worst of five runs in most sessions, on either build.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";

import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const ROOT = resolve(import.meta.dirname, "../..");
const ARTIFACTS = resolve(import.meta.dirname, "../.artifacts");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const CHROME_PATH = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CEO = { email: "ceo@acme.test", password: "tandem-demo-2026" };

const PAGES: { path: string; targets: { performance: number; accessibility: number; cls?: number } }[] = [
  { path: "/status/acme", targets: { performance: 95, accessibility: 95 } },
  { path: "/acme/feed", targets: { performance: 90, accessibility: 90 } },
  // Redirects to the shared dashboard, which is what is measured.
  { path: "/acme/dashboards", targets: { performance: 90, accessibility: 90, cls: 0.05 } },
];

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once("error", rej);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}

interface App {
  url: string;
  stop: () => Promise<void>;
}

async function startApp(): Promise<App> {
  const [port, realtimePort, dbPort] = [await freePort(), await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), "tandem-lighthouse-"));
  const url = `http://localhost:${port}`;
  const args = ["scripts/start.mjs", "--skip-install", ...(process.env.BENCH_SKIP_BUILD === "1" ? ["--skip-build"] : [])];
  console.log(`[bench] starting the app on ${url} (${args.slice(1).join(" ")}); data in ${dataDir}`);
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      REALTIME_PORT: String(realtimePort),
      EMBEDDED_DB_PORT: String(dbPort),
      TANDEM_DATA_DIR: dataDir,
      AUTH_RATE_LIMIT: "off",
      BETTER_AUTH_URL: url,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((res) => child.once("exit", (code) => res(code)));

  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the app exited (${child.exitCode}) before it was ready:\n${output.join("").slice(-4000)}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app was not ready in 10 minutes:\n${output.join("").slice(-4000)}`);
    }
    const ready = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    // /api/health answers once `next start` does; the realtime server starts alongside it.
    if (ready && output.join("").includes("Tandem is running")) return { url, stop };
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/** The session cookie the sign-in form would get, as one Cookie header. */
async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify(CEO),
  });
  if (!res.ok) throw new Error(`sign-in as ${CEO.email} failed (${res.status}): ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]);
  if (cookies.length === 0) throw new Error("sign-in answered without a session cookie");
  return cookies.join("; ");
}

interface RunResult {
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  fcpMs: number;
  bytes: number;
  /** Accessibility audits that did not pass, by id. */
  a11yFailures: string[];
  /** FCP and LCP as seen unthrottled in the trace, before Lighthouse simulates the slow phone. */
  observedFcpMs: number;
  observedLcpMs: number;
  /** The document's time to first byte from the server. */
  serverMs: number;
  /** What to look at when the score is low: the LCP element and the scripts that cost most. */
  lcpElement: string | null;
  scripts: { url: string; kib: number; cpuMs: number }[];
}

type Details = { items?: Record<string, unknown>[] } | undefined;

/** The first element snippet anywhere in an audit's details (the LCP insight nests it). */
function snippetIn(details: unknown): string | null {
  if (!details || typeof details !== "object") return null;
  const d = details as { type?: string; snippet?: string };
  if (d.type === "node" && d.snippet) return d.snippet;
  for (const v of Object.values(details)) {
    const found = Array.isArray(v) ? v.map(snippetIn).find(Boolean) : typeof v === "object" ? snippetIn(v) : null;
    if (found) return found;
  }
  return null;
}

/** CPU time counters from /proc/stat (Linux): steal is time the hypervisor gave this VM's CPUs to others. */
function cpuTimes(): { steal: number; total: number } | null {
  try {
    const f = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already inside user).
    return { steal: f[7] ?? 0, total: f.slice(0, 8).reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}

/** Share of CPU time stolen by the host since `from`, in percent: above a few percent, scores drop. */
function stealSince(from: ReturnType<typeof cpuTimes>): number | null {
  const to = cpuTimes();
  if (!from || !to || to.total === from.total) return null;
  return Math.round((1000 * (to.steal - from.steal)) / (to.total - from.total)) / 10;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function audit(url: string, port: number, cookie: string): Promise<RunResult> {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "accessibility"],
    extraHeaders: { cookie },
  });
  if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  // BENCH_KEEP_LHR=1 keeps each whole report (long tasks, treemap, every audit) for diagnosis.
  if (process.env.BENCH_KEEP_LHR === "1") {
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, `lhr-${new URL(url).pathname.replaceAll("/", "_")}-${Date.now()}.json`), JSON.stringify(lhr));
  }
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const num = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const a11yIds = new Set(lhr.categories.accessibility?.auditRefs.map((r) => r.id));
  return {
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
    lcpMs: num("largest-contentful-paint"),
    tbtMs: num("total-blocking-time"),
    cls: num("cumulative-layout-shift"),
    fcpMs: num("first-contentful-paint"),
    bytes: num("total-byte-weight"),
    serverMs: Math.round(num("server-response-time")),
    observedFcpMs: Number((lhr.audits.metrics?.details as Details)?.items?.[0]?.observedFirstContentfulPaint ?? Number.NaN),
    observedLcpMs: Number((lhr.audits.metrics?.details as Details)?.items?.[0]?.observedLargestContentfulPaint ?? Number.NaN),
    lcpElement: snippetIn(lhr.audits["lcp-breakdown-insight"]?.details) ?? snippetIn(lhr.audits["largest-contentful-paint-element"]?.details),
    scripts: (() => {
      const cpu = new Map(((lhr.audits["bootup-time"]?.details as Details)?.items ?? []).map((i) => [String(i.url), Number(i.total ?? 0)]));
      return ((lhr.audits["network-requests"]?.details as Details)?.items ?? [])
        .filter((i) => i.resourceType === "Script")
        .map((i) => ({
          url: String(i.url).replace(/^https?:\/\/[^/]+/, ""),
          kib: Math.round(Number(i.transferSize ?? 0) / 102.4) / 10,
          cpuMs: Math.round(cpu.get(String(i.url)) ?? 0),
        }))
        .sort((x, y) => y.kib - x.kib);
    })(),
    a11yFailures: Object.values(lhr.audits)
      .filter((a) => a11yIds.has(a.id) && a.score !== null && a.score < 1)
      .map((a) => a.id),
  };
}

async function main() {
  const app = process.env.BENCH_URL ? { url: process.env.BENCH_URL.replace(/\/$/, ""), stop: async () => {} } : await startApp();
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  let failed = false;
  try {
    const cookie = await signIn(app.url);
    chrome = await chromeLauncher.launch({
      chromePath: CHROME_PATH,
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
    });
    const report: Record<string, unknown>[] = [];
    // BENCH_ONLY=/status/acme measures one page (while working on it).
    for (const page of PAGES.filter((p) => !process.env.BENCH_ONLY || p.path === process.env.BENCH_ONLY)) {
      let url = `${app.url}${page.path}`;
      // One plain request first: it says whether the page exists and warms the server's caches.
      let probe = await fetch(url, { headers: { cookie }, redirect: "manual" });
      const location = probe.headers.get("location");
      if (probe.status >= 300 && probe.status < 400 && location) {
        url = new URL(location, url).toString();
        probe = await fetch(url, { headers: { cookie }, redirect: "manual" });
      }
      if (probe.status !== 200) {
        console.log(`[bench] ${page.path}: HTTP ${probe.status}, not measured`);
        report.push({ path: page.path, status: probe.status, measured: false });
        continue;
      }
      const warmups: RunResult[] = [];
      for (let i = 0; i < WARMUP; i++) {
        const r = await audit(url, chrome.port, cookie);
        warmups.push(r);
        console.log(`[bench] ${page.path} warm-up (not counted): performance ${r.performance}, LCP ${Math.round(r.lcpMs)} ms, TBT ${Math.round(r.tbtMs)} ms`);
      }
      const runs: RunResult[] = [];
      const cpuAtStart = cpuTimes();
      for (let i = 0; i < RUNS; i++) {
        const r = await audit(url, chrome.port, cookie);
        runs.push(r);
        console.log(
          `[bench] ${page.path} run ${i + 1}/${RUNS}: performance ${r.performance}, accessibility ${r.accessibility}, LCP ${Math.round(r.lcpMs)} ms, TBT ${Math.round(r.tbtMs)} ms, CLS ${r.cls.toFixed(3)}`,
        );
      }
      const m = {
        performance: median(runs.map((r) => r.performance)),
        accessibility: median(runs.map((r) => r.accessibility)),
        lcpMs: Math.round(median(runs.map((r) => r.lcpMs))),
        tbtMs: Math.round(median(runs.map((r) => r.tbtMs))),
        cls: Number(median(runs.map((r) => r.cls)).toFixed(3)),
        fcpMs: Math.round(median(runs.map((r) => r.fcpMs))),
        kb: Math.round(median(runs.map((r) => r.bytes)) / 1024),
      };
      const stealPct = stealSince(cpuAtStart);
      const met =
        m.performance >= page.targets.performance &&
        m.accessibility >= page.targets.accessibility &&
        (page.targets.cls === undefined || m.cls <= page.targets.cls);
      if (!met) failed = true;
      const a11yFailures = [...new Set(runs.flatMap((r) => r.a11yFailures))];
      console.log(
        `[bench] ${page.path} median of ${RUNS}: performance ${m.performance} (target ${page.targets.performance}), accessibility ${m.accessibility} (target ${page.targets.accessibility}), LCP ${m.lcpMs} ms, TBT ${m.tbtMs} ms, CLS ${m.cls}, FCP ${m.fcpMs} ms, ${m.kb} KiB, CPU steal ${stealPct ?? "n/a"}%${met ? "" : "  << TARGET MISSED"}`,
      );
      const last = runs[runs.length - 1]!;
      console.log(
        `[bench] ${page.path} LCP element: ${last.lcpElement ?? "unknown"}; unthrottled FCP ${last.observedFcpMs} ms, LCP ${last.observedLcpMs} ms, server response ${last.serverMs} ms`,
      );
      console.log(`[bench] ${page.path} scripts: ${last.scripts.map((x) => `${x.url.split("/").pop()} ${x.kib} KiB/${x.cpuMs} ms`).join(", ")}`);
      if (a11yFailures.length) console.log(`[bench] ${page.path} accessibility audits not passed: ${a11yFailures.join(", ")}`);
      report.push({ path: page.path, status: 200, measured: true, targets: page.targets, met, median: m, stealPct, a11yFailures, runs, warmups });
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    const out = join(ARTIFACTS, `lighthouse-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    const body = {
      at: new Date().toISOString(),
      url: app.url,
      runs: RUNS,
      warmupRuns: WARMUP,
      lighthouse: "mobile defaults (simulated throttling)",
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memGiB: Math.round(totalmem() / 2 ** 30), loadavg: loadavg() },
      pages: report,
    };
    writeFileSync(out, JSON.stringify(body, null, 2));
    writeFileSync(join(ARTIFACTS, "lighthouse.json"), JSON.stringify(body, null, 2));
    console.log(`[bench] wrote ${out}`);
  } finally {
    await chrome?.kill();
    await app.stop();
  }
  if (failed) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
