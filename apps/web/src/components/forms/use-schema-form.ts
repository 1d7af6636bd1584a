"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { type DefaultValues, type FieldValues, type Path, type Resolver, useForm } from "react-hook-form";
import type { z } from "zod";

import { errorMessage, trpcFieldErrors } from "~/lib/form-errors";
import { toast } from "~/lib/toast";

/**
 * A form validated in the browser by the same zod schema the API parses its input with
 * (`@tandem/api/validators`), so a message under a field reads the same from either end.
 * `serverError` puts the API's field errors under their fields and anything else in a toast.
 */
export function useSchemaForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, defaultValues: DefaultValues<z.input<S>>) {
  // The resolver types are written per zod major version; S is a zod 4 schema.
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues,
    mode: "onSubmit",
  });
  function serverError(err: unknown, toastTitle: string) {
    const fields = trpcFieldErrors<string>(err);
    const names = Object.keys(fields).filter((k) => k in (defaultValues as object));
    for (const name of names) form.setError(name as Path<z.input<S>>, { type: "server", message: fields[name] });
    if (names.length === 0) toast.error(toastTitle, { description: errorMessage(err) });
  }
  return { ...form, serverError };
}
