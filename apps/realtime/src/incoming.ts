import { safeParse, type Ack, type Infer, type Schema } from "@tandem/realtime-contract";

export interface Incoming<T, R> {
  /** The validated request, or null when the payload does not match the schema. */
  request: T | null;
  /** Answers the client's ack; a no-op when the client sent none. */
  reply: (res: Ack<R>) => void;
  hasAck: boolean;
}

/**
 * Splits a client event's raw arguments into a request checked against the shared schema and a
 * reply function. Types are not validation: a client can send anything in any position.
 */
export function incoming<S extends Schema, R>(args: unknown[], schema: S): Incoming<Infer<S>, R> {
  const last = args.at(-1);
  const hasAck = typeof last === "function";
  const payload = hasAck ? (args.length > 1 ? args[0] : undefined) : args[0];
  const parsed = safeParse(schema, payload);
  let replied = false;
  return {
    request: parsed.success ? parsed.output : null,
    hasAck,
    reply: (res) => {
      if (!hasAck || replied) return;
      replied = true;
      (last as (res: Ack<R>) => void)(res);
    },
  };
}
