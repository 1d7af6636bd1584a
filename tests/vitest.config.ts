import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["integration/**/*.test.ts", "../packages/*/src/**/*.test.ts", "../apps/realtime/src/**/*.test.ts", "../apps/web/src/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    fileParallelism: false,
    reporters: ["default", "json"],
    outputFile: { json: ".artifacts/vitest.json" },
  },
});
