import { defineConfig, devices } from "@playwright/test";

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

// A fresh data directory per run, so every run starts from the seeded demo workspace only.
// Set once in the env: worker processes re-read this file and must agree with the server.
process.env.TANDEM_E2E_DATA_DIR ??= `/tmp/tandem-e2e-${Date.now()}`;

const PORT = 3100;
const baseURL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".artifacts/playwright.json" }]],
  outputDir: ".artifacts/test-results",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions } },
    { name: "pixel7", use: { ...devices["Pixel 7"], launchOptions } },
  ],
  webServer: {
    command: "node ../scripts/start.mjs --skip-install",
    url: `${baseURL}/sign-in`,
    timeout: 240_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    // start.mjs stops its children (database, realtime, web) on SIGTERM.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: String(PORT),
      REALTIME_PORT: "3101",
      EMBEDDED_DB_PORT: "5489",
      TANDEM_DATA_DIR: process.env.TANDEM_E2E_DATA_DIR,
      AUTH_RATE_LIMIT: "off",
      BETTER_AUTH_URL: baseURL,
    },
  },
});
