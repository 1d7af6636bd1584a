import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

import { eq } from "drizzle-orm";

import type { Database } from "../client";
import { verifyWorkspaceLog, type SignedCheckpoint, type VerifyResult } from "../log";
import { listCheckpoints } from "../queries/log";
import { workspace } from "../schema";

export interface VerifyLogArgs {
  workspaceSlug?: string;
  checkpointFile?: string;
  publicKeyPem?: string | string[];
}

export interface VerifyLogReport {
  ok: boolean;
  lines: string[];
  results: (VerifyResult & { slug: string })[];
}

/** Reads a downloaded checkpoint file (one checkpoint, or an array of them). */
export function readCheckpointFile(path: string): SignedCheckpoint[] {
  const parsed: unknown = JSON.parse(readFileSync(resolve(path), "utf8"));
  const list = Array.isArray(parsed) ? parsed : [parsed];
  for (const c of list) {
    const cp = c as Partial<SignedCheckpoint>;
    if (
      typeof cp.workspaceId !== "string" ||
      typeof cp.seq !== "number" ||
      typeof cp.hash !== "string" ||
      typeof cp.signature !== "string" ||
      typeof cp.keyId !== "string" ||
      typeof cp.createdAt !== "string"
    ) {
      throw new Error(`${path} is not a Tandem checkpoint file`);
    }
  }
  return list as SignedCheckpoint[];
}

/** Verifies every workspace's log (or one), each against its stored checkpoints and any given file. */
export async function verifyLogs(db: Database, args: VerifyLogArgs): Promise<VerifyLogReport> {
  const spaces = await db
    .select({ id: workspace.id, slug: workspace.slug })
    .from(workspace)
    .where(args.workspaceSlug ? eq(workspace.slug, args.workspaceSlug) : undefined)
    .orderBy(workspace.slug);
  if (args.workspaceSlug && spaces.length === 0) return { ok: false, lines: [`no workspace "${args.workspaceSlug}"`], results: [] };
  const fromFile = args.checkpointFile ? readCheckpointFile(args.checkpointFile) : [];
  const lines: string[] = [];
  const results: VerifyLogReport["results"] = [];
  for (const ws of spaces) {
    const stored = (await listCheckpoints(db, ws.id)).map((c) => ({ ...c, createdAt: c.createdAt.toISOString() }));
    const checkpoints = [...stored, ...fromFile.filter((c) => c.workspaceId === ws.id)];
    const r = await verifyWorkspaceLog(db, ws.id, { checkpoints, publicKeyPem: args.publicKeyPem });
    results.push({ ...r, slug: ws.slug });
    lines.push(
      r.ok
        ? `ok    ${ws.slug}: ${r.entries} entries, chain verified through #${r.verifiedThrough} (${checkpoints.length} signed checkpoint${checkpoints.length === 1 ? "" : "s"})`
        : `FAIL  ${ws.slug}: first bad entry #${r.problem!.seq} — ${r.problem!.message}`,
    );
  }
  if (fromFile.length > 0 && !fromFile.some((c) => spaces.some((s) => s.id === c.workspaceId))) {
    lines.push("FAIL  the checkpoint file names no workspace in this database");
    return { ok: false, lines, results };
  }
  return { ok: results.every((r) => r.ok), lines, results };
}

export function parseArgs(argv: string[]): VerifyLogArgs & { help?: boolean } {
  const out: VerifyLogArgs & { help?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--workspace" || a === "-w") out.workspaceSlug = argv[++i];
    else if (a === "--checkpoint" || a === "-c") out.checkpointFile = argv[++i];
    else if (a === "--help" || a === "-h") out.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (out.checkpointFile && !existsSync(out.checkpointFile)) throw new Error(`no such file: ${out.checkpointFile}`);
  return out;
}
