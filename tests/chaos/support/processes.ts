/** The real processes a chaos scenario runs and breaks: realtime nodes and a Redis of its own. */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

import { TEST_BASE_URL } from "../../integration/support/auth";

export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
export const INTERNAL_SECRET = "chaos-internal-secret-0123456789abcdef";
/** All clients share 127.0.0.1, and every kill makes hundreds of them connect again. */
const RATE_LIMIT_POINTS = "socketConnect=100000,socketConnectByIp=100000";
/** Enough of a process's output to say why it failed, without keeping a run's worth of log lines. */
const OUTPUT_KEEP = 64 * 1024;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });

/** Every process a scenario started, so cleanup can end them all even after a failure. */
const started = new Set<ChildProcess>();

/** A child in a process group of its own: tsx runs node as a child, and a kill must reach both. */
function spawnGroup(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  started.add(child);
  child.once("exit", () => started.delete(child));
  let out = "";
  const keep = (chunk: Buffer) => {
    out += chunk;
    if (out.length > OUTPUT_KEEP * 2) out = out.slice(-OUTPUT_KEEP);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  return { child, output: () => out };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once("exit", () => resolve()));

async function waitFor(what: string, ok: () => boolean | Promise<boolean>, timeoutMs: number, output: () => string) {
  const until = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > until) throw new Error(`${what} within ${timeoutMs} ms:\n${output().slice(-4_000)}`);
    await sleep(50);
  }
}

/** Ends every process still running (SIGKILL to each group): for afterAll and finally blocks. */
export async function killAll() {
  const all = [...started];
  for (const child of all) killGroup(child, "SIGKILL");
  await Promise.all(all.map(exited));
}

export interface RealtimeNode {
  name: string;
  port: number;
  url: string;
  /** Starts the process (again) on the node's port and resolves once it listens. */
  start: () => Promise<void>;
  /** kill -9 of the whole process group; resolves once it has exited. */
  kill9: () => Promise<void>;
  /** SIGTERM, as an orchestrator stops a node; SIGKILL if it has not exited after 12 s. */
  stop: () => Promise<void>;
  output: () => string;
}

/** A realtime node as `npm start` runs it (tsx apps/realtime/src/index.ts), on a fixed port across restarts. */
export function realtimeNode(name: string, port: number, { databaseUrl, redisUrl }: { databaseUrl: string; redisUrl: string }): RealtimeNode {
  let current: ReturnType<typeof spawnGroup> | null = null;
  const env = {
    ...process.env,
    REALTIME_PORT: String(port),
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REALTIME_LOG_LISTEN: "on",
    REALTIME_INTERNAL_SECRET: INTERNAL_SECRET,
    BETTER_AUTH_SECRET: "integration-test-secret-0123456789abcdef",
    BETTER_AUTH_URL: TEST_BASE_URL,
    RATE_LIMIT_POINTS,
    NODE_ENV: "test",
    LOG_LEVEL: "info",
  };
  const output = () => current?.output() ?? "";
  return {
    name,
    port,
    url: `http://127.0.0.1:${port}`,
    output,
    async start() {
      if (current && current.child.exitCode === null && current.child.signalCode === null) throw new Error(`${name} is running already`);
      current = spawnGroup(`${ROOT}/node_modules/.bin/tsx`, ["apps/realtime/src/index.ts"], env);
      const child = current.child;
      await waitFor(
        `realtime ${name} did not start`,
        () => {
          if (child.exitCode !== null) throw new Error(`realtime ${name} exited with ${child.exitCode}:\n${output().slice(-4_000)}`);
          return output().includes("listening on");
        },
        30_000,
        output,
      );
    },
    async kill9() {
      if (!current) return;
      killGroup(current.child, "SIGKILL");
      await exited(current.child);
    },
    async stop() {
      if (!current) return;
      const child = current.child;
      killGroup(child, "SIGTERM");
      const timer = setTimeout(() => killGroup(child, "SIGKILL"), 12_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}

export interface RedisServer {
  url: string;
  start: () => Promise<void>;
  /** kill -9: the nodes lose Redis the way they would if its host died. */
  kill9: () => Promise<void>;
}

/** A redis-server of the scenario's own (never the shared test Redis), empty and without persistence. */
export function redisServer(port: number): RedisServer {
  let current: ReturnType<typeof spawnGroup> | null = null;
  return {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      current = spawnGroup("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], process.env);
      const child = current.child;
      const output = current.output;
      await waitFor(
        "redis-server did not start",
        () => {
          if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}:\n${output()}`);
          return output().includes("Ready to accept connections");
        },
        10_000,
        output,
      );
    },
    async kill9() {
      if (!current) return;
      killGroup(current.child, "SIGKILL");
      await exited(current.child);
    },
  };
}
