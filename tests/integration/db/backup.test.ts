import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { generateLogSigningKeyPem } from "@tandem/db/log";
import { afterAll, describe, expect, it } from "vitest";

import { DB_KINDS, type DbKind } from "../support/db";
import { createPgDatabase, type Source, startEmbedded, tableCounts, tandem, writeHistory } from "./backup-support";

const keyPem = generateLogSigningKeyPem();

/** How each kind starts, is wiped and is restored into; the test itself is the same for both. */
interface Instance {
  source: () => Promise<Source>;
  wipe: (s: Source) => Promise<void>;
  /** An empty target: the CLI's environment for it, and how to open it once restored. */
  target: () => Promise<{ env: Record<string, string>; keyDir: string; open: () => Promise<Source> }>;
}

const dirs: string[] = [];
const tmp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const INSTANCES: Record<DbKind, () => Instance> = {
  pglite: () => {
    const dataDir = tmp("tandem-bk-src-");
    return {
      source: () => startEmbedded(dataDir),
      wipe: async (s) => {
        await s.close();
        rmSync(join(dataDir, "pglite"), { recursive: true, force: true });
      },
      target: async () => ({
        // The wiped instance's own data directory, now empty; no signing key is configured there.
        env: { TANDEM_DATA_DIR: dataDir },
        keyDir: dataDir,
        open: () => startEmbedded(dataDir),
      }),
    };
  },
  postgres: () => ({
    source: () => createPgDatabase(),
    wipe: async (s) => {
      await s.close();
      await (s as Awaited<ReturnType<typeof createPgDatabase>>).drop();
    },
    target: async () => {
      const empty = await createPgDatabase({ migrate: false });
      const keyDir = tmp("tandem-bk-keys-");
      return { env: { ...empty.env, TANDEM_DATA_DIR: keyDir }, keyDir, open: async () => empty };
    },
  }),
};

describe.each(DB_KINDS)("pnpm tandem backup and restore on %s", (kind) => {
  const instance = INSTANCES[kind]();
  const opened: Source[] = [];
  afterAll(async () => {
    for (const s of opened) {
      await s.close().catch(() => {});
      if ("drop" in s && typeof s.drop === "function") await s.drop();
    }
  });

  it("restores a wiped instance with every row, and its log verifies against a checkpoint taken before the backup", { timeout: 240_000 }, async () => {
    const source = await instance.source();
    const { checkpoint, slug } = await writeHistory(source.db, keyPem, kind);
    const before = await tableCounts(source.pool);
    expect(before.log_entry).toBeGreaterThan(220);
    expect(before.log_checkpoint).toBeGreaterThanOrEqual(3); // the download and the writer's every-100 cuts
    const file = join(tmp("tandem-bk-file-"), "tandem.backup");

    const backedUp = await tandem(["backup", file], { ...source.env, TANDEM_LOG_SIGNING_KEY: keyPem });
    expect(backedUp.out).toMatch(/backed up the .* database/);
    expect(backedUp.out).toMatch(/public half included/);
    expect(backedUp.code).toBe(0);

    await instance.wipe(source);
    const target = await instance.target();
    const restored = await tandem(["restore", file], target.env);
    expect(restored.out).toMatch(/every table's count as backed up/);
    expect(restored.code).toBe(0);

    const back = await target.open();
    opened.push(back);
    expect(await tableCounts(back.pool)).toEqual(before);

    const cpFile = join(tmp("tandem-bk-cp-"), "checkpoint.json");
    writeFileSync(cpFile, JSON.stringify(checkpoint));
    const verify = (env: Record<string, string>) => tandem(["verify-log", "--checkpoint", cpFile], { ...back.env, ...env });
    // Only the public key the restore left behind: no signing key is configured on the restored instance.
    const withRestoredKey = await verify({ TANDEM_DATA_DIR: target.keyDir });
    expect(withRestoredKey.out).toMatch(new RegExp(`ok {4}${slug}: \\d+ entries, chain verified through #\\d+ \\(\\d+ signed checkpoints\\)`));
    expect(withRestoredKey.code).toBe(0);
    // Restarted on a new signing key, the old checkpoints still verify by the restored key…
    expect((await verify({ TANDEM_DATA_DIR: target.keyDir, TANDEM_LOG_SIGNING_KEY: generateLogSigningKeyPem() })).code).toBe(0);
    // …and without it they cannot: the restored key is what vouches for them.
    const withoutKey = await verify({ TANDEM_DATA_DIR: tmp("tandem-bk-nokey-"), TANDEM_LOG_SIGNING_KEY: generateLogSigningKeyPem() });
    expect(withoutKey.out).toMatch(/FAIL .*has no valid signature from the configured key/);
    expect(withoutKey.code).toBe(1);

    const again = await tandem(["restore", file], target.env);
    expect(again.out).toMatch(/is not empty.*: restore only into an empty/);
    expect(again.code).toBe(1);
  });

  it("takes a consistent snapshot while writes go on: the restored log verifies and matches the counts backed up", { timeout: 240_000 }, async () => {
    const fresh = INSTANCES[kind]();
    const source = await fresh.source();
    opened.push(source);
    await writeHistory(source.db, keyPem, kind);
    let writing = true;
    let written = 0;
    // Pairs of rows, each pair one transaction: a torn snapshot would hold one of a pair alone.
    const client = await source.pool.connect();
    const writer = (async () => {
      while (writing) {
        await client.query("begin");
        await client.query("insert into rate_limit (key, points) values ($1, 1)", [`bk-a-${written}`]);
        await client.query("insert into rate_limit (key, points) values ($1, 1)", [`bk-b-${written}`]);
        await client.query("commit");
        written++;
      }
    })();
    const file = join(tmp("tandem-bk-file-"), "live.backup");
    const backedUp = await tandem(["backup", file], { ...source.env, TANDEM_LOG_SIGNING_KEY: keyPem });
    writing = false;
    await writer;
    client.release();
    expect(backedUp.code).toBe(0);
    expect(written).toBeGreaterThan(0);

    await fresh.wipe(source);
    opened.pop();
    const target = await fresh.target();
    const restored = await tandem(["restore", file], target.env);
    expect(restored.code).toBe(0); // the restore itself holds every count to the manifest's
    const back = await target.open();
    opened.push(back);
    const pairs = await back.pool.query<{ a: number; b: number }>(
      "select count(*) filter (where key like 'bk-a-%')::int as a, count(*) filter (where key like 'bk-b-%')::int as b from rate_limit",
    );
    expect(pairs.rows[0]!.a).toBe(pairs.rows[0]!.b);
    expect(pairs.rows[0]!.a).toBeLessThanOrEqual(written);
    const verify = await tandem(["verify-log"], { ...back.env, TANDEM_DATA_DIR: target.keyDir });
    expect(verify.out).not.toMatch(/FAIL/);
    expect(verify.code).toBe(0);
  });
});
