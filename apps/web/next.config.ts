import { fileURLToPath } from "node:url";

import type { NextConfig } from "next";

/**
 * Headers every response carries, pages and API alike. HSTS and the per-page CSP (with its nonce)
 * are set at request time by src/proxy.ts; `next start` loads this file without the app's modules.
 */
const SECURITY_HEADERS = [
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

// The monorepo root, so Turbopack resolves the workspace packages' symlinks from one place.
const root = fileURLToPath(new URL("../..", import.meta.url));

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ["@tandem/api", "@tandem/auth", "@tandem/db", "@tandem/domain", "@tandem/realtime-contract", "@tandem/ui"],
  // Native or file-reading modules stay in node_modules instead of being bundled.
  // rate-limiter-flexible imports drizzle-orm by a computed name, which only Node itself resolves;
  // prom-client keeps its state in the module, which must be one copy for the whole server.
  serverExternalPackages: ["pg", "@node-rs/argon2", "@electric-sql/pglite", "rate-limiter-flexible", "prom-client"],
  turbopack: {
    root,
  },
  outputFileTracingRoot: root,
  // PROBE_SOURCEMAPS=1 ships source maps, to read a browser CPU profile by source file (docs/benchmarks.md).
  productionBrowserSourceMaps: process.env.PROBE_SOURCEMAPS === "1",
  // The service worker must be re-checked on every load, or a fixed one could take a day to reach users.
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/sw.js", headers: [{ key: "Cache-Control", value: "no-cache" }] },
    ];
  },
};

export default nextConfig;
