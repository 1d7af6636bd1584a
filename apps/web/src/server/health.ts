import "server-only";

import { pingDb } from "@tandem/db/queries";

import { env } from "~/env";

import { getDb } from "./db";

const TIMEOUT_MS = 1_500;

const state = globalThis as unknown as { tandemDraining?: boolean };

/**
 * From SIGTERM on, readiness answers 503 so a load balancer stops sending new requests while
 * Next.js finishes the ones in flight. Called once at start-up (src/instrumentation.ts).
 */
export function watchForShutdown() {
  process.once("SIGTERM", () => {
    state.tandemDraining = true;
  });
}

export const isDraining = () => state.tandemDraining === true;

export async function checkDatabase() {
  try {
    const latencyMs = await Promise.race([pingDb(getDb()), new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), TIMEOUT_MS))]);
    return { ok: true as const, latencyMs };
  } catch (err) {
    return { ok: false as const, latencyMs: null, error: (err as Error).message };
  }
}

export async function checkRealtime() {
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

export const healthJson = (body: unknown, ok: boolean) => Response.json(body, { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } });
