// The backup file: one gzip'd tar for both kinds of database, holding a manifest, the database
// payload (pg_dump's archive or PGlite's data directory) and the log signing key's public half.
import { createHash } from "node:crypto";
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

import * as tar from "tar";
import { z } from "zod";

export const BACKUP_FORMAT = "tandem-backup";
export const BACKUP_VERSION = 1;
export const PUBLIC_KEY_FILE = "log-signing-key.pub.pem";

const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  kind: z.enum(["pglite", "postgres"]),
  createdAt: z.string(),
  serverVersion: z.string(),
  payload: z.object({ name: z.string().regex(/^[\w.-]+$/), bytes: z.number().int().min(0), sha256: z.string().length(64) }),
  /** Row counts of every table in the public schema, taken in the same snapshot as the payload. */
  tables: z.record(z.string(), z.number().int().min(0)),
  /** The key that signed the log's checkpoints (public half only), or null when none was configured. */
  logSigningKey: z.object({ keyId: z.string(), file: z.literal(PUBLIC_KEY_FILE) }).nullable(),
});

export type BackupManifest = z.infer<typeof manifestSchema>;
export type BackupKind = BackupManifest["kind"];

/** A problem with the backup file itself, as opposed to the database: the CLI reports it as is. */
export class BackupFileError extends Error {}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * Packs `payloadPath` with its manifest into `file`. Written to a side file and renamed at the
 * end, so a backup that is interrupted never leaves behind a file that looks whole.
 */
export async function writeBackup(
  file: string,
  opts: { payloadPath: string; manifest: Omit<BackupManifest, "format" | "version" | "payload">; publicKeyPem?: string },
): Promise<BackupManifest> {
  const target = resolve(file);
  if (existsSync(target)) throw new BackupFileError(`${file} already exists: choose a new file name (a backup never overwrites one)`);
  const staging = `${target}.partial-${process.pid}`;
  mkdirSync(staging, { recursive: true });
  try {
    const name = basename(opts.payloadPath);
    renameSync(opts.payloadPath, join(staging, name));
    const payload = { name, bytes: statSync(join(staging, name)).size, sha256: await sha256File(join(staging, name)) };
    const manifest: BackupManifest = { format: BACKUP_FORMAT, version: BACKUP_VERSION, ...opts.manifest, payload };
    writeFileSync(join(staging, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    const files = ["manifest.json", name];
    if (opts.publicKeyPem) {
      writeFileSync(join(staging, PUBLIC_KEY_FILE), opts.publicKeyPem);
      files.push(PUBLIC_KEY_FILE);
    }
    await tar.c({ gzip: true, file: `${staging}.tgz`, cwd: staging, portable: true }, files);
    renameSync(`${staging}.tgz`, target);
    return manifest;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(`${staging}.tgz`, { force: true });
  }
}

export interface OpenedBackup {
  manifest: BackupManifest;
  payloadPath: string;
  publicKeyPem: string | null;
}

/**
 * Unpacks a backup into `workDir` and checks it whole: a Tandem manifest, and a payload of the
 * size and checksum the manifest recorded (a cut-off or damaged file fails here, not half-way
 * through a restore).
 */
export async function openBackup(file: string, workDir: string): Promise<OpenedBackup> {
  const path = resolve(file);
  if (!existsSync(path)) throw new BackupFileError(`no such file: ${file}`);
  if (!statSync(path).isFile()) throw new BackupFileError(`${file} is not a file`);
  mkdirSync(workDir, { recursive: true });
  try {
    await tar.x({ file: path, cwd: workDir, strict: true, filter: (p) => !p.includes("..") });
  } catch (err) {
    const message = (err as Error).message;
    if (/unexpected end|truncated|TAR_ABORT/i.test(message)) throw new BackupFileError(`${file} is cut off (${message}): the backup was not copied whole`);
    throw new BackupFileError(`${file} is not a Tandem backup (it is not a gzip'd tar archive: ${message})`);
  }
  const manifestPath = join(workDir, "manifest.json");
  if (!existsSync(manifestPath)) throw new BackupFileError(`${file} is not a Tandem backup (it has no manifest.json)`);
  let manifest: BackupManifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(readFileSync(manifestPath, "utf8")));
  } catch (err) {
    throw new BackupFileError(`${file} is not a Tandem backup of a version this Tandem reads (manifest: ${(err as Error).message.split("\n")[0]})`);
  }
  const payloadPath = join(workDir, manifest.payload.name);
  if (!existsSync(payloadPath) || dirname(payloadPath) !== resolve(workDir))
    throw new BackupFileError(`${file} is incomplete: it lacks ${manifest.payload.name}`);
  const bytes = statSync(payloadPath).size;
  if (bytes !== manifest.payload.bytes || (await sha256File(payloadPath)) !== manifest.payload.sha256) {
    throw new BackupFileError(
      `${file} is damaged: ${manifest.payload.name} is ${bytes} bytes, not the ${manifest.payload.bytes} it was written with, or its checksum differs`,
    );
  }
  const keyPath = join(workDir, PUBLIC_KEY_FILE);
  const publicKeyPem = manifest.logSigningKey && existsSync(keyPath) ? readFileSync(keyPath, "utf8") : null;
  if (manifest.logSigningKey && !publicKeyPem) throw new BackupFileError(`${file} is incomplete: it lacks ${PUBLIC_KEY_FILE}`);
  return { manifest, payloadPath, publicKeyPem };
}
