/**
 * Chaos: Redis dies (kill -9) under two realtime nodes while clients follow the log and writes
 * go on, then comes back empty on the same port. Log delivery must not need it: each node hears
 * PostgreSQL's NOTIFY and reads the log itself, so every client still gets every entry exactly
 * once, in order, during the outage and after. Presence across nodes goes through Redis: it is
 * expected to degrade while Redis is away, and must come back once it returns.
 */
import { addMember } from "@tandem/db/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { signUpUser, type TestUser } from "../integration/support/auth";
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

const size = chaosSize({ clients: 500, rounds: 3 }, { clients: 100, rounds: 2 });
const WRITE_RATE = 20;
const OUTAGE_MS = 8_000;
/** Within the outage, every client must have what was committed this long after it began. */
const DELIVERED_BY_MS = 5_000;
/** After Redis is back, presence across nodes must be whole again within this. */
const PRESENCE_BACK_MS = 15_000;
const PRESENCE_ASK_MS = 2_000;
const CONNECT_BATCH = 50;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`Redis lost under two realtime nodes, ${size.mode} run`, () => {
  let t: TestDb;
  let redis: RedisServer;
  let nodes: RealtimeNode[] = [];
  let ws: ChaosWorkspace;
  /** Watches presence from node A; `visitor` comes and goes on node B only. */
  let watcher: TestUser;
  let visitor: TestUser;
  const followers: LogFollower[] = [];
  const probes: LogFollower[] = [];

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
    const person = async (name: string) => {
      const u = await signUpUser(ws.auth, { name, email: `${name.toLowerCase()}.${ws.slug}@chaos.test` });
      await addMember(t.db, { workspaceId: ws.workspaceId, userId: u.userId, side: "it", role: "member" });
      return u;
    };
    watcher = await person("Watcher");
    visitor = await person("Visitor");
  }, 180_000);

  afterAll(async () => {
    for (const f of [...followers, ...probes]) f.close();
    await killAll();
    await t?.close();
  }, 60_000);

  it(
    `keeps ${size.clients} clients' logs whole through ${size.rounds} Redis outages, and presence comes back`,
    async () => {
      const [a, b] = nodes as [RealtimeNode, RealtimeNode];
      const startHead = await headOf(t.db, ws.workspaceId);
      const follower = (url: string, cookie: string) => new LogFollower({ urls: [url], home: 0, cookie, workspaceId: ws.workspaceId, headSeq: startHead });
      for (let i = 0; i < size.clients; i++) followers.push(follower(nodes[i % 2]!.url, ws.cookies[i % ws.cookies.length]!));
      for (let i = 0; i < followers.length; i += CONNECT_BATCH) await Promise.all(followers.slice(i, i + CONNECT_BATCH).map((f) => f.open()));
      const watching = follower(a.url, watcher.cookie);
      probes.push(watching);
      await watching.open();

      /** Whether the watcher, on node A, is told the visitor (on node B) is there; null if presence did not answer. */
      const watcherSeesVisitor = async () => {
        try {
          return (await watching.presenceGet(PRESENCE_ASK_MS)).users.some((u) => u.userId === visitor.userId);
        } catch {
          return null;
        }
      };
      const visit = async () => {
        const v = follower(b.url, visitor.cookie);
        probes.push(v);
        await v.open();
        return v;
      };

      // Before any outage, presence spans the nodes: the check below is able to see it.
      const first = await visit();
      await until("the watcher on node A saw the visitor on node B before any outage", async () => (await watcherSeesVisitor()) === true, PRESENCE_BACK_MS);
      first.close();
      await until("the watcher saw the visitor leave before any outage", async () => (await watcherSeesVisitor()) === false, PRESENCE_BACK_MS);

      const writer = startWriter(t.db, ws, notifierForAll(nodes.map((n) => n.url)), WRITE_RATE);
      const rounds: {
        round: number;
        outage: string;
        presenceDuringOutage: string;
        deliveredDuringOutage: string;
        presenceBackAfter: string;
        writesSoFar: number;
      }[] = [];
      try {
        await sleep(1_500);
        for (let round = 1; round <= size.rounds; round++) {
          const down = Date.now();
          await redis.kill9();
          // Someone arrives on node B while Redis is away.
          const v = await visit();
          await sleep(DELIVERED_BY_MS);
          // What was committed by now reaches every client, on both nodes, with Redis still down.
          const headDuring = await headOf(t.db, ws.workspaceId);
          const asked = Date.now();
          await waitCaughtUp(followers, headDuring, OUTAGE_MS - DELIVERED_BY_MS).catch((err: unknown) => {
            throw new Error(`round ${round}, Redis down: ${String(err)}`);
          });
          const caughtUpMs = Date.now() - asked;
          const during = await watcherSeesVisitor();
          await sleep(Math.max(0, down + OUTAGE_MS - Date.now()));
          const up = Date.now();
          await redis.start();
          await until(
            `round ${round}: the watcher on node A saw the visitor on node B after Redis came back`,
            async () => (await watcherSeesVisitor()) === true,
            PRESENCE_BACK_MS,
          );
          const backMs = Date.now() - up;
          v.close();
          await until(
            `round ${round}: the watcher saw the visitor leave after Redis came back`,
            async () => (await watcherSeesVisitor()) === false,
            PRESENCE_BACK_MS,
          );
          rounds.push({
            round,
            outage: `${((up - down) / 1000).toFixed(1)} s`,
            presenceDuringOutage: during === null ? `no answer in ${PRESENCE_ASK_MS} ms` : during ? "whole" : "visitor missing",
            deliveredDuringOutage: `all had seq ${headDuring} ${caughtUpMs} ms after it was the head`,
            presenceBackAfter: `${backMs} ms`,
            writesSoFar: writer.ok,
          });
          await sleep(1_500);
        }
      } finally {
        await writer.stop();
      }
      const finalHead = await headOf(t.db, ws.workspaceId);
      await waitCaughtUp(followers, finalHead, 60_000);
      const check = await checkAgainstLog(t.db, ws.workspaceId, followers, startHead);
      const drops = followers.reduce((n, f) => n + f.disconnects.length, 0);

      printTable(`Redis lost — per round (${size.mode})`, rounds);
      printTable(`Redis lost — summary (${size.mode})`, [
        {
          rounds: rounds.length,
          clients: followers.length,
          writes: writer.ok,
          "log entries": check.expected,
          lost: check.lost,
          duplicated: check.duplicated,
          reordered: check.reordered,
          "hash mismatch": check.mismatched,
          "client disconnects": drops,
          "max presence back": `${Math.max(...rounds.map((r) => Number.parseInt(r.presenceBackAfter, 10)))} ms`,
        },
      ]);

      expect(writer.failures).toEqual([]);
      expect(rounds).toHaveLength(size.rounds);
      expect(check.expected).toBeGreaterThanOrEqual(writer.ok);
      expect({ lost: check.lost, duplicated: check.duplicated, reordered: check.reordered, mismatched: check.mismatched }).toEqual({
        lost: 0,
        duplicated: 0,
        reordered: 0,
        mismatched: 0,
      });
      // Redis going away is no reason for a node to drop its clients.
      expect(drops).toBe(0);
    },
    20 * 60_000,
  );
});
