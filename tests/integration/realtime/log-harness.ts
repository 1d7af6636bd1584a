import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { createCaller, createRealtimeNotifier, createTRPCContext, type RealtimeNotifier } from "@tandem/api";
import type { Auth } from "@tandem/auth";
import type { Database } from "@tandem/db";
import { getLogHead } from "@tandem/db/queries";
import type { DashboardPresence, LogEntryPayload, ProjectPresence } from "@tandem/realtime-contract";

import type { TestUser } from "../support/auth";
import type { Fixture } from "../support/workspace";
import { INTERNAL_SECRET, type Client, type Node } from "./harness";

/** The notifier the API would use in production, pointed at a test node. */
export const notifierFor = (node: Pick<Node, "url">): RealtimeNotifier => createRealtimeNotifier({ url: node.url, secret: INTERNAL_SECRET });

/** A notifier whose pokes all fail (nothing listens on its port): delivery must not need them. */
export async function deadNotifier(): Promise<RealtimeNotifier> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return createRealtimeNotifier({ url: `http://127.0.0.1:${port}`, secret: INTERNAL_SECRET });
}

/** A tRPC caller as a user whose mutations wake realtime the way the web app's do. */
export async function apiAs(db: Database, auth: Auth, user: TestUser, realtime: RealtimeNotifier) {
  // Each call its own request, as over HTTP.
  return createCaller(() => createTRPCContext({ headers: user.headers, db, auth, realtime }));
}

export type Api = Awaited<ReturnType<typeof apiAs>>;

export async function newProject(api: Api, f: Fixture, name = "Consent banner") {
  return api.project.create({ workspaceSlug: f.slug, name, sides: { marketing: { leadId: f.mLead.memberId }, it: { leadId: f.iLead.memberId } } });
}

export async function newTask(api: Api, f: Fixture, projectId: string, title: string) {
  return api.task.create({ workspaceSlug: f.slug, projectId, title, side: "it" });
}

export const headSeq = async (db: Database, workspaceId: string) => (await getLogHead(db, workspaceId)).seq;

export const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

export type LogRecorder = ReturnType<typeof recordLog>;

/** Keeps every entry a client receives (log.entry or log.entries, with its arrival time) and waits for seqs to arrive. */
export function recordLog(client: Client) {
  const entries: (LogEntryPayload & { receivedAt: number })[] = [];
  const listeners = new Set<() => void>();
  const packets = { batches: 0 };
  const receive = (batch: LogEntryPayload[]) => {
    const receivedAt = Date.now();
    for (const entry of batch) entries.push({ ...entry, receivedAt });
    for (const l of [...listeners]) l();
  };
  client.on("log.entry", (entry) => receive([entry]));
  client.on("log.entries", (batch) => {
    packets.batches++;
    receive(batch);
  });
  const seqs = (workspaceId: string, from = 0) =>
    entries
      .slice(from)
      .filter((e) => e.workspaceId === workspaceId)
      .map((e) => e.seq);
  return {
    entries,
    /** How many log.entries packets arrived. */
    packets,
    seqs,
    /** Resolves once an entry of the workspace with seq ≥ seq has arrived (since index `from`). */
    waitFor(workspaceId: string, seq: number, { timeoutMs = 5_000, from = 0 } = {}): Promise<void> {
      const done = () => seqs(workspaceId, from).some((s) => s >= seq);
      if (done()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!done()) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no log.entry ${seq} of ${workspaceId} within ${timeoutMs} ms; got ${JSON.stringify(seqs(workspaceId, from))}`));
        }, timeoutMs);
        listeners.add(check);
      });
    },
  };
}

/** Keeps every project.presence a client receives and waits for one that matches. */
export function recordProjectPresence(client: Client) {
  return recordRoomPresence<ProjectPresence>(client, "project.presence", (s) => s.projectId);
}

/** Keeps every dashboard.presence a client receives and waits for one that matches. */
export function recordDashboardPresence(client: Client) {
  return recordRoomPresence<DashboardPresence>(client, "dashboard.presence", (s) => s.dashboardId);
}

/** Every state of one room-presence event a client receives, by room, and a wait for one that matches. */
function recordRoomPresence<S>(client: Client, event: "project.presence" | "dashboard.presence", roomOf: (s: S) => string) {
  const states: S[] = [];
  const listeners = new Set<() => void>();
  (client as unknown as { on: (e: string, f: (s: S) => void) => void }).on(event, (state) => {
    states.push(state);
    for (const l of [...listeners]) l();
  });
  const latest = (id: string) => states.filter((s) => roomOf(s) === id).at(-1);
  return {
    states,
    latest,
    waitFor(id: string, match: (s: S) => boolean, timeoutMs = 5_000): Promise<S> {
      const now = latest(id);
      if (now && match(now)) return Promise.resolve(now);
      return new Promise((resolve, reject) => {
        const check = () => {
          const s = latest(id);
          if (!s || !match(s)) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(s);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no matching ${event} for ${id} within ${timeoutMs} ms; got ${JSON.stringify(states)}`));
        }, timeoutMs);
        listeners.add(check);
      });
    },
  };
}
