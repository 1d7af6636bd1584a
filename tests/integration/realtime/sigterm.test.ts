import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

import type { Auth } from "@tandem/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestAuth, signUpUser, TEST_BASE_URL, type TestUser } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";
import { Clients, makeWorkspace, uniqueEmail } from "./harness";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** Every process started, so none outlives a failed test. */
const started: ChildProcess[] = [];

/** The real realtime server, as `npm start` runs it: its own process, the test's database. */
async function startProcess(db: TestDb, port: number) {
  // tsx runs node as a child: its own process group, so a kill reaches both.
  const child = spawn(`${ROOT}/node_modules/.bin/tsx`, ["apps/realtime/src/index.ts"], {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      REALTIME_PORT: String(port),
      DATABASE_URL: db.url,
      BETTER_AUTH_SECRET: "integration-test-secret-0123456789abcdef",
      BETTER_AUTH_URL: TEST_BASE_URL,
      REALTIME_LOG_LISTEN: db.kind === "postgres" ? "on" : "off",
      NODE_ENV: "test",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let out = "";
  child.stdout!.on("data", (c) => (out += c));
  child.stderr!.on("data", (c) => (out += c));
  const until = Date.now() + 30_000;
  while (!out.includes("listening on")) {
    if (Date.now() > until || child.exitCode !== null) {
      // Never left running behind a failed test.
      killGroup(child, "SIGKILL");
      throw new Error(`realtime did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, url: `http://127.0.0.1:${port}`, output: () => out };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // Already gone.
  }
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

describe.each(DB_KINDS)("the realtime process on SIGTERM against %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let ada: TestUser;
  const clients = new Clients();

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    ada = await signUpUser(auth, { name: "Ada", email: uniqueEmail("ada") });
    await makeWorkspace(t.db, ada.userId, "it");
  });
  afterAll(async () => {
    for (const child of started) if (child.exitCode === null) killGroup(child, "SIGKILL");
    clients.closeAll();
    await t?.close();
  });

  it("lets its clients go so they reconnect (not a final disconnect), says why in its log, and exits 0", async () => {
    const port = await freePort();
    const node = await startProcess(t, port);
    const { client } = await clients.connect({ url: node.url } as never, { cookie: ada.cookie, reconnect: true });
    expect((await fetch(`${node.url}/health/ready`)).status).toBe(200);

    const reason = new Promise<string>((resolve) => client.once("disconnect", (r) => resolve(r)));
    const exit = exited(node.child);
    killGroup(node.child, "SIGTERM");
    // A transport close, which socket.io clients answer by reconnecting; "io server disconnect" would be final.
    expect(await reason).toBe("transport close");
    expect(await exit).toBe(0);
    expect(node.output()).toMatch(/"msg":"closing".*"signal":"SIGTERM"|"signal":"SIGTERM".*"msg":"closing"/);

    // Another node on the same address: the same client comes back by itself.
    const again = await startProcess(t, port);
    await new Promise<void>((resolve) => (client.connected ? resolve() : client.once("connect", () => resolve())));
    expect(client.connected).toBe(true);
    const stopped = exited(again.child);
    killGroup(again.child, "SIGTERM");
    expect(await stopped).toBe(0);
  }, 60_000);
});
