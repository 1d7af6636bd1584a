/** The benchmark's database, users, workspace and project, built the way the app builds them. */
import { randomBytes } from "node:crypto";

import type { Auth } from "@tandem/auth";
import { createDb, runMigrations, type Database } from "@tandem/db";
import { startEmbeddedDb } from "@tandem/db/embedded";
import { addMember, createWorkspace, listMembers } from "@tandem/db/queries";
import pg from "pg";

import { createTestAuth, signUpUser, type TestUser } from "../integration/support/auth";

export interface BenchDb {
  kind: "pglite" | "postgres";
  url: string;
  /** A pool of its own, as each app process would have. */
  pool: (max: number) => Database;
  close: () => Promise<void>;
}

/**
 * BENCH_DATABASE_URL or TEST_DATABASE_URL (a fresh database on that server), else embedded PGlite;
 * `embedded` asks for PGlite anyway, in memory or, with `dataDir`, on disk as `npm start` runs it.
 */
export async function startBenchDb(opts: { embedded?: boolean; dataDir?: string } = {}): Promise<BenchDb> {
  const serverUrl = opts.embedded ? undefined : (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL);
  const handles: { close: () => Promise<void> }[] = [];
  const poolFor = (url: string) => (max: number) => {
    const h = createDb(url, { max });
    handles.push(h);
    return h.db;
  };
  const closePools = async () => {
    for (const h of handles.splice(0)) await h.close();
  };

  if (!serverUrl) {
    const embedded = await startEmbeddedDb({ maxConnections: 40, dataDir: opts.dataDir });
    await runMigrations(poolFor(embedded.url)(1));
    return {
      kind: "pglite",
      url: embedded.url,
      pool: poolFor(embedded.url),
      close: async () => {
        await closePools();
        await embedded.stop();
      },
    };
  }
  const name = `tandem_bench_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await runMigrations(poolFor(url.toString())(1));
  return {
    kind: "postgres",
    url: url.toString(),
    pool: poolFor(url.toString()),
    close: async () => {
      await closePools();
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export interface BenchWorkspace {
  auth: Auth;
  slug: string;
  workspaceId: string;
  cmo: TestUser & { memberId: string };
  cio: TestUser & { memberId: string };
  /** Every user's session cookie; the clients cycle through them. */
  cookies: string[];
}

/** A workspace led by a CMO and a CIO with `extra` more members, all signed up through better-auth. */
export async function createBenchWorkspace(db: Database, extra: number): Promise<BenchWorkspace> {
  const auth = createTestAuth(db);
  const tag = randomBytes(3).toString("hex");
  const user = (name: string) => signUpUser(auth, { name, email: `${name.toLowerCase().replace(/\W+/g, ".")}.${tag}@bench.test` });
  const cmo = await user("Dana CMO");
  const cio = await user("Ravi CIO");
  const slug = `bench-${tag}`;
  const ws = await db.transaction((tx) => createWorkspace(tx, { slug, name: "Bench", ownerId: cmo.userId, ownerSide: "marketing" }));
  await addMember(db, { workspaceId: ws.id, userId: cio.userId, side: "it", role: "lead" });
  const others: TestUser[] = [];
  for (let i = 1; i <= extra; i++) {
    const u = await user(`Member ${i}`);
    await addMember(db, { workspaceId: ws.id, userId: u.userId, side: i % 2 ? "marketing" : "it", role: "member" });
    others.push(u);
  }
  const members = await listMembers(db, { workspaceId: ws.id });
  const memberId = (userId: string) => members.find((m) => m.userId === userId)!.id;
  return {
    auth,
    slug,
    workspaceId: ws.id,
    cmo: { ...cmo, memberId: memberId(cmo.userId) },
    cio: { ...cio, memberId: memberId(cio.userId) },
    cookies: [cmo, cio, ...others].map((u) => u.cookie),
  };
}
