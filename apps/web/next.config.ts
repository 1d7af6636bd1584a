import { fileURLToPath } from "node:url";

import type { NextConfig } from "next";

// The monorepo root, so Turbopack resolves the workspace packages' symlinks from one place.
const root = fileURLToPath(new URL("../..", import.meta.url));

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ["@tandem/api", "@tandem/auth", "@tandem/db", "@tandem/realtime-contract"],
  // Native or file-reading modules stay in node_modules instead of being bundled.
  serverExternalPackages: ["pg", "@node-rs/argon2", "@electric-sql/pglite"],
  turbopack: {
    root,
    resolveAlias: {
      // @tandem/api/validators takes SIDES/ROLES from @tandem/db's index, which also exports the pg
      // client. Forms in the browser need only the enums, so there it resolves to the schema module.
      "@tandem/db": { browser: "@tandem/db/schema" },
    },
  },
  outputFileTracingRoot: root,
};

export default nextConfig;
