import { TRPCError } from "@trpc/server";
import { z } from "zod";

/**
 * A refusal about one input field that only a service can decide (a period that doesn't match the
 * KPI's cadence, a value outside its unit): BAD_REQUEST, carrying a zod error on that field, so
 * the error formatter hands it to the form in `fieldErrors` exactly like a refusal of the input
 * schema, and the message lands under the field.
 */
export function fieldError(field: string, message: string): TRPCError {
  // Made by a parse, not `new ZodError(…)`: only a parse's error is an Error, which tRPC keeps as the cause.
  const refused = z.object({ [field]: z.custom(() => false, { message }) }).safeParse({});
  return new TRPCError({ code: "BAD_REQUEST", message, cause: refused.error });
}
