import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPgDatabase, type Source, startEmbedded, tandem } from "./backup-support";

/** Bad files and unfit targets: each is refused with a message that says what to do, exit 1. */
describe("pnpm tandem backup and restore refuse what they cannot do", () => {
  let dir: string;
  let embedded: Source;
  let pgSource: Awaited<ReturnType<typeof createPgDatabase>>;
  let pgliteBackup: string;
  let pgBackup: string;
  const emptyDataDir = () => mkdtempSync(join(dir, "empty-"));
  const emptyDbs: Awaited<ReturnType<typeof createPgDatabase>>[] = [];
  const emptyPg = async () => {
    const db = await createPgDatabase({ migrate: false });
    emptyDbs.push(db);
    return db;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tandem-bk-bad-"));
    embedded = await startEmbedded(join(dir, "source"));
    pgSource = await createPgDatabase();
    pgliteBackup = join(dir, "pglite.backup");
    pgBackup = join(dir, "pg.backup");
    const a = await tandem(["backup", pgliteBackup], embedded.env);
    const b = await tandem(["backup", pgBackup], pgSource.env);
    if (a.code !== 0 || b.code !== 0) throw new Error(`setup backups failed:\n${a.out}\n${b.out}`);
  }, 120_000);
  afterAll(async () => {
    await embedded?.close();
    await pgSource?.close();
    await pgSource?.drop();
    for (const db of emptyDbs) {
      await db.close();
      await db.drop();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  const refused = async (args: string[], env: Record<string, string>, message: RegExp) => {
    const r = await tandem(args, env);
    expect(r.out).toMatch(message);
    expect(r.code).toBe(1);
  };

  it("a missing file", () => refused(["restore", join(dir, "nope.backup")], { TANDEM_DATA_DIR: emptyDataDir() }, /no such file: .*nope\.backup/));

  it("a file that is not a backup at all", async () => {
    const f = join(dir, "notes.txt");
    writeFileSync(f, "these are not the rows you are looking for\n");
    await refused(["restore", f], { TANDEM_DATA_DIR: emptyDataDir() }, /is not a Tandem backup \(it is not a gzip'd tar archive/);
  });

  it("a gzip'd tar that holds no manifest", async () => {
    const inner = join(dir, "inner");
    mkdirSync(inner);
    writeFileSync(join(inner, "hello.txt"), "hello");
    const f = join(dir, "other.tgz");
    execFileSync("tar", ["czf", f, "-C", inner, "hello.txt"]);
    await refused(["restore", f], { TANDEM_DATA_DIR: emptyDataDir() }, /is not a Tandem backup \(it has no manifest\.json\)/);
  });

  it("a truncated backup, of either kind", async () => {
    for (const [name, env] of [
      [pgliteBackup, { TANDEM_DATA_DIR: emptyDataDir() }],
      [pgBackup, (await emptyPg()).env],
    ] as const) {
      const bytes = readFileSync(name);
      const cut = `${name}.cut`;
      writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
      await refused(["restore", cut], env, /is cut off .*: the backup was not copied whole/);
    }
  });

  it("the wrong kind of target: a PGlite backup into PostgreSQL and back", async () => {
    const empty = await emptyPg();
    await refused(["restore", pgliteBackup], empty.env, /is a backup of an embedded \(PGlite\) database; it restores only into an embedded data directory/);
    await refused(["restore", pgBackup], { TANDEM_DATA_DIR: emptyDataDir() }, /is a backup of a PostgreSQL database; it restores only into PostgreSQL/);
  });

  it("a target that is not empty", async () => {
    await refused(["restore", pgBackup], pgSource.env, /the database "tandem_bk_\w+" is not empty \(\d+ tables/);
    await refused(["restore", pgliteBackup], embedded.env, /the data directory .* is not empty/);
  });

  it("a PostgreSQL server newer than pg_dump: the embedded server is PostgreSQL 18", async () => {
    await refused(
      ["backup", join(dir, "newer.backup")],
      { DATABASE_URL: embedded.url },
      /the PostgreSQL server is version 18\.\d+ but pg_dump is 15\.\d+: pg_dump cannot dump a newer server/,
    );
  });

  it("a backup over an existing file, and bad usage", async () => {
    await refused(["backup", pgBackup], pgSource.env, /already exists: choose a new file name/);
    expect((await tandem(["backup"], pgSource.env)).code).toBe(2);
    expect((await tandem(["restore", "a", "b"], pgSource.env)).code).toBe(2);
  });
});
