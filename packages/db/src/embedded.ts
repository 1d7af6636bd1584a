import { mkdirSync, rmSync } from "node:fs";
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";

import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketHandler } from "@electric-sql/pglite-socket";

import { serveSnapshots, snapshotPglite, snapshotSocketPath } from "./backup/pglite";
import { ExclusiveQueryQueue } from "./embedded-queue";

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
 * Connections share PGlite's one backend through ExclusiveQueryQueue.
 */
export async function startEmbeddedDb(opts: EmbeddedDbOptions = {}): Promise<EmbeddedDb> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const pglite = await PGlite.create(opts.dataDir ? { dataDir: opts.dataDir } : {});
  const host = opts.host ?? "127.0.0.1";
  const queue = new ExclusiveQueryQueue(pglite);
  const handlers = new Set<PGLiteSocketHandler>();
  const maxConnections = opts.maxConnections ?? 40;

  const sockets = new Set<Socket>();
  const server = createServer((socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    if (handlers.size >= maxConnections) {
      // Refuse as PostgreSQL does (FATAL 53300), rather than leave the client waiting.
      socket.end(tooManyClients(), () => socket.destroy());
      return;
    }
    // The handler types its queue as pglite-socket's class; ours implements the same interface.
    const handler = new PGLiteSocketHandler({ queryQueue: queue as never, closeOnDetach: true });
    handlers.add(handler);
    socket.on("close", () => handlers.delete(handler));
    void handler.attach(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  // `pnpm tandem backup` asks this process for snapshots: it alone may read the files consistently.
  const snapshotPath = opts.dataDir ? snapshotSocketPath(opts.dataDir) : undefined;
  let snapshots: Server | undefined;
  if (snapshotPath) {
    snapshots = await serveSnapshots(snapshotPath, () => queue.whenIdle(() => snapshotPglite(pglite))).catch((err: Error) => {
      console.warn(`[db] backups of the running server are unavailable: cannot listen on ${snapshotPath}: ${err.message}`);
      return undefined;
    });
  }
  return {
    url: `postgres://postgres:postgres@${host}:${port}/postgres?sslmode=disable`,
    port,
    stop: async () => {
      for (const h of handlers) await h.detach(true);
      handlers.clear();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (snapshots) {
        await new Promise<void>((resolve) => snapshots.close(() => resolve()));
        rmSync(snapshotPath!, { force: true });
      }
      await pglite.close();
    },
  };
}

/** A PostgreSQL ErrorResponse: FATAL 53300 "sorry, too many clients already". */
function tooManyClients(): Buffer {
  const fields = Buffer.from("SFATAL\0C53300\0Msorry, too many clients already\0\0", "utf8");
  const head = Buffer.alloc(5);
  head.write("E", 0);
  head.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([head, fields]);
}
