import fc from "fast-check";

/**
 * Generators of hostile input for the fuzz suites: values no well-behaved client sends (wrong
 * types, edge numbers, huge or NUL-laden strings, deep nesting, prototype keys), and values shaped
 * like a procedure's input (from its own JSON Schema) so that some reach past validation.
 */

/** Inputs per procedure or event: the suite's default, or FUZZ_RUNS for a longer run. */
export function fuzzRuns(fallback: number): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Property keys that have meaning on Object.prototype: a handler that assigns them naively pollutes. */
export const PROTO_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "__defineGetter__", "toJSON"] as const;

/** An object with `key` as an own, enumerable property (even `__proto__`), as JSON.parse builds it. */
export function own(key: string, value: unknown, base: Record<string, unknown> = {}): Record<string, unknown> {
  const out = { ...base };
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/** `depth` levels of arrays or objects around a leaf. */
export function nest(depth: number, asArray: boolean, leaf: unknown = 1): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

export const edgeNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    -0,
    0,
    1,
    -1,
    0.5,
    -0.5,
    1.000_000_1,
    1e308,
    -1e308,
    Number.MIN_VALUE,
    -Number.MIN_VALUE,
    2 ** 31 - 1,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 32,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    -Number.MAX_SAFE_INTEGER - 2,
    2 ** 63,
    2 ** 64,
    1e21,
    1e-7,
    1e12 + 1,
    -1e12 - 1,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Sizes around the limits that matter: a column's, a KPI import's (1 MB), the HTTP body cap (2 MB). */
const HUGE_SIZES = [257, 1_025, 10_001, 20_001, 70_000, 1_000_001, 1_100_000] as const;
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...HUGE_SIZES), fc.constantFrom("x", "\u0000", "é", "\u{1F4A5}", "a\u0000", "\uD800", ",\n"))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "",
      " ",
      "\u0000",
      "a\u0000b",
      "\uD800",
      "\uDFFF",
      "\uFEFF",
      "\u202E",
      "\u{1F4A5}",
      "%00",
      "%",
      "\\",
      '"',
      "'; drop table member; --",
      // A template placeholder, as text: some renderers evaluate it.
      `\${7*7}`,
      "{{7*7}}",
      "__proto__",
      "constructor",
      "null",
      "undefined",
      "NaN",
      "Infinity",
      "-0",
      "1e308",
      "0x10",
      "2026-02-30",
      "2026-13-01",
      "0000-00-00",
      "9999-12-31",
      "275760-09-13",
      "2026-W99",
      "00000000-0000-0000-0000-000000000000",
      "ffffffff-ffff-ffff-ffff-ffffffffffff",
      "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
      "12345678-1234-1234-1234-123456789012",
      "\r\n",
      "../../etc/passwd",
      "=cmd|' /C calc'!A0",
      "javascript:alert(1)",
      "http://",
      "https://x.test/\u0000",
    ),
  },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: hugeString },
);

/** Hostile leaves: every JSON type, at its edges. */
export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(fc.constantFrom(null, true, false), edgeNumber, nastyString, fc.constant({}), fc.constant([]));

/** Any hostile JSON value: leaves, arrays where objects go, prototype keys, deep nesting. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileLeaf },
  { weight: 2, arbitrary: fc.array(hostileLeaf, { maxLength: 6 }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...PROTO_KEYS), hostileLeaf).map(([k, v]) => own(k, v)) },
  { weight: 1, arbitrary: fc.constant(own("__proto__", { polluted: "yes" })) },
  { weight: 1, arbitrary: fc.constant({ constructor: { prototype: { polluted: "yes" } } }) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 20, max: 2_000 }), fc.boolean()).map(([d, arr]) => nest(d, arr)) },
);

/** A minimal JSON Schema, as zod's toJSONSchema writes it. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
}

/** Plausible values for a field, by its name and format: real ids, other tenants' ids, dates. */
export interface Pools {
  /** Values for a uuid field, by the field's name (e.g. real project ids for `projectId`). */
  uuid: (key: string | undefined) => fc.Arbitrary<string>;
  slug: fc.Arbitrary<string>;
  date: fc.Arbitrary<string>;
}

/** Every property name in a schema, so record-typed fields (widget config) get plausible keys. */
export function propertyNames(s: JsonSchema, into = new Set<string>()): Set<string> {
  for (const [k, v] of Object.entries(s.properties ?? {})) {
    into.add(k);
    propertyNames(v, into);
  }
  for (const sub of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) propertyNames(sub, into);
  if (s.items) propertyNames(s.items, into);
  if (typeof s.additionalProperties === "object") propertyNames(s.additionalProperties, into);
  return into;
}

