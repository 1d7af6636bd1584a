import { createLogger } from "@tandem/api/logger";

/** The realtime server's JSON log lines (service "realtime"). */
export const log = createLogger("realtime");

/** A failure's message as log fields. */
export const failure = (err: unknown) => ({ err: { message: err instanceof Error ? err.message : String(err) } });
