// Shared by start.mjs and test.mjs: find or install pnpm, run commands, manage children.
import { spawn, spawnSync } from "node:child_process";

export const ROOT = new URL("..", import.meta.url).pathname.replace(/\/$/, "");

export function log(msg) {
  console.log(`[tandem] ${msg}`);
}

/** pnpm 10 as a command prefix; installs it with npm when missing (TOOLCHAIN.md: pin 10). */
export function ensurePnpm() {
  const ok = (cmd, args) => spawnSync(cmd, args, { stdio: "ignore" }).status === 0;
  const major = () => {
    const r = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
    return r.status === 0 ? Number(r.stdout.trim().split(".")[0]) : 0;
  };
  if (major() === 10) return ["pnpm"];
  log("installing pnpm 10 with npm");
  if (ok("npm", ["install", "-g", "pnpm@10", "--silent"]) && major() === 10) return ["pnpm"];
  log("global install refused; using npx pnpm@10");
  return ["npx", "-y", "pnpm@10"];
}

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: ROOT, ...opts });
  if (r.status !== 0) {
    throw new Error(`${[cmd, ...args].join(" ")} exited with ${r.status ?? r.signal}`);
  }
}

const children = new Set();

/** Starts a long-running child; resolves when a line of its output matches `ready`. */
export function startService(name, cmd, args, { env, ready, timeoutMs = 120_000 }) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    children.add(child);
    let settled = false;
    const timer = setTimeout(() => {
      if (!settled) reject(new Error(`${name} did not become ready within ${timeoutMs / 1000}s`));
    }, timeoutMs);
    const onLine = (stream) => (chunk) => {
      const text = chunk.toString();
      stream.write(text.replace(/^(?=.)/gm, `[${name}] `));
      if (!settled && ready.test(text)) {
        settled = true;
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout.on("data", onLine(process.stdout));
    child.stderr.on("data", onLine(process.stderr));
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        reject(new Error(`${name} exited before it was ready (${code ?? signal})`));
      } else if (!stopping) {
        log(`${name} stopped (${code ?? signal}); shutting down`);
        stopAll(1);
      }
    });
  });
}

let stopping = false;
export function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const c of children) {
    try {
      process.kill(-c.pid, "SIGTERM");
    } catch {}
  }
  setTimeout(() => process.exit(code), children.size ? 1500 : 0).unref();
  if (children.size === 0) process.exit(code);
}
