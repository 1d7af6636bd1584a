// Embedded (PGlite) backups are PGlite's own dump of its data directory (dumpDataDir), taken by
// the process that has the directory open. Tried here and rejected: pg_dump through the socket
// server (the client tools here are PostgreSQL 15 and PGlite 0.5 is PostgreSQL 18: pg_dump refuses
// a newer server), and @electric-sql/pglite-tools' WASM pg_dump (it must run in the process that
// holds the PGlite instance, calls it synchronously, and pins another PGlite release). Copying the
// files from outside would race the running server. So the server answers snapshot requests on
// a Unix socket beside its data directory (reachable only by who can read that directory), and
// the CLI opens the directory itself when no server runs.
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect, createConnection, createServer, type Server } from "node:net";
import { join } from "node:path";

import { PGlite } from "@electric-sql/pglite";

import type { OpenedBackup } from "./archive";
import { countDifferences, countRows } from "./tables";

export const PGLITE_PAYLOAD = "pglite-datadir.tar";

export interface PgliteSnapshot {
  datadir: Uint8Array;
  tables: Record<string, number>;
  serverVersion: string;
}

/** Where a running embedded server takes snapshot requests for the data directory `dataDir`. */
export const snapshotSocketPath = (dataDir: string) => `${dataDir}.backup.sock`;

/**
 * Counts rows, checkpoints (so the data files hold every committed page) and dumps the data
 * directory. Call it with the backend to itself (ExclusiveQueryQueue.whenIdle): no transaction
 * is open, so the counts and the files are one consistent state.
 */
export async function snapshotPglite(pglite: PGlite): Promise<PgliteSnapshot> {
  const tables = await countRows((sql) => pglite.query(sql));
  const version = await pglite.query<{ v: string }>("select current_setting('server_version') as v");
  await pglite.exec("checkpoint");
  const blob = await pglite.dumpDataDir("none");
  return { datadir: new Uint8Array(await blob.arrayBuffer()), tables, serverVersion: version.rows[0]!.v };
}

/** Serves snapshots on `path`: one request per connection, answered with a JSON line and the tar. */
export async function serveSnapshots(path: string, take: () => Promise<PgliteSnapshot>): Promise<Server> {
  rmSync(path, { force: true }); // a socket file left by a server that did not stop cleanly
  const server = createServer((socket) => {
    socket.on("error", () => socket.destroy());
    take().then(
      (s) => {
        socket.write(`${JSON.stringify({ ok: true, bytes: s.datadir.length, tables: s.tables, serverVersion: s.serverVersion })}\n`);
        socket.end(s.datadir);
      },
      (err: unknown) => socket.end(`${JSON.stringify({ ok: false, error: (err as Error).message })}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600); // whoever may connect gets the whole database
  return server;
}

const parseHeader = (line: string) =>
  JSON.parse(line) as { ok: true; bytes: number; tables: Record<string, number>; serverVersion: string } | { ok: false; error: string };

/** Asks a running server for a snapshot; `null` when no server listens on the socket. */
function requestSnapshot(path: string): Promise<PgliteSnapshot | null> {
  return new Promise((resolve, reject) => {
    if (!existsSync(path)) return resolve(null);
    const chunks: Buffer[] = [];
    let answered = false;
    const socket = connect(path);
    socket.on("data", (d: Buffer) => {
      answered = true;
      chunks.push(d);
    });
    socket.on("error", (err: NodeJS.ErrnoException) => (!answered && (err.code === "ECONNREFUSED" || err.code === "ENOENT") ? resolve(null) : reject(err)));
    socket.on("end", () => {
      const all = Buffer.concat(chunks);
      const nl = all.indexOf(10);
      if (nl < 0) return reject(new Error("the embedded server closed the snapshot connection without an answer"));
      const head = parseHeader(all.subarray(0, nl).toString("utf8"));
      if (!head.ok) return reject(new Error(`the embedded server could not take a snapshot: ${head.error}`));
      const datadir = all.subarray(nl + 1);
      if (datadir.length !== head.bytes) return reject(new Error(`the snapshot was cut off: ${datadir.length} of ${head.bytes} bytes arrived`));
      resolve({ datadir, tables: head.tables, serverVersion: head.serverVersion });
    });
  });
}

/** True when something accepts connections on the loopback port (the embedded server's). */
function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createConnection({ host: "127.0.0.1", port });
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });
}

const isEmptyDir = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

export async function backupPglite(dataDir: string, port: number, workDir: string) {
  let snapshot = await requestSnapshot(snapshotSocketPath(dataDir));
  if (!snapshot) {
    if (await portAnswers(port)) {
      throw new Error(
        `a server answers on the embedded database port ${port} but not on ${snapshotSocketPath(dataDir)}: is TANDEM_DATA_DIR the one it runs with? Copying its files from outside would not be consistent`,
      );
    }
    if (!existsSync(join(dataDir, "PG_VERSION")))
      throw new Error(`there is no embedded database in ${dataDir}: set TANDEM_DATA_DIR, or DATABASE_URL for PostgreSQL`);
    // No server runs: the directory is ours alone while we read it.
    const pglite = await PGlite.create({ dataDir });
    try {
      snapshot = await snapshotPglite(pglite);
    } finally {
      await pglite.close();
    }
  }
  const payloadPath = join(workDir, PGLITE_PAYLOAD);
  writeFileSync(payloadPath, snapshot.datadir);
  return { payloadPath, serverVersion: snapshot.serverVersion, tables: snapshot.tables };
}

export async function restorePglite(dataDir: string, backup: OpenedBackup): Promise<Record<string, number>> {
  if (!isEmptyDir(dataDir)) {
    throw new Error(
      `the data directory ${dataDir} is not empty: restore only into an empty one (set TANDEM_DATA_DIR to a new directory, or move this one away)`,
    );
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({ dataDir, loadDataDir: new Blob([readFileSync(backup.payloadPath)]) });
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`PGlite could not open the backed-up data directory (taken from PostgreSQL ${backup.manifest.serverVersion}): ${(err as Error).message}`);
  }
  try {
    const restored = await countRows((sql) => pglite.query(sql));
    const diff = countDifferences(backup.manifest.tables, restored);
    if (diff.length === 0) return restored;
    await pglite.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`the restored database differs from the backup, so it was removed again: ${diff.join("; ")}`);
  } finally {
    if (!pglite.closed) await pglite.close();
  }
}
