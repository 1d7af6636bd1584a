import { mkdirSync, writeFileSync } from "node:fs";

import { logger as apiLogger } from "@tandem/api/logger";
import type { Auth } from "@tandem/auth";
import {
  type ClientToServerEvents,
  dashboardViewRequestSchema,
  logSyncRequestSchema,
  MAX_CLIENT_MESSAGE_BYTES,
  presenceRequestSchema,
  projectViewRequestSchema,
  type Schema,
  taskEditingRequestSchema,
} from "@tandem/realtime-contract";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { log as realtimeLog } from "../../../apps/realtime/src/log";

import { callerFor } from "../support/api";
import { createTestAuth, signUpUser, type TestUser } from "../support/auth";
import { startTestDb, type TestDb } from "../support/db";
import { type Client, Clients, join, makeWorkspace, memberId, type Node, startNode, uniqueEmail } from "../realtime/harness";
import { edgeNumber, fuzzRuns, hostileLeaf, hostileValue, own, PROTO_KEYS } from "./arbitraries";
import { captureErrorLogs } from "./error-logs";

/**
 * Every client event of the realtime server, emitted by real socket.io clients signed in as a
 * member (and as an outsider) with fast-check-generated arguments: wrong arities, acks that are
 * not functions or missing, wrong types, and payloads just under and just over
 * MAX_CLIENT_MESSAGE_BYTES. The node must answer every ack it is given, drop only oversized
 * messages, and keep serving; nothing may reject unhandled or log an error.
 */

const RUNS = fuzzRuns(60);
/** A larger FUZZ_RUNS gets the time it needs (each oversized emit costs a reconnect). */
const TIMEOUT_MS = 30_000 + RUNS * 200;

/** Each client event and the schema its payload is checked against: a new event fails typecheck until it is listed. */
const EVENTS = {
  "presence.get": presenceRequestSchema,
  "log.sync": logSyncRequestSchema,
  "project.view": projectViewRequestSchema,
  "project.leave": projectViewRequestSchema,
  "task.editing": taskEditingRequestSchema,
  "dashboard.view": dashboardViewRequestSchema,
  "dashboard.leave": dashboardViewRequestSchema,
} satisfies Record<keyof ClientToServerEvents, Schema>;
type EventName = keyof typeof EVENTS;
const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

/** Events socket.io and the server use for themselves, not sent by clients. */
const RESERVED = new Set(["disconnect", "disconnecting", "error", "newListener", "removeListener"]);

/** The slice of a valibot schema this fuzzer reads to shape payloads. */
interface VSchema {
  type: string;
  entries?: Record<string, VSchema>;
  wrapped?: VSchema;
  options?: unknown[];
}

type Ack = (res: unknown) => void;
type Arity = "payload+ack" | "payload" | "none" | "ack" | "payload+notFunction" | "payload+payload+ack" | "ack+payload" | "payload+ack+extra";

interface EmitSpec {
  who: "member-ws" | "member-polling" | "outsider";
  payload: unknown;
  second: unknown;
  arity: Arity;
}

/** What a client sends on the wire for these arguments, in bytes (binary attachments go as their own frames). */
function wireBytes(event: string, args: unknown[]): { json: number; binary: number } {
  let binary = 0;
  const json = JSON.stringify([event, ...args.filter((a) => typeof a !== "function")], (_k, v: unknown) => {
    if (v instanceof Uint8Array) {
      binary = Math.max(binary, v.byteLength);
      return { _placeholder: true, num: 0 };
    }
    return v;
  });
  return { json: Buffer.byteLength(json ?? "") + 8, binary };
}

