/**
 * A benchmark client process: opens `count` socket.io clients to the server it is told, each
 * recording when every log.entry arrived. Started by realtime-bench.ts with fork(); talks over IPC.
 */
import type { ClientToServerEvents, LogEntryPayload, ServerToClientEvents } from "@tandem/realtime-contract";
import { io as connect, type Socket } from "socket.io-client";

import { now, type FromClients, type Phase, type PhaseReport, type ToClients } from "./bench-protocol";

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const CONNECT_BATCH = 50;
const CONNECT_TIMEOUT_MS = 15_000;

let clients: Client[] = [];
const reports = new Map<Phase, PhaseReport>();

const send = (msg: FromClients) => process.send?.(msg);

function record(phase: Phase, lastSeq: { value: number }, entry: LogEntryPayload) {
  const t = now();
  let report = reports.get(phase);
  if (!report) {
    report = { phase, times: {}, entityIds: {}, orderViolations: 0 };
    reports.set(phase, report);
  }
  report.times[entry.seq] ??= [];
  report.times[entry.seq]!.push(t);
  report.entityIds[entry.seq] ??= entry.entityId;
  if (lastSeq.value !== 0 && entry.seq !== lastSeq.value + 1) report.orderViolations++;
  lastSeq.value = entry.seq;
}

async function open(phase: Phase, url: string, cookie: string, projectId: string | null): Promise<Client> {
  const client: Client = connect(url, {
    transports: ["websocket"],
    extraHeaders: { cookie },
    reconnection: false,
    forceNew: true,
    timeout: CONNECT_TIMEOUT_MS,
  });
  const lastSeq = { value: 0 };
  client.on("log.entry", (entry) => record(phase, lastSeq, entry));
  client.on("log.entries", (entries) => {
    for (const entry of entries) record(phase, lastSeq, entry);
  });
  await new Promise<void>((resolve, reject) => {
    client.once("connect", () => resolve());
    client.once("connect_error", (err) => reject(err));
  });
  if (projectId) {
    const res = await client.timeout(CONNECT_TIMEOUT_MS).emitWithAck("project.view", { projectId });
    if (!res.ok) throw new Error(`project.view refused: ${res.error}`);
  }
  return client;
}

async function connectAll(msg: Extract<ToClients, { type: "connect" }>) {
  const started = now();
  let failed = 0;
  for (let i = 0; i < msg.count; i += CONNECT_BATCH) {
    const batch = Array.from({ length: Math.min(CONNECT_BATCH, msg.count - i) }, (_, j) =>
      open(msg.phase, msg.url, msg.cookies[(i + j) % msg.cookies.length] ?? "", msg.projectId),
    );
    for (const r of await Promise.allSettled(batch)) {
      if (r.status === "fulfilled") clients.push(r.value);
      else failed++;
    }
  }
  send({ type: "connected", phase: msg.phase, connected: clients.length, failed, ms: now() - started });
}

process.on("message", (raw) => {
  const msg = raw as ToClients;
  if (msg.type === "connect") {
    connectAll(msg).catch((err: unknown) => send({ type: "error", message: String(err) }));
  } else if (msg.type === "disconnect") {
    for (const c of clients) c.disconnect();
    clients = [];
    send({ type: "disconnected" });
  } else if (msg.type === "report") {
    send({ type: "report", reports: [...reports.values()] });
  }
});

process.on("disconnect", () => process.exit(0));
