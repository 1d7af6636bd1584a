import { pingDb } from "@tandem/db/queries";

import { env } from "~/env";
import { getDb } from "~/server/db";

export const dynamic = "force-dynamic";

const TIMEOUT_MS = 1_500;

async function checkDatabase() {
  try {
    const latencyMs = await Promise.race([pingDb(getDb()), new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), TIMEOUT_MS))]);
    return { ok: true as const, latencyMs };
  } catch (err) {
    return { ok: false as const, latencyMs: null, error: (err as Error).message };
  }
}

async function checkRealtime() {
  const started = performance.now();
  try {
    const res = await fetch(new URL("/health", env().REALTIME_URL), {
      signal: AbortSignal.timeout(TIMEOUT_MS),
      cache: "no-store",
    });
    const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    const ok = res.ok && body?.ok === true;
    return { ...body, ok, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

/** Liveness for load balancers and the start script: 200 when every dependency answers, else 503. */
export async function GET() {
  const [database, realtime] = await Promise.all([checkDatabase(), checkRealtime()]);
  const ok = database.ok && realtime.ok;
  return Response.json({ status: ok ? "ok" : "degraded", database, realtime }, { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
