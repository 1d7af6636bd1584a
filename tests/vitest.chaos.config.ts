import { defineConfig } from "vitest/config";

/**
 * The chaos suite (`pnpm test:chaos`; CHAOS=reduced for the short run): real realtime processes,
 * Redis and PostgreSQL on loopback, broken on purpose. Not part of `npm test`.
 */
export default defineConfig({
  test: {
    include: ["chaos/**/*.test.ts"],
    testTimeout: 20 * 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    fileParallelism: false,
    // The API's warnings about pokes to a node that is down are expected here by the thousand.
    env: { LOG_LEVEL: "error" },
  },
});
