import "server-only";

import { createLogSigner, type LogSigner } from "@tandem/db/log";

import { env } from "~/env";

const cache = globalThis as unknown as { tandemLogSigner?: LogSigner | null };

/** Signs log checkpoints; undefined when no key is configured (checkpoint downloads are then refused). */
export function getLogSigner(): LogSigner | undefined {
  if (cache.tandemLogSigner === undefined) {
    const key = env().TANDEM_LOG_SIGNING_KEY;
    // Keys passed through some environments arrive with literal "\n" for newlines.
    cache.tandemLogSigner = key ? createLogSigner(key.includes("\\n") ? key.replace(/\\n/g, "\n") : key) : null;
  }
  return cache.tandemLogSigner ?? undefined;
}
