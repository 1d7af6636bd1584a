// `pnpm tandem backup <file>` and `pnpm tandem restore <file>`: the embedded database when
// DATABASE_URL is unset (as `npm start` runs it), else PostgreSQL.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

import { BackupFileError, openBackup, writeBackup, type BackupKind } from "../backup/archive";
import { backupPglite, restorePglite } from "../backup/pglite";
import { backupPostgres, restorePostgres } from "../backup/postgres";
import { env } from "../env";
import { keyIdOfPem, restoredKeyFile, signingPublicKeyPem } from "./keys";

export const BACKUP_USAGE = `usage: pnpm tandem backup <file>
       pnpm tandem restore <file>

backup writes a consistent snapshot of the running instance to <file> (a new file): PostgreSQL
at DATABASE_URL through pg_dump, else the embedded database in TANDEM_DATA_DIR. It holds the
log signing key's public half, never the private key.
restore loads <file> into an empty database (DATABASE_URL) or an empty TANDEM_DATA_DIR/pglite,
and leaves the public key in TANDEM_DATA_DIR, so verify-log can check the restored checkpoints.
Exits 0 on success, 1 when the file or the target is not fit, 2 on a usage error.`;

const kindHere = (): BackupKind => (env.DATABASE_URL ? "postgres" : "pglite");
const pgliteDir = () => resolve(env.TANDEM_DATA_DIR, "pglite");
const KIND_WORDS: Record<BackupKind, string> = { postgres: "PostgreSQL", pglite: "embedded (PGlite)" };
const total = (tables: Record<string, number>) => Object.values(tables).reduce((a, b) => a + b, 0);

export async function backup(file: string): Promise<string[]> {
  const target = resolve(file);
  if (existsSync(target)) throw new BackupFileError(`${file} already exists: choose a new file name (a backup never overwrites one)`);
  mkdirSync(dirname(target), { recursive: true });
  // Beside the target, so the payload is moved into the archive rather than copied across disks.
  const work = mkdtempSync(join(dirname(target), ".tandem-backup-"));
  try {
    const kind = kindHere();
    const taken = kind === "postgres" ? await backupPostgres(env.DATABASE_URL!, work) : await backupPglite(pgliteDir(), env.EMBEDDED_DB_PORT, work);
    const publicKeyPem = signingPublicKeyPem();
    const manifest = await writeBackup(target, {
      payloadPath: taken.payloadPath,
      publicKeyPem,
      manifest: {
        kind,
        createdAt: new Date().toISOString(),
        serverVersion: taken.serverVersion,
        tables: taken.tables,
        logSigningKey: publicKeyPem ? { keyId: keyIdOfPem(publicKeyPem), file: "log-signing-key.pub.pem" } : null,
      },
    });
    return [
      `backed up the ${KIND_WORDS[kind]} database (${manifest.serverVersion}) to ${file}: ${Object.keys(manifest.tables).length} tables, ${total(manifest.tables)} rows`,
      manifest.logSigningKey
        ? `log signing key ${manifest.logSigningKey.keyId}: public half included`
        : "warning: no log signing key is configured, so the backup holds none: restored checkpoints can be checked only with a key you kept",
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export async function restore(file: string): Promise<string[]> {
  const work = mkdtempSync(join(tmpdir(), "tandem-restore-"));
  try {
    const opened = await openBackup(file, work);
    const kind = kindHere();
    if (opened.manifest.kind !== kind) {
      throw new BackupFileError(
        kind === "postgres"
          ? `${file} is a backup of an embedded (PGlite) database; it restores only into an embedded data directory: unset DATABASE_URL and set TANDEM_DATA_DIR to an empty directory`
          : `${file} is a backup of a PostgreSQL database; it restores only into PostgreSQL: set DATABASE_URL to an empty database`,
      );
    }
    const tables = kind === "postgres" ? await restorePostgres(env.DATABASE_URL!, opened) : await restorePglite(pgliteDir(), opened);
    const lines = [
      `restored ${file} (taken ${opened.manifest.createdAt}) into the ${KIND_WORDS[kind]} database: ${total(tables)} rows, every table's count as backed up`,
    ];
    if (opened.manifest.logSigningKey && opened.publicKeyPem) {
      const keyFile = restoredKeyFile(opened.manifest.logSigningKey.keyId);
      mkdirSync(dirname(keyFile), { recursive: true });
      writeFileSync(keyFile, opened.publicKeyPem);
      lines.push(`log signing key ${opened.manifest.logSigningKey.keyId} (public half) saved to ${keyFile}: verify-log trusts it`);
    }
    return lines;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
