"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { type DefaultValues, type FieldValues, type Path, type Resolver, useForm } from "react-hook-form";
import type { z } from "zod";

import { formErrorsFrom } from "~/lib/form-errors";
import { toast } from "~/lib/toast";

/**
 * A form validated in the browser by the same zod schema the API parses its input with
 * (`@tandem/api/validators`), so a message under a field reads the same from either end.
 * `serverError` puts the API's field errors under their fields (every field the form has must be
 * in its default values, `undefined` if empty) and anything else in a toast, or, with
 * `{ inForm: true }`, in `errors.root` for the form to show as its alert.
 */
export function useSchemaForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, defaultValues: DefaultValues<z.input<S>>) {
  // The resolver types are written per zod major version; S is a zod 4 schema.
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues,
    mode: "onSubmit",
  });
  function serverError(err: unknown, toastTitle: string, { inForm = false }: { inForm?: boolean } = {}) {
    const { fields, form: message } = formErrorsFrom(err, Object.keys(defaultValues as object));
    for (const [name, text] of Object.entries(fields)) form.setError(name as Path<z.input<S>>, { type: "server", message: text });
    if (message === null) return;
    if (inForm) form.setError("root", { type: "server", message });
    else toast.error(toastTitle, { description: message });
  }
  return { ...form, serverError };
}
