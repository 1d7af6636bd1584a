/**
 * The benchmark's API in a process of its own (BENCH_API=separate): its own pool and auth on the
 * same database, driven by realtime-bench.ts over IPC.
 */
import { createDb } from "@tandem/db";

import { createTestAuth } from "../integration/support/auth";
import { createWriter, type Sent, type WriterTarget } from "./bench-writer";

export type ToWriter =
  | { type: "init"; databaseUrl: string; target: WriterTarget }
  | { type: "warmup"; n: number }
  | { type: "steady"; n: number; rate: number }
  | { type: "burst"; n: number; concurrency: number };

export type FromWriter = { type: "ready" } | { type: "done"; sends: Sent[]; secs: number } | { type: "error"; message: string };

let writer: ReturnType<typeof createWriter> | null = null;
const send = (msg: FromWriter) => process.send?.(msg);

async function handle(msg: ToWriter) {
  if (msg.type === "init") {
    const { db } = createDb(msg.databaseUrl, { max: 8 });
    writer = createWriter(db, createTestAuth(db), msg.target);
    return send({ type: "ready" });
  }
  if (!writer) throw new Error("not initialised");
  if (msg.type === "warmup") {
    await writer.warmup(msg.n);
    return send({ type: "done", sends: [], secs: 0 });
  }
  if (msg.type === "steady") return send({ type: "done", sends: await writer.steady(msg.n, msg.rate), secs: 0 });
  const { sends, secs } = await writer.burst(msg.n, msg.concurrency);
  send({ type: "done", sends, secs });
}

process.on("message", (m) => handle(m as ToWriter).catch((err: unknown) => send({ type: "error", message: String(err) })));
process.on("disconnect", () => process.exit(0));
