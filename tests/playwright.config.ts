import { defineConfig, devices } from "@playwright/test";

import { baseURL, E2E, e2eDataDir } from "./e2e/fixtures/env";

// Debian's Chromium (TOOLCHAIN.md: `playwright install` can't download browsers on these machines).
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
  ],
};

const dataDir = e2eDataDir();

const desktop = { ...devices["Desktop Chrome"], launchOptions };
const pixel7 = { ...devices["Pixel 7"], launchOptions };
/** Specs that stop and restart the realtime server: that cuts every open page's live connection. */
const restartsRealtime = /tasks\/realtime-restart\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  // Files run side by side, tests within a file in order. Specs that change data seed a demo
  // workspace of their own (e2e/fixtures/workspace.ts); only read-only specs share /acme.
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".artifacts/playwright.json" }]],
  outputDir: ".artifacts/test-results",
  use: {
    baseURL,
    // A trace keeps DOM snapshots of every step; its screencast would have Chromium paint and
    // encode a frame for every change of every page, which on a two-core machine took most of the
    // CPU the app under test needed. A failure still leaves its screenshot (below).
    trace: { mode: "retain-on-failure", screenshots: false },
    screenshot: "only-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  // The realtime server runs apart from the web app, so specs can stop and restart it.
  globalSetup: "./e2e/fixtures/realtime-server.ts",
  globalTeardown: "./e2e/fixtures/realtime-teardown.ts",
  projects: [
    { name: "desktop", use: desktop, testIgnore: restartsRealtime },
    { name: "pixel7", use: pixel7, testIgnore: restartsRealtime },
    // Restarting the realtime server would disturb whatever runs beside it, so those specs run
    // alone, once everything else is done, one project after the other.
    { name: "desktop-restart", use: desktop, testMatch: restartsRealtime, dependencies: ["desktop", "pixel7"] },
    { name: "pixel7-restart", use: pixel7, testMatch: restartsRealtime, dependencies: ["desktop-restart"] },
  ],
  webServer: {
    command: "node ../scripts/start.mjs --skip-install --no-realtime",
    url: `${baseURL}/sign-in`,
    timeout: 240_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    // start.mjs stops its children (database, realtime, web) on SIGTERM.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: String(E2E.port),
      REALTIME_PORT: String(E2E.realtimePort),
      EMBEDDED_DB_PORT: String(E2E.dbPort),
      TANDEM_DATA_DIR: dataDir,
      AUTH_RATE_LIMIT: "off",
      // Every spec signs up from one address; the other limits stay as shipped.
      RATE_LIMIT_POINTS: "signUp=1000",
      METRICS_TOKEN: E2E.metricsToken,
      BETTER_AUTH_URL: baseURL,
    },
  },
});
