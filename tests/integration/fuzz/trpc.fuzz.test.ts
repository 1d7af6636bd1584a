import { mkdirSync, writeFileSync } from "node:fs";

import { appRouter, createRateLimits, createRealtimeNotifier, createTRPCContext, retryAfterMeta } from "@tandem/api";
import { logger } from "@tandem/api/logger";
import type { Auth } from "@tandem/auth";
import { createLogSigner, generateLogSigningKeyPem } from "@tandem/db/log";
import { addMember, listMembers, updateMember } from "@tandem/db/queries";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { callerFor } from "../support/api";
import { createTestAuth, TEST_BASE_URL } from "../support/auth";
import { DB_KINDS, type DbKind, startTestDb, type TestDb } from "../support/db";
import { createFixture, type Fixture, type Person } from "../support/workspace";
import {
  edgeNumber,
  fuzzRuns,
  hostileLeaf,
  hostileValue,
  type JsonSchema,
  mergeInputs,
  nastyString,
  own,
  type Pools,
  propertyNames,
  shaped,
} from "./arbitraries";
import { captureErrorLogs } from "./error-logs";

/**
 * Every tRPC procedure, enumerated from the router itself, over the same fetch handler, context and
 * error hook as the web app's /api/trpc route, with fast-check-generated malformed input: as
 * members of a real workspace, as an outsider, anonymously and with forged cookies. No answer may be
 * a 5xx, no procedure may reach the route's "[trpc]" internal-error log, and nothing may reject unhandled.
 */

const RUNS = fuzzRuns(40);
/** A larger FUZZ_RUNS gets the time it needs (a 1 MB input over PGlite takes a while). */
const TIMEOUT_MS = 30_000 + RUNS * 400;
/** Both databases by default; FUZZ_DB=postgres (or pglite) for one. */
const KINDS = process.env.FUZZ_DB ? (process.env.FUZZ_DB.split(",").map((k) => k.trim()) as DbKind[]) : DB_KINDS;

interface Procedure {
  path: string;
  type: "query" | "mutation" | "subscription";
  schema: JsonSchema | null;
}

/** Each procedure of the router, with its chained input parsers as one JSON Schema (as a client would send it). */
function proceduresOf(router: typeof appRouter): Procedure[] {
  const record = (router as unknown as { _def: { procedures: Record<string, { _def: { type: Procedure["type"]; inputs: unknown[] } }> } })._def.procedures;
  return Object.entries(record).map(([path, p]) => ({
    path,
    type: p._def.type,
    schema: mergeInputs(p._def.inputs.map((s) => (s as { toJSONSchema: (o: object) => JsonSchema }).toJSONSchema({ io: "input", unrepresentable: "any" }))),
  }));
}

const PROCEDURES = proceduresOf(appRouter);
const KEY_NAMES = [...new Set(PROCEDURES.flatMap((p) => (p.schema ? [...propertyNames(p.schema)] : [])))];

type CallerName = "admin" | "mLead" | "iMember" | "viewer" | "outsider" | "anonymous" | "forged";

/** A tRPC request as it goes over the wire. */
interface Wire {
  method: string;
  path: string;
  search: string;
  body?: string;
  contentType?: string;
}

/** A superjson value annotation a client may claim for a field; the JSON beside it need not fit. */
const SUPERJSON_TAGS: fc.Arbitrary<[unknown, unknown]> = fc.constantFrom<[unknown, unknown]>(
  ["NaN", ["number"]],
  ["Infinity", ["number"]],
  ["-Infinity", ["number"]],
  ["-0", ["number"]],
  ["not a number", ["number"]],
  ["12345678901234567890123", ["bigint"]],
  ["1.5", ["bigint"]],
  ["not a date", ["Date"]],
  ["+275760-09-14T00:00:00.000Z", ["Date"]],
  ["/(a+)+$/", ["regexp"]],
  ["[", ["regexp"]],
  [[1, 2], ["set"]],
  [[[1, 2]], ["map"]],
  [{ name: "Error", message: "x" }, ["Error"]],
  ["not a url", ["URL"]],
  [null, ["undefined"]],
  [{}, ["class", "Person"]],
  ["x", ["symbol", "x"]],
  ["x", ["custom", "nope"]],
  [
    [1, 2],
    ["typed-array", "Int8Array"],
  ],
  [
    [1, 2],
    ["typed-array", "NotAnArray"],
  ],
  ["x", ["nonsense"]],
  ["x", "Date"],
);

