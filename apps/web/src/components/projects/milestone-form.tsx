"use client";

import { addMilestoneSchema } from "@tandem/api/validators";
import { Plus } from "lucide-react";
import { useState } from "react";
import { z } from "zod";

import { Field } from "~/components/forms/field";
import { useSchemaForm } from "~/components/forms/use-schema-form";
import { Button } from "@tandem/ui/button";
import { Input } from "@tandem/ui/input";
import { Spinner } from "@tandem/ui/spinner";
import { errorMessage, trpcFieldErrors, type FieldErrors } from "~/lib/form-errors";
import { toast } from "~/lib/toast";

export type MilestoneField = "title" | "dueOn";
export type MilestoneValues = { title: string; dueOn: string };

// The API's own rules for a milestone's title and date, so both ends say the same.
const milestoneValues = addMilestoneSchema.pick({ title: true, dueOn: true }).extend({
  dueOn: z.string().min(1, "Pick the date it is due.").pipe(addMilestoneSchema.shape.dueOn),
});

/** The add form and a row's edit form: title and due date, each error under its field. */
export function MilestoneForm({
  idPrefix,
  label,
  initial = { title: "", dueOn: "" },
  submitLabel,
  pending,
  serverErrors,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  label: string;
  initial?: MilestoneValues;
  submitLabel: string;
  pending: boolean;
  serverErrors: FieldErrors<MilestoneField>;
  onSubmit: (values: MilestoneValues) => void;
  onCancel?: () => void;
}) {
  const form = useSchemaForm(milestoneValues, initial);
  const local = form.formState.errors;
  const errors = { title: local.title?.message ?? serverErrors.title, dueOn: local.dueOn?.message ?? serverErrors.dueOn };

  return (
    <form
      onSubmit={form.handleSubmit((values) => onSubmit({ title: values.title, dueOn: values.dueOn }))}
      onKeyDown={(e) => {
        if (e.key === "Escape" && onCancel) {
          e.stopPropagation();
          onCancel();
        }
      }}
      noValidate
      aria-label={label}
      className="grid w-full gap-3 sm:grid-cols-[minmax(0,1fr)_11rem_auto] sm:items-start"
    >
      <Field id={`${idPrefix}-title`} label="Milestone" error={errors.title}>
        {(control) => <Input {...control} {...form.register("title")} maxLength={200} placeholder="e.g. Consent banner live" autoFocus={Boolean(onCancel)} />}
      </Field>
      <Field id={`${idPrefix}-due`} label="Due" error={errors.dueOn}>
        {(control) => <Input {...control} {...form.register("dueOn")} type="date" />}
      </Field>
      <div className="flex gap-2 sm:mt-[1.625rem]">
        <Button type="submit" className="flex-1 sm:flex-none" disabled={pending}>
          {pending ? <Spinner /> : onCancel ? null : <Plus aria-hidden />} {submitLabel}
        </Button>
        {onCancel ? (
          <Button type="button" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** Field errors from the API go under their fields; anything else is a toast. */
export function useMilestoneFieldErrors(toastTitle: string) {
  const [errors, setErrors] = useState<FieldErrors<MilestoneField>>({});
  const onError = (err: unknown) => {
    const fields = trpcFieldErrors<MilestoneField>(err);
    if (fields.title || fields.dueOn) setErrors(fields);
    else toast.error(toastTitle, { description: errorMessage(err) });
  };
  return { errors, setErrors, onError };
}
