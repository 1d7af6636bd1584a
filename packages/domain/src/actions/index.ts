import * as v from "valibot";

import type { FeedKind } from "../constants";
import { checkInDomain } from "./check-in";
import { commentDomain } from "./comment";
import { dashboardDomain } from "./dashboard";
import type { ActionDef, EntrySentence, FeedRule, Payload, ProcedurePath } from "./define";
import { feedDomain } from "./feed";
import { invitationDomain } from "./invitation";
import { kpiDomain, READS_COMPUTED_KPIS } from "./kpi";
import { memberDomain } from "./member";
import { milestoneDomain } from "./milestone";
import { projectDomain } from "./project";
import { taskDomain } from "./task";
import { workspaceDomain } from "./workspace";

export * from "./define";
export { sideOf } from "./project";
export { formatDay } from "./words";

/**
 * Every domain's log actions. A new domain adds its module here — the one place that lists them.
 */
export const DOMAINS = [
  workspaceDomain,
  memberDomain,
  invitationDomain,
  projectDomain,
  taskDomain,
  milestoneDomain,
  checkInDomain,
  commentDomain,
  feedDomain,
  kpiDomain,
  dashboardDomain,
] as const;

/** name → declaration, for every action. */
export const ACTIONS = {
  ...workspaceDomain.actions,
  ...memberDomain.actions,
  ...invitationDomain.actions,
  ...projectDomain.actions,
  ...taskDomain.actions,
  ...milestoneDomain.actions,
  ...checkInDomain.actions,
  ...commentDomain.actions,
  ...feedDomain.actions,
  ...kpiDomain.actions,
  ...dashboardDomain.actions,
};
export type ActionRegistry = typeof ACTIONS;
export type ActionName = keyof ActionRegistry & string;
/** Actions that new entries may be written with (not the legacy ones kept for old entries). */
export type WritableAction = { [A in ActionName]: ActionRegistry[A] extends { legacy: true } ? never : A }[ActionName];

export type AfterOf<A extends ActionName> = v.InferInput<ActionRegistry[A]["after"]>;
export type BeforeOf<A extends ActionName> = ActionRegistry[A] extends ActionDef<infer _A, infer B> ? v.InferInput<B> : never;
/** A payload as read back from the log: old entries may lack any field. */
export type ReadAfter<A extends ActionName> = AfterOf<A> extends null ? Record<string, never> : Partial<NonNullable<AfterOf<A>>>;

const BY_NAME = new Map<string, ActionDef>(Object.entries(ACTIONS as Record<string, ActionDef>));
const DOMAIN_OF = new Map<string, { queries: readonly ProcedurePath[] }>(DOMAINS.flatMap((d) => Object.keys(d.actions).map((name) => [name, d] as const)));

export const ACTION_NAMES = [...BY_NAME.keys()] as ActionName[];

export function isActionName(name: string): name is ActionName {
  return BY_NAME.has(name);
}

/** The declaration of an action, or undefined for a name this build doesn't know. */
export function actionDef(name: string): ActionDef | undefined {
  return BY_NAME.get(name);
}

/** What a summary looks like when it is written: its payload typed by the action. */
export interface TypedSummary<A extends ActionName> {
  label: string;
  after: AfterOf<A>;
  before?: BeforeOf<A> | null;
  /** User ids this change is addressed to (assignee, mentions): their inbox count changes. */
  notify?: string[];
}

/**
 * Checks a payload against its action's schema at write time. Types already hold it; this
 * catches what types can't (a value read back from the database with a wrong enum).
 */
export function checkPayload(action: string, summary: { after?: unknown; before?: unknown }) {
  const def = BY_NAME.get(action);
  if (!def) throw new Error(`unknown log action ${action}: declare it in a domain module of @tandem/domain/actions`);
  const after = v.safeParse(def.after, summary.after ?? null);
  if (!after.success) throw new Error(`log payload of ${action} does not match its schema: ${v.summarize(after.issues)}`);
  if (def.before && summary.before != null) {
    const before = v.safeParse(def.before, summary.before);
    if (!before.success) throw new Error(`log 'before' of ${action} does not match its schema: ${v.summarize(before.issues)}`);
  }
  return def;
}