describe("realtime client events under fuzzed arguments (pglite)", () => {
  let t: TestDb;
  let auth: Auth;
  let node: Node;
  let ada: TestUser;
  let bo: TestUser;
  let cy: TestUser;
  let ws: string;
  let cyWs: string;
  const ids = { projectId: [] as string[], taskId: [] as string[], dashboardId: [] as string[] };
  const clients = new Clients();
  const live = new Map<EmitSpec["who"], Client>();
  const counts = new Map<EventName, number>();
  const outcome = { acked: 0, dropped: 0, reconnects: 0, ignored: 0 };
  let logged: ReturnType<typeof captureErrorLogs>;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    t = await startTestDb("pglite");
    auth = createTestAuth(t.db);
    node = await startNode({ db: t.db, auth });
    ada = await signUpUser(auth, { name: "Ada", email: uniqueEmail("ada") });
    bo = await signUpUser(auth, { name: "Bo", email: uniqueEmail("bo") });
    cy = await signUpUser(auth, { name: "Cy", email: uniqueEmail("cy") });
    const w = await makeWorkspace(t.db, ada.userId, "marketing");
    ws = w.id;
    await join(t.db, ws, bo.userId, "it");
    cyWs = (await makeWorkspace(t.db, cy.userId, "it")).id;
    const api = await callerFor(t.db, auth, ada);
    const project = await api.project.create({
      workspaceSlug: w.slug,
      name: "Fuzzed",
      sides: { marketing: { leadId: await memberId(t.db, ws, ada.userId) }, it: { leadId: await memberId(t.db, ws, bo.userId) } },
    });
    const task = await api.task.create({ workspaceSlug: w.slug, projectId: project.id, title: "T", side: "marketing" });
    const board = await api.dashboard.create({ workspaceSlug: w.slug, name: "D" });
    ids.projectId.push(project.id);
    ids.taskId.push(task.id);
    ids.dashboardId.push(board.id);
    process.on("unhandledRejection", onUnhandled);
    process.on("uncaughtException", onUnhandled);
    logged = captureErrorLogs([realtimeLog, apiLogger]);
  });

  afterAll(async () => {
    process.off("unhandledRejection", onUnhandled);
    process.off("uncaughtException", onUnhandled);
    logged?.restore();
    clients.closeAll();
    await node?.close();
    await t?.close();
  });

  async function clientFor(who: EmitSpec["who"]): Promise<Client> {
    const current = live.get(who);
    if (current?.connected) return current;
    if (current) outcome.reconnects++;
    const { client } = await clients.connect(node, {
      cookie: who === "outsider" ? cy.cookie : ada.cookie,
      transport: who === "member-polling" ? "polling" : "websocket",
    });
    live.set(who, client);
    return client;
  }

  /** Plausible values for an id field: this workspace's, the outsider's, random, malformed. */
  function idArb(key: string): fc.Arbitrary<string> {
    const real = key === "workspaceId" ? [ws] : (ids[key as keyof typeof ids] ?? []);
    return fc.oneof(
      { weight: 5, arbitrary: real.length > 0 ? fc.constantFrom(...real) : fc.uuid() },
      { weight: 2, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: fc.constantFrom(cyWs, ws.toUpperCase(), ws.slice(0, 35), `${ws}\u0000`, "00000000-0000-0000-0000-000000000000") },
    );
  }

  /** A payload shaped by the event's schema, each field sometimes swapped for a hostile value. */
  function shapedPayload(s: VSchema, key = "", corrupt = false): fc.Arbitrary<unknown> {
    const node = (): fc.Arbitrary<unknown> => {
      switch (s.type) {
        case "object": {
          const entries = Object.entries(s.entries ?? {});
          return fc.record(Object.fromEntries(entries.map(([k, v]) => [k, shapedPayload(v, k, corrupt)])));
        }
        case "nullable":
          return fc.oneof(fc.constant(null), shapedPayload(s.wrapped!, key, corrupt));
        case "string":
          return idArb(key);
        case "number":
          return fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constantFrom(0, Number.MAX_SAFE_INTEGER), edgeNumber);
        case "picklist":
          return fc.constantFrom(...(s.options ?? [null]));
        default:
          return hostileLeaf;
      }
    };
    return corrupt ? fc.oneof({ weight: 5, arbitrary: node() }, { weight: 1, arbitrary: hostileValue }) : node();
  }

  /** A payload padded to `total` bytes on the wire, just under or just over the limit. */
  const padded = (event: string, base: unknown, total: number) => {
    const fixed = wireBytes(event, [own("padding", "", (base ?? {}) as Record<string, unknown>), () => {}]).json;
    return own("padding", "x".repeat(Math.max(0, total - fixed)), (base && typeof base === "object" ? base : {}) as Record<string, unknown>);
  };

  function payloadArb(event: EventName): fc.Arbitrary<unknown> {
    const schema = EVENTS[event] as unknown as VSchema;
    return fc.oneof(
      { weight: 4, arbitrary: shapedPayload(schema) },
      { weight: 3, arbitrary: shapedPayload(schema, "", true) },
      { weight: 3, arbitrary: hostileValue },
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PROTO_KEYS), hostileValue).map(([k, v]) => own(k, v, { workspaceId: ws })) },
      {
        weight: 1,
        arbitrary: fc.integer({ min: 0, max: 4 * 1024 }).map((n) => new Uint8Array(n)),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(shapedPayload(schema), fc.constantFrom(-300, -64, -40, +40, +64, +300, MAX_CLIENT_MESSAGE_BYTES))
          .map(([base, delta]) => padded(event, base, MAX_CLIENT_MESSAGE_BYTES + delta)),
      },
    );
  }

  function argsFor(spec: EmitSpec, ack: Ack): unknown[] {
    switch (spec.arity) {
      case "payload+ack":
        return [spec.payload, ack];
      case "payload":
        return [spec.payload];
      case "none":
        return [];
      case "ack":
        return [ack];
      case "payload+notFunction":
        return [spec.payload, spec.second];
      case "payload+payload+ack":
        return [spec.payload, spec.second, ack];
      case "ack+payload":
        return [ack, spec.payload];
      case "payload+ack+extra":
        return [spec.payload, ack, spec.second];
    }
  }

  /** Resolves with the ack's answer, "dropped" when the server closes the connection, or "silent". */
  function answerOf(client: Client, emit: (ack: Ack) => void, waitMs: number): Promise<unknown> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => done("silent"), waitMs);
      const onDrop = () => done("dropped");
      function done(v: unknown) {
        clearTimeout(timer);
        client.off("disconnect", onDrop);
        resolve(v);
      }
      client.once("disconnect", onDrop);
      emit((res) => done({ res }));
    });
  }

  it("lists exactly the events the server listens to", async () => {
    const client = await clientFor("member-ws");
    const serverSocket = node.realtime.io.of("/").sockets.get(client.id!);
    expect(serverSocket).toBeDefined();
    const listened = serverSocket!
      .eventNames()
      .map(String)
      .filter((e) => !RESERVED.has(e));
    expect(listened.sort()).toEqual([...EVENT_NAMES].sort());
  });

  for (const event of EVENT_NAMES) {
    it(
      `${event}: every fuzzed emit is answered, refused or dropped, and the node keeps serving`,
      async () => {
        const seen = logged.errors.length;
        const specArb: fc.Arbitrary<EmitSpec> = fc.record({
          who: fc.constantFrom<EmitSpec["who"]>("member-ws", "member-ws", "member-ws", "member-polling", "outsider"),
          payload: payloadArb(event),
          second: fc.oneof(hostileLeaf, payloadArb(event)),
          arity: fc.constantFrom<Arity>(
            "payload+ack",
            "payload+ack",
            "payload+ack",
            "payload",
            "none",
            "ack",
            "payload+notFunction",
            "payload+payload+ack",
            "ack+payload",
            "payload+ack+extra",
          ),
        });
        let n = 0;
        await fc.assert(
          fc.asyncProperty(specArb, async (spec) => {
            const client = await clientFor(spec.who);
            const emitAny = client.emit.bind(client) as unknown as (ev: string, ...args: unknown[]) => void;
            let answered: Ack = () => {};
            const sentArgs = argsFor(spec, (res) => answered(res));
            const size = wireBytes(event, sentArgs);
            const biggest = Math.max(size.json, size.binary);
            const withAck = typeof sentArgs.at(-1) === "function";
            // Without an ack there is nothing to wait for: the ping below is read after this emit.
            const waitMs = withAck || biggest >= MAX_CLIENT_MESSAGE_BYTES - 32 ? 3_000 : 10;
            const answer = await answerOf(
              client,
              (ack) => {
                answered = ack;
                emitAny(event, ...sentArgs);
              },
              waitMs,
            );
            n++;
            if (biggest > MAX_CLIENT_MESSAGE_BYTES + 32) {
              // Oversized: the server drops the connection rather than read it.
              expect(answer).toBe("dropped");
              outcome.dropped++;
              return;
            }
            if (biggest < MAX_CLIENT_MESSAGE_BYTES - 32) {
              if (withAck) {
                // Every ack the server is given is answered with the Ack shape, ok or not.
                expect(answer, JSON.stringify(spec).slice(0, 400)).toMatchObject({ res: { ok: expect.any(Boolean) } });
                const res = (answer as { res: { ok: boolean; error?: unknown } }).res;
                if (!res.ok) expect(typeof res.error).toBe("string");
                outcome.acked++;
              } else {
                expect(answer).toBe("silent");
                outcome.ignored++;
              }
              // The same socket is still served.
              expect(client.connected).toBe(true);
              const ping = await client.timeout(3_000).emitWithAck("presence.get", { workspaceId: spec.who === "outsider" ? cyWs : ws });
              expect(ping).toMatchObject({ ok: true });
            }
          }),
          { numRuns: RUNS },
        );
        counts.set(event, n);
        expect(logged.errors.slice(seen)).toEqual([]);
      },
      TIMEOUT_MS,
    );
  }

  it("still serves a fresh client afterwards, and saw no unhandled rejection or logged error", async () => {
    expect((await fetch(`${node.url}/health`)).status).toBe(200);
    const { client } = await clients.connect(node, { cookie: ada.cookie });
    const presence = (await client.timeout(3_000).emitWithAck("presence.get", { workspaceId: ws })) as { ok: boolean; data: { users: { userId: string }[] } };
    expect(presence.ok).toBe(true);
    expect(presence.data.users.map((u) => u.userId)).toContain(ada.userId);
    expect(await client.timeout(3_000).emitWithAck("log.sync", { workspaceId: ws, afterSeq: 0 })).toMatchObject({ ok: true });
    expect(await client.timeout(3_000).emitWithAck("project.view", { projectId: ids.projectId[0]! })).toMatchObject({ ok: true });
    expect(await client.timeout(3_000).emitWithAck("task.editing", { projectId: ids.projectId[0]!, taskId: ids.taskId[0]! })).toMatchObject({ ok: true });
    expect(await client.timeout(3_000).emitWithAck("dashboard.view", { dashboardId: ids.dashboardId[0]! })).toMatchObject({ ok: true });
    const other = await clients.connect(node, { cookie: bo.cookie, transport: "polling" });
    expect(await other.client.timeout(3_000).emitWithAck("presence.get", { workspaceId: ws })).toMatchObject({ ok: true });

    const perEvent = EVENT_NAMES.map((e) => counts.get(e) ?? 0);
    expect(Math.min(...perEvent)).toBeGreaterThanOrEqual(RUNS);
    expect(logged.errors).toEqual([]);
    expect(unhandled).toEqual([]);
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    const summary = {
      runsPerEvent: RUNS,
      events: EVENT_NAMES.length,
      emits: perEvent.reduce((a, b) => a + b, 0),
      perEvent: Object.fromEntries(counts),
      ...outcome,
    };
    mkdirSync(".artifacts", { recursive: true });
    writeFileSync(".artifacts/fuzz-socket.json", `${JSON.stringify(summary, null, 2)}\n`);
    console.log(
      `[fuzz] socket: ${summary.events} events, ${summary.emits} emits (${outcome.acked} acked, ${outcome.ignored} without ack, ${outcome.dropped} oversized and dropped, ${outcome.reconnects} reconnects); node alive`,
    );
  });
});
