import type * as v from "valibot";

import type { FeedKind } from "../constants";
import type { Side } from "../sides";

/**
 * One log action, declared once by its domain: its name, the entity it is about, schemas for its
 * payload (`summary.after`, and `summary.before` where it carries one), its sentence, the feed
 * kinds it belongs to, and its effect on the browser's cache. The writer, the sentences, the feed
 * (SQL and client), the realtime contract and the client cache all read these declarations.
 */
export interface ActionDef<A extends Payload = Payload, B extends Payload = Payload> {
  /** The `entity_type` of its entries. */
  entity: string;
  after: A;
  before?: B;
  /** Kept so old entries still read; nothing writes it any more. */
  legacy?: boolean;
  /** What the actor did, in words, for the feed, the log page and exports. */
  sentence: (e: SentenceInput<v.InferOutput<A>, v.InferOutput<B>>) => EntrySentence;
  /** The feed kinds its entries are, each with an optional condition on the payload. */
  feed?: readonly FeedRule[];
  cache?: CacheEffect;
}

/** A payload is an object schema, or null for entries that carry none (a deletion). */
export type Payload = v.ObjectSchema<v.ObjectEntries, undefined> | v.NullSchema<undefined>;

/** What a sentence reads: the payload as far as it parses (old entries may lack fields). */
export interface SentenceInput<A, B> {
  actorName: string;
  actorId?: string | null;
  label: string;
  after: Readable<A>;
  before: Readable<B>;
}
/** A payload as read back from the log: any field may be missing in an entry written long ago. */
export type Readable<P> = P extends null ? Record<string, never> : Partial<NonNullable<P>>;

export interface EntrySentence {
  /** What the actor did, after their name: "moved ‘Consent banner’ to Blocked". */
  text: string;
  /** A quoted reason or comment, shown under the sentence. */
  detail?: string;
}

/**
 * When an entry of this action is a feed item of `kind`: always, or when a payload field is
 * present (`has`), holds one of some values (`in`), or is a non-empty text (`nonEmpty`). Plain
 * data, so the database compiles it to SQL and the browser to a predicate: one source.
 */
export type FeedRule = { kind: FeedKind; when?: FeedCondition };
export type FeedCondition = { has: string } | { field: string; in: readonly string[] } | { nonEmpty: string };

/** A tRPC procedure path whose cached queries an entry can make stale, e.g. "project.list". */
export type ProcedurePath = `${string}.${string}`;

export interface CacheEffect {
  /**
   * "patch": the web app patches its cache from the entry itself (it must declare a patcher
   * for this action, the type system checks). Otherwise the entry invalidates its domain's
   * queries (see `defineDomain`).
   */
  mode?: "patch" | "invalidate";
  /** Further queries the entry makes stale, in its workspace. */
  invalidate?: readonly ProcedurePath[];
}

/**
 * Declares one action; the payload types are inferred from the schemas, and its cache effect is
 * kept as written (the web app's patcher table is checked against the actions that say "patch").
 */
export function defineAction<A extends Payload, B extends Payload = v.NullSchema<undefined>, const C extends CacheEffect = CacheEffect>(
  def: ActionDef<A, B> & { cache?: C },
): ActionDef<A, B> & { cache?: C } {
  return def;
}

/**
 * Any action, whatever its payloads. `any`, not `Payload`: an action's sentence takes its own payload
 * type, so (parameters being contravariant) no narrower action is assignable to ActionDef<Payload, Payload>.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above
export type AnyActionDef = ActionDef<any, any>;

/** A domain: its queries (what its entries invalidate by default) and its actions, keyed by name. */
export interface DomainDef<Actions extends Record<string, AnyActionDef>> {
  name: string;
  queries: readonly ProcedurePath[];
  actions: Actions;
}

export function defineDomain<Actions extends Record<string, AnyActionDef>>(def: DomainDef<Actions>): DomainDef<Actions> {
  return def;
}

/** Who did it, as stored on the entry. */
export interface LogActor {
  id: string | null;
  name: string;
  side: Side | null;
}
