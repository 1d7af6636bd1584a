import { TRPCError } from "@trpc/server";

/** Socket errors of a database that is away, and PostgreSQL's "shutting down" / "connection" SQLSTATEs. */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08006",
]);
const UNAVAILABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED/i;

/** Whether an error (or one of its causes) says the database can't be reached, as opposed to a query that failed. */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && depth < 6; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
    e = cause;
  }
  return false;
}

/** 503, said plainly: a restart of the database is a wait, not an error in Tandem or in the request. */
export function databaseUnavailable(cause?: unknown) {
  return new TRPCError({
    code: "SERVICE_UNAVAILABLE",
    message: "Tandem can't reach its database right now. Nothing was changed; try again in a moment.",
    cause,
  });
}
