/**
 * The mutation side of the benchmark: task.create through real tRPC callers, each stamping the
 * moment its transaction committed. Runs in the driver process, or in a process of its own
 * (bench-writer-process.ts) the way the web app's API runs apart from the realtime server.
 */
import { createCaller, createRealtimeNotifier, createTRPCContext, type RealtimeNotifier } from "@tandem/api";
import type { Auth } from "@tandem/auth";
import type { Database } from "@tandem/db";

import { now } from "./bench-protocol";

export interface WriterTarget {
  slug: string;
  projectId: string;
  /** Request headers (session cookies) of the users who write, used in turn. */
  writers: { cookie: string; origin: string }[];
  realtimeUrl: string;
  secret: string;
}

/** One mutation: the task it created (its log entry's entityId) and when it committed. */
export interface Sent {
  key: string;
  at: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

export function createWriter(db: Database, auth: Auth, target: WriterTarget) {
  const notifier = createRealtimeNotifier({ url: target.realtimeUrl, secret: target.secret });

  // writeWithLog calls logAppended right after its transaction commits, before the poke goes
  // out: the stamp there is the commit time as this process sees it.
  async function prepare(n: number, tag: string) {
    return Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const slot = { at: 0 };
        const stamping: RealtimeNotifier = {
          membershipChanged: (id) => notifier.membershipChanged(id),
          logAppended: (id) => {
            slot.at = now();
            return notifier.logAppended(id);
          },
        };
        const who = target.writers[i % target.writers.length]!;
        const caller = createCaller(await createTRPCContext({ headers: new Headers(who), db, auth, realtime: stamping }));
        return async (): Promise<Sent> => {
          const task = await caller.task.create({
            workspaceSlug: target.slug,
            projectId: target.projectId,
            title: `${tag} ${i}`,
            side: i % 2 ? "it" : "marketing",
          });
          return { key: task.id, at: slot.at };
        };
      }),
    );
  }

  return {
    /** n mutations one after another, not measured. */
    async warmup(n: number) {
      for (const m of await prepare(n, "warmup")) await m();
    },
    /** n mutations started at `rate` per second, each without waiting for the previous one. */
    async steady(n: number, rate: number): Promise<Sent[]> {
      const calls = await prepare(n, "steady");
      const sends: Sent[] = [];
      const started: Promise<void>[] = [];
      const start = now();
      for (let i = 0; i < n; i++) {
        await sleep(start + (i * 1000) / rate - now());
        started.push(calls[i]!().then((s) => void sends.push(s)));
      }
      await Promise.all(started);
      return sends;
    },
    /** n mutations, `concurrency` in flight, as fast as they commit. */
    async burst(n: number, concurrency: number): Promise<{ sends: Sent[]; secs: number }> {
      const calls = await prepare(n, "burst");
      const sends: Sent[] = [];
      let next = 0;
      const start = now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < n) sends.push(await calls[next++]!());
        }),
      );
      return { sends, secs: (now() - start) / 1000 };
    },
  };
}

export type Writer = Pick<ReturnType<typeof createWriter>, "warmup" | "steady" | "burst">;