/** Merges a procedure's chained inputs (the tier's `workspaceSlug` object and its own) into one object schema. */
export function mergeInputs(schemas: JsonSchema[]): JsonSchema | null {
  if (schemas.length === 0) return null;
  const props: Record<string, JsonSchema> = {};
  const required = new Set<string>();
  for (const s of schemas.flatMap((x) => x.allOf ?? [x])) {
    Object.assign(props, s.properties ?? {});
    for (const r of s.required ?? []) required.add(r);
  }
  return { type: "object", properties: props, required: [...required] };
}

export interface ShapeOptions {
  pools: Pools;
  /** Names to draw keys from for open records (`z.record`). */
  keyNames: string[];
  /** Replace a node with a hostile value at this weight (out of 8); 0 for valid-shaped input. */
  corrupt: number;
}

/**
 * Values shaped by a JSON Schema: right types and bounds, ids from the pools. With `corrupt`, any
 * node may be swapped for a hostile value and objects may lose required keys or gain hostile ones.
 */
export function shaped(s: JsonSchema, o: ShapeOptions, key?: string, depth = 0): fc.Arbitrary<unknown> {
  const arb = shapedNode(s, o, key, depth);
  if (o.corrupt === 0) return arb;
  return fc.oneof({ weight: 8 - o.corrupt, arbitrary: arb }, { weight: o.corrupt, arbitrary: hostileValue });
}

function shapedNode(s: JsonSchema, o: ShapeOptions, key: string | undefined, depth: number): fc.Arbitrary<unknown> {
  const alts = s.anyOf ?? s.oneOf;
  if (alts && alts.length > 0) return fc.oneof(...alts.map((a) => shaped(a, o, key, depth)));
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer": {
      const min = Math.max(s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1_000), -(2 ** 31));
      const max = Math.min(s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1_000), Number.MAX_SAFE_INTEGER);
      return fc.oneof(fc.integer({ min, max: Math.min(max, min + 60) }), fc.constantFrom(min, max));
    }
    case "number": {
      const min = s.minimum ?? -1e12;
      const max = s.maximum ?? 1e12;
      return fc.oneof(fc.double({ min, max, noNaN: true, noDefaultInfinity: true }), fc.constantFrom(min, max, 0));
    }
    case "string":
      return shapedString(s, o, key);
    case "array":
      return fc.array(s.items ? shaped(s.items, o, key, depth + 1) : hostileLeaf, {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 4, 4),
      });
    case "object":
      return shapedObject(s, o, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function shapedString(s: JsonSchema, o: ShapeOptions, key: string | undefined): fc.Arbitrary<string> {
  if (s.format === "uuid") return o.pools.uuid(key);
  if (key === "workspaceSlug") return o.pools.slug;
  if (s.pattern === "^\\d{4}-\\d{2}-\\d{2}$") return o.pools.date;
  if (s.format === "uri" || s.format === "url") return fc.webUrl();
  const maxLength = s.maxLength ?? 40;
  const minLength = s.minLength ?? 0;
  if (s.pattern) {
    const re = new RegExp(s.pattern);
    return fc.stringMatching(re).map((x) => x.slice(0, maxLength));
  }
  return fc.oneof(
    fc.string({ minLength, maxLength: Math.min(maxLength, 60) }),
    fc.string({ unit: "grapheme", minLength, maxLength: Math.min(maxLength, 30) }),
    // Exactly at the bound, and one past it.
    fc.constantFrom("a".repeat(Math.max(minLength, maxLength)), "a".repeat(maxLength + 1)),
  );
}

function shapedObject(s: JsonSchema, o: ShapeOptions, depth: number): fc.Arbitrary<unknown> {
  const props = Object.entries(s.properties ?? {});
  if (props.length === 0) {
    // An open record (widget config): keys the schemas use elsewhere, values by key name.
    if (depth > 3 || o.keyNames.length === 0) return fc.constant({});
    return fc
      .uniqueArray(fc.constantFrom(...o.keyNames), { maxLength: 3 })
      .chain((keys) =>
        fc
          .tuple(...keys.map((k) => fc.oneof(o.pools.uuid(k), fc.constantFrom("quarter", "side", "project", 8, 3, 20), hostileLeaf)))
          .map((values) => Object.fromEntries(keys.map((k, i) => [k, values[i]]))),
      );
  }
  const required = new Set(s.required ?? []);
  const model = Object.fromEntries(props.map(([k, v]) => [k, shaped(v, o, k, depth + 1)]));
  const base = fc.record(model, { requiredKeys: [...required].filter((k) => k in model) as never[] });
  if (o.corrupt === 0) return base;
  // Corrupted objects may also lose a required key, or carry extra and prototype keys.
  return fc
    .tuple(
      base,
      fc.subarray([...required], { maxLength: Math.min(1, required.size) }),
      fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string()), hostileLeaf), { maxLength: 2 }),
    )
    .map(([value, drop, extra]) => {
      let out = { ...(value as Record<string, unknown>) };
      for (const k of drop) delete out[k];
      for (const [k, v] of extra) out = own(k, v, out);
      return out;
    });
}