const BAD_META: fc.Arbitrary<unknown> = fc.oneof(
  hostileValue,
  fc.record({ values: hostileValue }),
  fc.constant({ values: ["set"] }),
  fc.constant({ values: ["map"] }),
  fc.constant({ values: { "__proto__.polluted": ["undefined"] } }),
  fc.constant({ values: { "constructor.prototype.polluted": ["undefined"] } }),
  fc.constant({ values: { "a.b.c.d": ["Date"] } }),
  fc.constant({ referentialEqualities: { workspaceSlug: ["__proto__.polluted"] } }),
  fc.constant({ referentialEqualities: ["__proto__"] }),
  fc.constant({ v: 99 }),
);

const RAW_BODY: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("", " ", "{", "[", "null", "undefined", "NaN", "{'json': 1}", '{"json":', '{"json":1}{"json":2}', "\u0000", "\uFEFF{}", "true", '"json"'),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => `${"[".repeat(n)}${"]".repeat(n)}`),
  fc.integer({ min: 1_000, max: 100_000 }).map((n) => `{"json":${'{"a":'.repeat(n)}1${"}".repeat(n)}}`),
);

const CONTENT_TYPES = fc.constantFrom(
  "text/plain",
  "",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=fuzz",
  "multipart/form-data",
  "application/octet-stream",
  "application/json; charset=utf-16",
  "application/jsonx",
  "*/*",
);

const BATCH_KEYS = fc.constantFrom("0", "1", "2", "7", "-1", "01", "0.5", "length", "__proto__", "constructor", "999999999999");

interface Spec {
  /** "clean": a well-framed request of the procedure's own method, so the input itself is what is fuzzed. */
  framing: "clean" | "fuzzed";
  caller: CallerName;
  /** undefined: no input at all. */
  input: unknown;
  envelope: "superjson" | "bare" | "meta" | "tagged" | "raw" | "none";
  meta: unknown;
  tag: [unknown, unknown];
  raw: string;
  transport: "native" | "otherMethod" | "oddMethod" | "batch" | "badQuery";
  oddMethod: string;
  contentType: string | null;
  batchExtra: string[];
  batchKeys: string[];
  batchShape: "object" | "array" | "garbage";
  forwardedFor: string;
}

/** The superjson framing a client sends, or something that only claims to be it. */
function encode(spec: Spec): string | undefined {
  const { input } = spec;
  switch (spec.envelope) {
    case "none":
      return undefined;
    case "superjson":
      return JSON.stringify({ json: input });
    case "bare":
      return JSON.stringify(input);
    case "meta":
      return JSON.stringify({ json: input, meta: spec.meta });
    case "raw":
      return spec.raw;
    case "tagged": {
      // A field (or the whole input) claimed to be a superjson Date / bigint / NaN / Set…
      const [json, tag] = spec.tag;
      if (input && typeof input === "object" && !Array.isArray(input)) {
        const keys = Object.keys(input);
        const key = keys[0] ?? "workspaceSlug";
        return JSON.stringify({ json: own(key, json, input as Record<string, unknown>), meta: { values: own(key, tag) } });
      }
      return JSON.stringify({ json, meta: { values: tag } });
    }
  }
}

/** The HTTP request for a spec: the procedure's own method, another one, or a batch. */
function wireFor(proc: Procedure, fuzzed: Spec): Wire {
  const spec: Spec = fuzzed.framing === "clean" ? { ...fuzzed, envelope: "superjson", transport: "native", contentType: null } : fuzzed;
  const text = encode(spec);
  const asGet = (path: string, params: Record<string, string | undefined>): Wire => {
    const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined)).toString();
    return { method: "GET", path, search: search ? `?${search}` : "" };
  };
  const asPost = (path: string, body: string | undefined, search = ""): Wire => ({
    method: "POST",
    path,
    search,
    body,
    contentType: spec.contentType ?? "application/json",
  });
  const native = proc.type === "query" ? "GET" : "POST";
  switch (spec.transport) {
    case "native":
      return native === "GET" ? asGet(proc.path, { input: text }) : asPost(proc.path, text);
    case "otherMethod":
      return native === "GET" ? asPost(proc.path, text) : asGet(proc.path, { input: text });
    case "oddMethod":
      return { method: spec.oddMethod, path: proc.path, search: "", body: spec.oddMethod === "HEAD" ? undefined : text, contentType: "application/json" };
    case "badQuery":
      return { method: "GET", path: proc.path, search: `?input=${encodeURIComponent(text ?? "")}&input=%E0%A4%A&batch=0` };
    case "batch": {
      const paths = [proc.path, ...spec.batchExtra];
      // A raw body stays the string it is (parsing and re-encoding a bracket bomb is the test's own stack).
      const part = text === undefined || spec.envelope === "raw" ? text : (JSON.parse(text) as unknown);
      const parts = spec.batchKeys.map((k) => [k, part] as const);
      const batchInput =
        spec.batchShape === "garbage"
          ? (text ?? "")
          : JSON.stringify(
              spec.batchShape === "array" ? parts.map(([, v]) => v) : parts.reduce((acc, [k, v]) => own(k, v, acc), {} as Record<string, unknown>),
            );
      const joined = paths.join(",");
      return native === "GET" ? asGet(joined, { batch: "1", input: batchInput }) : asPost(joined, batchInput, "?batch=1");
    }
  }
}

