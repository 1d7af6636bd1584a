/**
 * Chaos: realtime nodes die with kill -9 while clients follow the log and writes go on.
 * Two node processes share Redis and LISTEN on PostgreSQL; each round kills the node holding the
 * most clients and starts it again on the same port. Every client of the killed node must be
 * connected again (to the other node, or the restarted one) within 5 s, and at the end every
 * client must hold every log entry exactly once, in order, the same as the database's log.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestDb, type TestDb } from "../integration/support/db";
import { LogFollower } from "./support/log-follower";
import { freePort, killAll, realtimeNode, redisServer, type RealtimeNode, type RedisServer } from "./support/processes";
import {
  chaosSize,
  chaosWorkspace,
  checkAgainstLog,
  headOf,
  notifierForAll,
  printTable,
  startWriter,
  until,
  waitCaughtUp,
  type ChaosWorkspace,
} from "./support/workload";

const size = chaosSize({ clients: 500, rounds: 20 }, { clients: 100, rounds: 5 });
const RECONNECT_LIMIT_MS = 5_000;
/** Mutations a second, all through the API, for the whole run. */
const WRITE_RATE = 20;
/** Writes go on between kills for this long, so each kill lands in the middle of the stream. */
const BETWEEN_ROUNDS_MS = 1_500;

