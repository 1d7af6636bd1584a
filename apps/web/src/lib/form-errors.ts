import type { z } from "zod";

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** The first message per field from a failed zod parse (a nested one also as "outer.inner", e.g. "sides.it"). */
export function zodFieldErrors<K extends string>(error: z.ZodError): FieldErrors<K> {
  const out: Partial<Record<string, string>> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "");
    if (key && !out[key]) out[key] = issue.message;
    const nested = issue.path.length > 1 ? `${key}.${String(issue.path[1])}` : "";
    if (nested && !out[nested]) out[nested] = issue.message;
  }
  return out as FieldErrors<K>;
}

/** Field messages a tRPC error carries (the API flattens its zod errors into `data.fieldErrors`). */
export function trpcFieldErrors<K extends string>(err: unknown): FieldErrors<K> {
  const data = (err as { data?: { fieldErrors?: Record<string, string[] | undefined> | null } } | null)?.data;
  const out: Partial<Record<string, string>> = {};
  for (const [key, messages] of Object.entries(data?.fieldErrors ?? {})) {
    if (messages?.[0]) out[key] = messages[0];
  }
  return out as FieldErrors<K>;
}

/**
 * Where a refused submit's messages go: each field error the API sent for one of the form's
 * `fields` under that field, and anything else (a refusal about no field, like "only IT records
 * this KPI", or a field the form doesn't show) as one message about the whole form.
 */
export function formErrorsFrom<K extends string>(err: unknown, fields: readonly K[]): { fields: FieldErrors<K>; form: string | null } {
  const all = trpcFieldErrors<string>(err);
  const out: FieldErrors<K> = {};
  for (const name of fields) if (all[name]) out[name] = all[name];
  return { fields: out, form: Object.keys(out).length > 0 ? null : errorMessage(err) };
}

export function trpcCode(err: unknown): string | undefined {
  return (err as { data?: { code?: string } } | null)?.data?.code;
}

export function errorMessage(err: unknown, fallback = "Something went wrong. Try again."): string {
  if (err && typeof err === "object" && "message" in err && typeof err.message === "string" && err.message) {
    // Network failures reach us as TypeErrors with browser wording; say it plainly instead.
    if (err.message === "Failed to fetch" || err.message.startsWith("NetworkError")) {
      return "Can't reach Tandem. Check your connection and try again.";
    }
    return err.message;
  }
  return fallback;
}
