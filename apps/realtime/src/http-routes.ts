import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

import { pokeSchema, safeParse, type Poke } from "@tandem/realtime-contract";
import { failure, log } from "./log";

const MAX_POKE_BYTES = 4 * 1024;

export interface HttpRouteDeps {
  internalSecret: string;
  /** Sockets connected to this node, or null while the node is not ready to serve. */
  connections: () => number | null;
  /** Whether the database answers now (readiness); a node without it can't check sessions or read the log. */
  databaseOk: () => Promise<boolean>;
  onPoke: (poke: Poke) => Promise<void>;
  /** The node's Prometheus metrics, for GET /metrics with METRICS_TOKEN as bearer token (off without a token). */
  metrics?: { token?: string; read: () => Promise<{ contentType: string; body: string }> };
}

/**
 * Answers /health (the node's state), /health/live (the process answers: restart it only when
 * this fails), /health/ready (send it clients: ready, not closing, database answering) and /internal/poke. Returns false for any other path so the caller can hand
 * the request on (socket.io itself only claims /socket.io/).
 */
export function createHttpRoutes({ internalSecret, connections, databaseOk, onPoke, metrics }: HttpRouteDeps) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path === "/health") {
      health(req, res);
      return true;
    }
    if (path === "/health/live") {
      if (req.method !== "GET" && req.method !== "HEAD") send(res, 405, { ok: false, error: "method not allowed" });
      else send(res, 200, { ok: true });
      return true;
    }
    if (path === "/health/ready") {
      ready(req, res).catch(() => send(res, 503, { ok: false, error: "database unavailable" }));
      return true;
    }
    if (path === "/metrics") {
      scrape(req, res).catch(() => send(res, 500, { ok: false, error: "metrics unavailable" }));
      return true;
    }
    if (path === "/internal/poke") {
      poke(req, res).catch(() => send(res, 400, { ok: false, error: "unreadable body" }));
      return true;
    }
    return false;
  };

  function health(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, { ok: false, error: "method not allowed" });
    const n = connections();
    if (n === null) return send(res, 503, { ok: false, error: "starting" });
    send(res, 200, { ok: true, connections: n });
  }

  async function scrape(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== "GET") return send(res, 405, { ok: false, error: "method not allowed" });
    if (!metrics?.token) return send(res, 404, { ok: false, error: "metrics are off: set METRICS_TOKEN" });
    if (!secretMatches(req.headers.authorization, `Bearer ${metrics.token}`)) return send(res, 401, { ok: false, error: "unauthorized" });
    const { contentType, body } = await metrics.read();
    res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" });
    res.end(body);
  }

  async function ready(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, { ok: false, error: "method not allowed" });
    const n = connections();
    if (n === null) return send(res, 503, { ok: false, error: "not serving (starting or closing)" });
    if (!(await databaseOk())) return send(res, 503, { ok: false, error: "database unavailable" });
    send(res, 200, { ok: true, connections: n });
  }

  async function poke(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== "POST") return send(res, 405, { ok: false, error: "method not allowed" });
    if (!secretMatches(req.headers["x-tandem-internal"], internalSecret)) {
      req.resume();
      return send(res, 403, { ok: false, error: "forbidden" });
    }
    const body = await readBody(req, MAX_POKE_BYTES);
    if (body === null) return send(res, 413, { ok: false, error: "body too large" }, true);
    const parsed = safeParse(pokeSchema, parseJson(body));
    if (!parsed.success) return send(res, 400, { ok: false, error: "invalid body" });
    // The id of the web request whose write caused this poke: its lines and these share it.
    const requestId = typeof req.headers["x-request-id"] === "string" ? req.headers["x-request-id"].slice(0, 128) : undefined;
    log.info({ requestId, ...parsed.output }, "poke");
    try {
      await onPoke(parsed.output);
      send(res, 200, { ok: true });
    } catch (err) {
      log.error({ requestId, ...parsed.output, ...failure(err) }, "poke failed");
      // 503 tells the caller the recheck did not happen and is worth retrying.
      send(res, 503, { ok: false, error: "unavailable" });
    }
  }
}

// Hashing first gives equal-length buffers, so the comparison leaks neither content nor length.
function secretMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== "string") return false;
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The body as text, or null when it is longer than limit. */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, body: unknown, close = false) {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...(close ? { connection: "close" } : {}) });
  res.end(JSON.stringify(body));
}