/** Any status of 500 or more inside a JSON answer (a batch answers 207 around its parts' own statuses). */
function serverErrorsIn(body: string): number[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  const found: number[] = [];
  const walk = (v: unknown, depth: number) => {
    if (depth > 6 || !v || typeof v !== "object") return;
    for (const [k, x] of Object.entries(v)) {
      if (k === "httpStatus" && typeof x === "number" && x >= 500) found.push(x);
      else if (k === "code" && x === "INTERNAL_SERVER_ERROR") found.push(500);
      else walk(x, depth + 1);
    }
  };
  walk(parsed, 0);
  return found;
}

const describeWire = (w: Wire) => `${w.method} /api/trpc/${w.path}${w.search.slice(0, 300)} body=${JSON.stringify((w.body ?? "").slice(0, 300))}`;

describe.each(KINDS)("tRPC procedures under fuzzed input on %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let home: Fixture;
  let other: Fixture;
  let inviteToken: string;
  let cookieName: string;
  const ids = new Map<string, string[]>();
  const otherIds: string[] = [];
  const stats = new Map<string, { runs: number; statuses: Record<number, number> }>();
  const internalErrors: string[] = [];
  let logged: ReturnType<typeof captureErrorLogs>;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  let limits: ReturnType<typeof createRateLimits>;
  const signer = createLogSigner(generateLogSigningKeyPem());
  // Pokes go to a port nothing listens on: the API must shrug them off.
  const realtime = createRealtimeNotifier({ url: "http://127.0.0.1:9", secret: "fuzz-secret-0123456789" });

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    // Counted for real, with allowances no fuzz run reaches: the limiter sees every fuzzed address.
    limits = createRateLimits(t.db, {
      mutation: { points: 1_000_000 },
      mutationByIp: { points: 1_000_000 },
      invitation: { points: 1_000_000 },
    });
    home = await createFixture(t.db, auth, `fuzz-${kind}`);
    other = await createFixture(t.db, auth, `fuzz-other-${kind}`);
    cookieName = home.admin.cookie.split("=")[0]!;
    for (const [f, into] of [
      [home, (k: string, v: string) => ids.set(k, [...(ids.get(k) ?? []), v])],
      [other, (_k: string, v: string) => otherIds.push(v)],
    ] as const) {
      const lead = await callerFor(t.db, auth, f.mLead);
      const project = await lead.project.create({
        workspaceSlug: f.slug,
        name: `P ${f.slug}`,
        sides: { marketing: { leadId: f.mLead.memberId }, it: { leadId: f.iLead.memberId } },
        memberIds: [f.mMember.memberId],
      });
      const task = await lead.task.create({ workspaceSlug: f.slug, projectId: project.id, title: "T", side: "marketing", assigneeId: f.mMember.memberId });
      const task2 = await lead.task.create({ workspaceSlug: f.slug, projectId: project.id, title: "T2", side: "it" });
      const milestone = await lead.milestone.add({ workspaceSlug: f.slug, projectId: project.id, title: "M", dueOn: "2026-06-30" });
      const kpi = await lead.kpi.create({
        workspaceSlug: f.slug,
        name: `K ${f.slug}`,
        unit: "count",
        direction: "higher",
        target: 10,
        atRisk: 5,
        cadence: "weekly",
        owner: "joint",
        source: "entered",
        projectIds: [project.id],
      });
      const computed = await lead.kpi.create({
        workspaceSlug: f.slug,
        name: `C ${f.slug}`,
        unit: "count",
        direction: "higher",
        target: 10,
        atRisk: 5,
        cadence: "monthly",
        owner: "joint",
        source: "computed",
        formula: { metric: "throughput", projectId: project.id },
      });
      await lead.kpi.record({ workspaceSlug: f.slug, kpiId: kpi.id, period: "2026-W10", value: 3 });
      const board = await lead.dashboard.create({ workspaceSlug: f.slug, name: `D ${f.slug}` });
      const widget = await lead.dashboard.addWidget({ workspaceSlug: f.slug, dashboardId: board.id, kind: "kpi_line", config: { kpiId: kpi.id } });
      const widget2 = await lead.dashboard.addWidget({ workspaceSlug: f.slug, dashboardId: board.id, kind: "health_matrix" });
      await lead.comment.create({ workspaceSlug: f.slug, projectId: project.id, taskId: task.id, body: "hello" });
      const admin = await callerFor(t.db, auth, f.admin);
      const invite = await admin.invitation.create({ workspaceSlug: f.slug, side: "it", role: "member", expiresInDays: 7 });
      if (f === home) inviteToken = invite.token;
      into("projectId", project.id);
      for (const x of [task.id, task2.id]) into("taskId", x);
      into("milestoneId", milestone.id);
      for (const x of [kpi.id, computed.id]) into("kpiId", x);
      into("dashboardId", board.id);
      for (const x of [widget.id, widget2.id]) into("widgetId", x);
      into("id", invite.id);
      for (const p of f.people) into("memberId", p.memberId);
    }
    process.on("unhandledRejection", onUnhandled);
    process.on("uncaughtException", onUnhandled);
    logged = captureErrorLogs([logger]);
  });

  afterAll(async () => {
    process.off("unhandledRejection", onUnhandled);
    process.off("uncaughtException", onUnhandled);
    logged?.restore();
    await t?.close();
  });

  // A fuzzed admin may demote or remove the fixture's people; each procedure starts from the same cast.
  afterEach(async () => {
    const members = await listMembers(t.db, { workspaceId: home.workspaceId });
    for (const p of home.people) {
      const row = members.find((m) => m.userId === p.userId);
      if (row) await updateMember(t.db, { workspaceId: home.workspaceId, memberId: row.id, side: p.side, role: p.role });
      else p.memberId = (await addMember(t.db, { workspaceId: home.workspaceId, userId: p.userId, side: p.side, role: p.role }))!.id;
    }
  });

  function pools(): Pools {
    const all = () => [...ids.values()].flat();
    return {
      uuid: (key) => {
        const real = (key && ids.get(key)) || (key === "leadId" || key === "assigneeId" ? ids.get("memberId") : undefined) || all();
        return fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom(...real) },
          { weight: 2, arbitrary: fc.uuid() },
          { weight: 1, arbitrary: fc.constantFrom(...otherIds) },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              "00000000-0000-0000-0000-000000000000",
              "ffffffff-ffff-ffff-ffff-ffffffffffff",
              real[0]!.toUpperCase(),
              `${real[0]!.slice(0, 35)}`,
              `{${real[0]}}`,
            ),
          },
        );
      },
      slug: fc.oneof(
        { weight: 8, arbitrary: fc.constant(home.slug) },
        { weight: 1, arbitrary: fc.constant(other.slug) },
        { weight: 1, arbitrary: fc.constantFrom(` ${home.slug} `, home.slug.toUpperCase(), `${home.slug}\u0000`, "status", "api") },
        { weight: 1, arbitrary: fc.string({ maxLength: 70 }) },
      ),
      date: fc.oneof(
        fc.date({ min: new Date("1900-01-01"), max: new Date("2200-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        fc.constantFrom("2026-01-05", "2026-03-30", "2026-02-29", "2026-02-30", "2024-02-29", "0000-01-01", "9999-12-31", "1970-01-01"),
      ),
    };
  }

  function headersFor(caller: CallerName, forwardedFor: string, forgedValue: string): Record<string, string> {
    const base: Record<string, string> = { origin: TEST_BASE_URL, "x-forwarded-for": forwardedFor };
    const person: Record<string, Person | undefined> = {
      admin: home.admin,
      mLead: home.mLead,
      iMember: home.iMember,
      viewer: home.viewer,
      outsider: other.admin,
    };
    const p = person[caller];
    if (p) return { ...base, cookie: p.cookie };
    if (caller === "forged") return { ...base, cookie: forgedValue };
    return base;
  }

  async function send(wire: Wire, headers: Record<string, string>) {
    const h = new Headers(headers);
    if (wire.contentType !== undefined && wire.contentType !== "") h.set("content-type", wire.contentType);
    const req = new Request(`http://localhost:3000/api/trpc/${wire.path}${wire.search}`, { method: wire.method, headers: h, body: wire.body });
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      createContext: () => createTRPCContext({ headers: req.headers, db: t.db, auth, realtime, signer, limits }),
      responseMeta: retryAfterMeta,
      // As the web app's route: an internal error is what reaches its server log.
      onError: ({ path, error }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") internalErrors.push(`[trpc] ${path ?? "<no-path>"}: ${error.message}`);
      },
    });
    return { status: res.status, body: await res.text() };
  }

  it("finds every procedure in the router, each with a method and its input schema", () => {
    expect(PROCEDURES.length).toBeGreaterThan(50);
    for (const p of PROCEDURES) expect(["query", "mutation"]).toContain(p.type);
    // Every procedure but the input-less ones names its workspace or its token.
    expect(PROCEDURES.filter((p) => p.schema).length).toBeGreaterThan(PROCEDURES.length - 10);
  });

  for (const proc of PROCEDURES) {
    it(
      `${proc.path} (${proc.type}) answers every fuzzed request below 500`,
      async () => {
        const p = pools();
        const opts = { pools: p, keyNames: KEY_NAMES };
        const tokenArb = fc.oneof(fc.constant(inviteToken), fc.string({ minLength: 20, maxLength: 100 }));
        const schema = proc.schema;
        const inputArb: fc.Arbitrary<unknown> = schema
          ? fc.oneof(
              { weight: 10, arbitrary: shaped(schema, { ...opts, corrupt: 0 }) },
              { weight: 6, arbitrary: shaped(schema, { ...opts, corrupt: 1 }) },
              { weight: 4, arbitrary: hostileValue },
              { weight: 1, arbitrary: fc.constant(undefined) },
              // The real invitation token sometimes, so preview and accept get past the lookup.
              ...(schema.properties?.token ? [{ weight: 6, arbitrary: tokenArb.map((token) => ({ token })) }] : []),
            )
          : fc.oneof(hostileValue, fc.constant(undefined));
        const otherPaths = PROCEDURES.map((x) => x.path);
        const specArb: fc.Arbitrary<Spec> = fc.record({
          framing: fc.constantFrom<Spec["framing"]>("clean", "clean", "fuzzed"),
          caller: fc.constantFrom<CallerName>("admin", "admin", "admin", "mLead", "mLead", "iMember", "viewer", "outsider", "anonymous", "forged"),
          input: inputArb,
          envelope: fc.constantFrom<Spec["envelope"]>(
            "superjson",
            "superjson",
            "superjson",
            "superjson",
            "superjson",
            "superjson",
            "bare",
            "meta",
            "tagged",
            "raw",
            "none",
          ),
          meta: BAD_META,
          tag: SUPERJSON_TAGS,
          raw: RAW_BODY,
          transport: fc.constantFrom<Spec["transport"]>(
            "native",
            "native",
            "native",
            "native",
            "native",
            "native",
            "otherMethod",
            "oddMethod",
            "batch",
            "batch",
            "badQuery",
          ),
          oddMethod: fc.constantFrom("PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"),
          contentType: fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: CONTENT_TYPES }),
          batchExtra: fc.array(
            fc.oneof(
              fc.constantFrom(...otherPaths),
              fc.constantFrom(proc.path, "", "nope.nope", "__proto__", "constructor", "toString", proc.path.split(".")[0]!),
            ),
            {
              maxLength: 3,
            },
          ),
          batchKeys: fc.array(BATCH_KEYS, { maxLength: 4 }),
          batchShape: fc.constantFrom<Spec["batchShape"]>("object", "object", "array", "garbage"),
          forwardedFor: fc.oneof(
            { weight: 5, arbitrary: fc.constant("203.0.113.7") },
            { weight: 1, arbitrary: fc.stringMatching(/^[\x20-\x7e]{0,80}$/) },
            { weight: 1, arbitrary: fc.constantFrom("::1", "::ffff:10.0.0.1", "999.999.999.999", "1.1.1.1, 2.2.2.2", ",,,", "unknown") },
          ),
        });
        const forgedArb = fc.oneof(
          fc.stringMatching(/^[\x21-\x7e]{0,200}$/).map((v) => `${cookieName}=${v}`),
          fc.constant(`${home.admin.cookie.slice(0, -2)}xx`),
          fc.constant(`${cookieName}=${"a".repeat(8_000)}`),
          fc.constant(`${cookieName}=%ZZ; ${cookieName}=`),
        );
        const seen = { internal: internalErrors.length, logged: logged.errors.length };
        const stat = { runs: 0, statuses: {} as Record<number, number> };
        stats.set(proc.path, stat);
        await fc.assert(
          fc.asyncProperty(specArb, forgedArb, async (spec, forged) => {
            const wire = wireFor(proc, spec);
            const { status, body } = await send(wire, headersFor(spec.caller, spec.forwardedFor, forged));
            stat.runs++;
            stat.statuses[status] = (stat.statuses[status] ?? 0) + 1;
            expect(status, describeWire(wire)).toBeLessThan(500);
            expect(serverErrorsIn(body), describeWire(wire)).toEqual([]);
          }),
          { numRuns: RUNS },
        );
        expect(internalErrors.slice(seen.internal)).toEqual([]);
        expect(logged.errors.slice(seen.logged)).toEqual([]);
      },
      TIMEOUT_MS,
    );
  }

  it(
    "answers unknown, empty and hostile paths below 500",
    async () => {
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.constantFrom(
              "",
              "nope",
              "nope.nope",
              "__proto__",
              "constructor",
              "toString",
              "session.me.x",
              "session..me",
              "..",
              "%2e%2e",
              "%00",
              "session.me/",
            ),
            fc.stringMatching(/^[a-zA-Z0-9._~%-]{0,120}$/),
            fc.constantFrom(...PROCEDURES.map((p) => p.path)).map((x) => `${x}.__proto__`),
          ),
          fc.constantFrom("GET", "POST"),
          fc.oneof(edgeNumber, nastyString, hostileLeaf),
          async (path, method, input) => {
            const wire: Wire =
              method === "GET"
                ? { method, path, search: `?input=${encodeURIComponent(JSON.stringify({ json: input }))}` }
                : { method, path, search: "", body: JSON.stringify({ json: input }), contentType: "application/json" };
            const { status, body } = await send(wire, headersFor("admin", "203.0.113.7", ""));
            runs++;
            expect(status, describeWire(wire)).toBeLessThan(500);
            expect(serverErrorsIn(body)).toEqual([]);
          },
        ),
        { numRuns: RUNS * 4 },
      );
      stats.set("<paths>", { runs, statuses: {} });
    },
    TIMEOUT_MS,
  );

  it("deeply nested input is refused without blowing the stack", async () => {
    // Beyond the random depths above: one request per shape at a depth no real client sends.
    const depth = 50_000;
    for (const [open, close] of [
      ["[", "]"],
      ['{"a":', "}"],
    ]) {
      const title = `${open!.repeat(depth)}1${close!.repeat(depth)}`;
      const wire: Wire = {
        method: "POST",
        path: "task.create",
        search: "",
        body: `{"json":{"workspaceSlug":"${home.slug}","projectId":"${ids.get("projectId")![0]}","side":"it","title":${title}}}`,
        contentType: "application/json",
      };
      const { status } = await send(wire, headersFor("admin", "203.0.113.7", ""));
      expect(status).toBe(400);
    }
  });

  it("saw no 5xx, no internal error, no unhandled rejection, and left Object.prototype alone", () => {
    const counts = PROCEDURES.map((p) => stats.get(p.path)?.runs ?? 0);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(RUNS);
    expect(internalErrors).toEqual([]);
    expect(logged.errors).toEqual([]);
    expect(unhandled).toEqual([]);
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("polluted");
    const sorted = [...counts].sort((a, b) => a - b);
    const summary = {
      db: kind,
      runsPerProcedure: RUNS,
      procedures: PROCEDURES.length,
      inputs: { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], total: counts.reduce((a, b) => a + b, 0) },
      pathProbes: stats.get("<paths>")?.runs ?? 0,
      serverErrors: 0,
      unhandledRejections: unhandled.length,
      statuses: Object.fromEntries([...stats.entries()].flatMap(([path, s]) => (path === "<paths>" ? [] : [[path, s.statuses]]))),
    };
    mkdirSync(".artifacts", { recursive: true });
    writeFileSync(`.artifacts/fuzz-trpc-${kind}.json`, `${JSON.stringify(summary, null, 2)}\n`);
    console.log(
      `[fuzz] tRPC on ${kind}: ${summary.procedures} procedures, inputs min ${summary.inputs.min} / median ${summary.inputs.median} / total ${summary.inputs.total}, + ${summary.pathProbes} path probes; 0 × 5xx`,
    );
  });
});
