import { describe, expect, it } from "vitest";

import { DEV_INTERNAL_SECRET, parseRealtimeEnv } from "@tandem/realtime/config";

const base = { DATABASE_URL: "postgres://localhost/tandem" };

describe("realtime config", () => {
  it("runs on the development secret outside production", () => {
    const res = parseRealtimeEnv(base);
    expect(res.ok && res.config.REALTIME_INTERNAL_SECRET).toBe(DEV_INTERNAL_SECRET);
    expect(parseRealtimeEnv({ ...base, NODE_ENV: "test" }).ok).toBe(true);
  });

  it("refuses to start in production on the development secret, set or defaulted", () => {
    for (const env of [
      { ...base, NODE_ENV: "production" },
      { ...base, NODE_ENV: "production", REALTIME_INTERNAL_SECRET: DEV_INTERNAL_SECRET },
    ]) {
      const res = parseRealtimeEnv(env);
      expect(res.ok).toBe(false);
      expect(!res.ok && res.error).toMatch(/REALTIME_INTERNAL_SECRET .*NODE_ENV=production/);
    }
  });

  it("starts in production with a secret of its own", () => {
    const res = parseRealtimeEnv({ ...base, NODE_ENV: "production", REALTIME_INTERNAL_SECRET: "a".repeat(32), REALTIME_PORT: "4001" });
    expect(res.ok && res.config.REALTIME_PORT).toBe(4001);
  });

  it("names a missing or malformed variable", () => {
    const res = parseRealtimeEnv({ REALTIME_INTERNAL_SECRET: "short" });
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error).toMatch(/DATABASE_URL/);
    expect(!res.ok && res.error).toMatch(/REALTIME_INTERNAL_SECRET/);
  });
});
