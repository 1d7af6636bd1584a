import { createLogger } from "@tandem/api/logger";

/** The realtime server's JSON log lines (service "realtime"). */
export const log = createLogger("realtime");

/** A failure's message as log fields. */
export { errorFields as failure } from "@tandem/api/logger";
