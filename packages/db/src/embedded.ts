import { mkdirSync } from "node:fs";

import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedDb {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

export interface EmbeddedDbOptions {
  /** Directory for the data files; `undefined` keeps everything in memory (tests). */
  dataDir?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Must cover the sum of every connecting process's pool size. */
  maxConnections?: number;
}

/**
 * PGlite served over the Postgres wire protocol on loopback, so that web, realtime and
 * the CLIs all speak plain Postgres to a URL — the same code path as a real server.
 */
export async function startEmbeddedDb(opts: EmbeddedDbOptions = {}): Promise<EmbeddedDb> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const pglite = await PGlite.create(opts.dataDir ? { dataDir: opts.dataDir } : {});
  const host = opts.host ?? "127.0.0.1";
  const server = new PGLiteSocketServer({
    db: pglite,
    host,
    port: opts.port ?? 0,
    maxConnections: opts.maxConnections ?? 40,
  });
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  return {
    url: `postgres://postgres:postgres@${host}:${port}/postgres?sslmode=disable`,
    port,
    stop: async () => {
      await server.stop();
      await pglite.close();
    },
  };
}