interface Round {
  round: number;
  killed: string;
  /** Clients on the killed node, and others that dropped meanwhile (none expected). */
  moved: number;
  alsoDropped: number;
  /** From the kill to each dropped client's next connect. */
  p50Ms: number;
  maxMs: number;
  /** From the kill until every client had every entry committed before it. */
  caughtUpMs: number;
  /** Refused or failed connect attempts (a node still down refuses at once). */
  connectErrors: number;
  /** This process's worst event-loop stall in the round: how much of the time may be the harness's own. */
  harnessStallMs: number;
  writesSoFar: number;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`realtime nodes killed (kill -9), ${size.mode} run`, () => {
  let t: TestDb;
  let redis: RedisServer;
  let nodes: RealtimeNode[] = [];
  let ws: ChaosWorkspace;
  const followers: LogFollower[] = [];

  beforeAll(async () => {
    t = await startTestDb("postgres", { poolMax: 12 });
    redis = redisServer(await freePort());
    await redis.start();
    const portA = await freePort();
    let portB = await freePort();
    while (portB === portA) portB = await freePort();
    nodes = [portA, portB].map((port, i) => realtimeNode(`node ${"AB"[i]}`, port, { databaseUrl: t.url, redisUrl: redis.url }));
    await Promise.all(nodes.map((n) => n.start()));
    ws = await chaosWorkspace(t.db, size.clients);
  }, 180_000);

  afterAll(async () => {
    for (const f of followers) f.close();
    await killAll();
    await t?.close();
  }, 60_000);

  it(
    `keeps ${size.clients} clients' logs whole through ${size.rounds} kills`,
    async () => {
      const urls = nodes.map((n) => n.url);
      const startHead = await headOf(t.db, ws.workspaceId);
      for (let i = 0; i < size.clients; i++) {
        followers.push(new LogFollower({ urls, home: i % 2, cookie: ws.cookies[i % ws.cookies.length]!, workspaceId: ws.workspaceId, headSeq: startHead }));
      }
      // A baseline for the rounds: every client's first handshake, all at once, with nothing killed.
      const openStart = Date.now();
      await Promise.all(followers.map((f) => f.open()));
      const initialConnectMs = Date.now() - openStart;

      const writer = startWriter(t.db, ws, notifierForAll(urls), WRITE_RATE);
      const rounds: Round[] = [];
      const started = Date.now();
      try {
        await sleep(BETWEEN_ROUNDS_MS);
        for (let round = 1; round <= size.rounds; round++) {
          const count = (n: RealtimeNode) => followers.filter((f) => f.url === n.url).length;
          const victim = count(nodes[0]!) >= count(nodes[1]!) ? nodes[0]! : nodes[1]!;
          const onVictim = followers.filter((f) => f.url === victim.url);
          const headAtKill = await headOf(t.db, ws.workspaceId);
          const errorsBefore = followers.reduce((n, f) => n + f.connectErrors, 0);
          const loop = monitorEventLoopDelay({ resolution: 10 });
          loop.enable();
          const killAt = Date.now();
          await victim.kill9();
          const restarted = victim.start();
          const dropped = () => followers.filter((f) => f.disconnects.some((d) => d.at >= killAt));
          // Bounded well past the limit, so a slow round is measured and reported rather than cut off.
          await until(
            `clients of ${victim.name} connected again`,
            // Every client of the dead node must have seen it go before "all back" can mean anything.
            () =>
              onVictim.every((f) => f.disconnects.some((d) => d.at >= killAt)) && dropped().every((f) => f.connected && f.connects.some((c) => c.at >= killAt)),
            30_000,
          ).catch((err: unknown) => {
            throw new Error(`round ${round}: ${String(err)}; still out: ${dropped().filter((f) => !f.connected).length}`);
          });
          // Back on a node, each client fills what it missed while away with log.sync.
          await waitCaughtUp(followers, headAtKill, 30_000);
          const caughtUpMs = Date.now() - killAt;
          await restarted;
          loop.disable();
          const times = dropped().map((f) => (f.connects.find((c) => c.at >= killAt)?.at ?? Number.POSITIVE_INFINITY) - killAt);
          rounds.push({
            round,
            killed: victim.name,
            moved: onVictim.length,
            alsoDropped: dropped().length - onVictim.length,
            p50Ms: percentile(times, 0.5),
            maxMs: Math.max(0, ...times),
            caughtUpMs,
            connectErrors: followers.reduce((n, f) => n + f.connectErrors, 0) - errorsBefore,
            harnessStallMs: Math.round(loop.max / 1e6),
            writesSoFar: writer.ok,
          });
          await sleep(BETWEEN_ROUNDS_MS);
        }
      } finally {
        await writer.stop();
      }
      const finalHead = await headOf(t.db, ws.workspaceId);
      await waitCaughtUp(followers, finalHead, 60_000);
      const check = await checkAgainstLog(t.db, ws.workspaceId, followers, startHead);
      const maxReconnectMs = Math.max(...rounds.map((r) => r.maxMs));

      printTable(
        `realtime killed — per round (${size.mode})`,
        rounds.map((r) => ({
          ...r,
          p50Ms: `${r.p50Ms} ms`,
          maxMs: `${r.maxMs} ms`,
          caughtUpMs: `${r.caughtUpMs} ms`,
          harnessStallMs: `${r.harnessStallMs} ms`,
        })),
      );
      printTable(`realtime killed — summary (${size.mode}, ${((Date.now() - started) / 1000).toFixed(0)} s of writes and kills)`, [
        {
          rounds: rounds.length,
          clients: followers.length,
          writes: writer.ok,
          "log entries": check.expected,
          lost: check.lost,
          duplicated: check.duplicated,
          reordered: check.reordered,
          "hash mismatch": check.mismatched,
          "max reconnect": `${maxReconnectMs} ms`,
          "first connect, all at once": `${initialConnectMs} ms`,
          "received (pre-dedup)": followers.reduce((n, f) => n + f.received, 0),
        },
      ]);

      expect(writer.failures).toEqual([]);
      expect(rounds).toHaveLength(size.rounds);
      expect(rounds.every((r) => r.moved > 0)).toBe(true);
      expect(followers.reduce((n, f) => n + f.finalDisconnects, 0)).toBe(0);
      expect(check.expected).toBeGreaterThanOrEqual(writer.ok);
      expect({ lost: check.lost, duplicated: check.duplicated, reordered: check.reordered, mismatched: check.mismatched }).toEqual({
        lost: 0,
        duplicated: 0,
        reordered: 0,
        mismatched: 0,
      });
      expect(maxReconnectMs).toBeLessThanOrEqual(RECONNECT_LIMIT_MS);
    },
    20 * 60_000,
  );
});