/** A payload read back from the log, as far as it fits its schema (old entries may lack fields). */
export function readPayload(schema: Payload | undefined, raw: unknown): Record<string, unknown> {
  if (!schema || schema.type === "null" || raw === null || typeof raw !== "object") return {};
  const out: Record<string, unknown> = {};
  // Field by field: one field of an old entry that no longer fits doesn't hide the others.
  for (const [key, field] of Object.entries((schema as v.ObjectSchema<v.ObjectEntries, undefined>).entries)) {
    if (!(key in raw)) continue;
    const parsed = v.safeParse(field, (raw as Record<string, unknown>)[key]);
    if (parsed.success) out[key] = parsed.output;
  }
  return out;
}

/** What a log entry needs to be told in words. */
export interface DescribableEntry {
  actorName: string;
  actorId?: string | null;
  action: string;
  summary: { label: string; before?: Record<string, unknown> | null; after?: Record<string, unknown> | null };
}

/**
 * A log entry as a sentence a person who wasn't there can follow. Written for the actor's name
 * to go in front: "Priya Nair (IT) moved ‘Consent banner’ to Blocked". An action this build
 * doesn't know (written by a newer one) still reads.
 */
export function describeEntry(entry: DescribableEntry): EntrySentence {
  const def = BY_NAME.get(entry.action);
  if (!def) return { text: `${entry.action.replace(/[._]/g, " ")} ${`‘${entry.summary.label}’`}` };
  return def.sentence({
    actorName: entry.actorName,
    actorId: entry.actorId,
    label: entry.summary.label,
    after: readPayload(def.after, entry.summary.after) as never,
    before: readPayload(def.before, entry.summary.before) as never,
  });
}

/** Every (action, feed rule) pair: what the feed's SQL and the browser's filter are built from. */
export const FEED_RULES: readonly { action: ActionName; rule: FeedRule }[] = [...BY_NAME].flatMap(([name, def]) =>
  (def.feed ?? []).map((rule) => ({ action: name as ActionName, rule })),
);

/** The feed rules of one kind. */
export function feedRulesOf(kind: FeedKind) {
  return FEED_RULES.filter((r) => r.rule.kind === kind);
}

/**
 * The queries an entry makes stale: its domain's (unless it is patched by hand), plus those it
 * names. `{ patch: false }` asks for the unpatched answer (a payload the client couldn't read).
 */
export function staleQueriesOf(action: string, opts: { patch?: false } = {}): { patch: boolean; paths: ProcedurePath[] } {
  const def = BY_NAME.get(action);
  const domain = DOMAIN_OF.get(action);
  if (!def || !domain) return { patch: false, paths: [] };
  const patch = opts.patch !== false && def.cache?.mode === "patch";
  return { patch, paths: [...new Set([...(patch ? [] : domain.queries), ...(def.cache?.invalidate ?? [])])] };
}

/**
 * Whether an entry of this action can move a KPI computed from the work: its declared cache
 * effect makes what reads computed KPIs stale (`invalidate: READS_COMPUTED_KPIS`). The server
 * checks those KPIs for an off-target crossing after such a write, and only then.
 */
export function movesComputedKpis(action: string): boolean {
  const stale: readonly string[] = BY_NAME.get(action)?.cache?.invalidate ?? [];
  return READS_COMPUTED_KPIS.every((path) => stale.includes(path));
}

/** Actions the web app must patch its cache for by hand (`cache: { mode: "patch" }`). */
export type PatchedAction = { [A in ActionName]: NonNullable<ActionRegistry[A]["cache"]> extends { mode: "patch" } ? A : never }[ActionName];

/** A payload checked against its action's schema in full; undefined when it doesn't fit (the client then reads again). */
export function parsePayload<A extends ActionName>(action: A, raw: unknown): { after: AfterOf<A> } | undefined {
  const def = BY_NAME.get(action);
  if (!def) return undefined;
  const parsed = v.safeParse(def.after, raw ?? null);
  return parsed.success ? { after: parsed.output as AfterOf<A> } : undefined;
}

/** Every procedure path the registry names: a test holds them to the API's router. */
export function namedProcedures(): ProcedurePath[] {
  return [
    ...new Set(DOMAINS.flatMap((d) => [...d.queries, ...Object.values(d.actions as Record<string, ActionDef>).flatMap((a) => a.cache?.invalidate ?? [])])),
  ];
}
