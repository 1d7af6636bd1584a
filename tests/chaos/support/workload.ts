/** What a chaos scenario runs against its nodes: a workspace, its followers, a stream of real mutations, and the check. */
import { createCaller, createRealtimeNotifier, createTRPCContext, type RealtimeNotifier } from "@tandem/api";
import type { Database } from "@tandem/db";
import { getLogHead, listLogAfter } from "@tandem/db/queries";

import { createBenchWorkspace, type BenchWorkspace } from "../../load/bench-setup";
import type { LogFollower } from "./log-follower";
import { INTERNAL_SECRET } from "./processes";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** CHAOS=reduced is the short run; CHAOS_CLIENTS and CHAOS_ROUNDS override either. */
export function chaosSize(full: { clients: number; rounds: number }, reduced: { clients: number; rounds: number }) {
  const base = process.env.CHAOS === "reduced" ? reduced : full;
  const int = (name: string, fallback: number) => {
    const n = Number(process.env[name]);
    return Number.isInteger(n) && n > 0 ? n : fallback;
  };
  return { mode: process.env.CHAOS === "reduced" ? "reduced" : "full", clients: int("CHAOS_CLIENTS", base.clients), rounds: int("CHAOS_ROUNDS", base.rounds) };
}

/** The API's notifier, poking every node (each one's poke may fail while it is down: best effort, as in production). */
export function notifierForAll(urls: string[]): RealtimeNotifier {
  const each = urls.map((url) => createRealtimeNotifier({ url, secret: INTERNAL_SECRET }));
  return {
    membershipChanged: async (id, requestId) => void (await Promise.all(each.map((n) => n.membershipChanged(id, requestId)))),
    logAppended: async (id, seq, requestId) => void (await Promise.all(each.map((n) => n.logAppended(id, seq, requestId)))),
  };
}

/** Open sockets one person may hold on one node is 20: enough people that every client fits on one node. */
export const usersFor = (clients: number) => Math.max(4, Math.ceil(clients / 10));

export interface ChaosWorkspace extends BenchWorkspace {
  projectId: string;
}

export async function chaosWorkspace(db: Database, clients: number): Promise<ChaosWorkspace> {
  const ws = await createBenchWorkspace(db, usersFor(clients));
  const caller = createCaller(await createTRPCContext({ headers: ws.cmo.headers, db, auth: ws.auth }));
  const project = await caller.project.create({
    workspaceSlug: ws.slug,
    name: "Chaos project",
    sides: { marketing: { leadId: ws.cmo.memberId }, it: { leadId: ws.cio.memberId } },
  });
  return { ...ws, projectId: project.id };
}

/**
 * task.create through real tRPC callers, `rate` a second with at most 8 in flight, until stopped.
 * Each call is its own request (its own context), as over HTTP.
 */
export function startWriter(db: Database, ws: ChaosWorkspace, realtime: RealtimeNotifier, rate: number) {
  const writers = [ws.cmo, ws.cio];
  let stopped = false;
  let ok = 0;
  const failures: string[] = [];
  let inFlight = 0;
  const flights = new Set<Promise<void>>();
  const loop = (async () => {
    const start = Date.now();
    for (let i = 0; !stopped; i++) {
      await sleep(start + (i * 1000) / rate - Date.now());
      if (stopped) break;
      if (inFlight >= 8) continue;
      inFlight++;
      const who = writers[i % writers.length]!;
      const flight = (async () => {
        try {
          const caller = createCaller(await createTRPCContext({ headers: who.headers, db, auth: ws.auth, realtime }));
          await caller.task.create({ workspaceSlug: ws.slug, projectId: ws.projectId, title: `chaos ${i}`, side: i % 2 ? "it" : "marketing" });
          ok++;
        } catch (err) {
          failures.push(String(err));
        } finally {
          inFlight--;
        }
      })();
      flights.add(flight);
      void flight.finally(() => flights.delete(flight));
    }
  })();
  return {
    get ok() {
      return ok;
    },
    failures,
    /** Stops starting writes and waits for those in flight. */
    async stop() {
      stopped = true;
      await loop;
      await Promise.all([...flights]);
    },
  };
}

/** Resolves once every follower has applied the log up to `seq`, or rejects naming those behind. */
export async function waitCaughtUp(followers: LogFollower[], seq: number, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const behind = followers.filter((f) => f.lastSeq < seq);
    if (behind.length === 0) return;
    if (Date.now() > until) {
      const sample = behind.slice(0, 5).map((f) => `at ${f.lastSeq}, ${f.connected ? `on ${f.url}` : "disconnected"}`);
      throw new Error(`${behind.length} clients did not reach seq ${seq} within ${timeoutMs} ms (e.g. ${sample.join("; ")})`);
    }
    await sleep(100);
  }
}

/** Resolves once `ok` holds, polling; rejects with `what` after timeoutMs. */
export async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await sleep(50);
  }
}

export const headOf = async (db: Database, workspaceId: string) => (await getLogHead(db, workspaceId)).seq;

export interface LogCheck {
  /** Entries the log holds after every follower's start. */
  expected: number;
  /** Entries of the log some follower never applied, summed over followers. */
  lost: number;
  /** Applications of a seq a follower had applied already. */
  duplicated: number;
  /** Applications of a seq lower than the one before it. */
  reordered: number;
  /** Applied entries whose hash is not the log's for that seq (or a seq the log does not have). */
  mismatched: number;
  /** Followers with any of the above. */
  badClients: number;
}

/** Compares what every follower applied with the log in the database, entry by entry. */
export async function checkAgainstLog(db: Database, workspaceId: string, followers: LogFollower[], fromSeq: number): Promise<LogCheck> {
  const log = new Map<number, string>();
  for (let after = fromSeq; ; ) {
    const rows = await listLogAfter(db, { workspaceId, afterSeq: after, limit: 500 });
    for (const r of rows) log.set(r.seq, r.hash);
    if (rows.length < 500) break;
    after = rows.at(-1)!.seq;
  }
  const result: LogCheck = { expected: log.size, lost: 0, duplicated: 0, reordered: 0, mismatched: 0, badClients: 0 };
  for (const f of followers) {
    const seen = new Set<number>();
    let lost = 0;
    let duplicated = 0;
    let reordered = 0;
    let mismatched = 0;
    let prev = -Infinity;
    for (const e of f.applied) {
      if (seen.has(e.seq)) duplicated++;
      if (e.seq <= prev) reordered++;
      if (log.get(e.seq) !== e.hash) mismatched++;
      seen.add(e.seq);
      prev = Math.max(prev, e.seq);
    }
    for (const seq of log.keys()) if (!seen.has(seq)) lost++;
    result.lost += lost;
    result.duplicated += duplicated;
    result.reordered += reordered;
    result.mismatched += mismatched;
    if (lost + duplicated + reordered + mismatched > 0) result.badClients++;
  }
  return result;
}

/** One scenario's results as a small table on stdout. */
export function printTable(title: string, rows: Record<string, string | number>[]) {
  const keys = Object.keys(rows[0] ?? {});
  const width = (k: string) => Math.max(k.length, ...rows.map((r) => String(r[k]).length));
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const out = [
    `\n${title}`,
    line(keys.map((k) => k.padEnd(width(k)))),
    line(keys.map((k) => "-".repeat(width(k)))),
    ...rows.map((r) => line(keys.map((k) => String(r[k]).padStart(width(k))))),
  ];
  console.log(out.join("\n"));
}
