"use client";

import { Plus } from "lucide-react";
import { useState } from "react";

import { Field } from "~/components/forms/field";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { Spinner } from "~/components/ui/spinner";
import { errorMessage, trpcFieldErrors, type FieldErrors } from "~/lib/form-errors";
import { toast } from "~/lib/toast";

export type MilestoneField = "title" | "dueOn";
export type MilestoneValues = { title: string; dueOn: string };

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
  const [title, setTitle] = useState(initial.title);
  const [dueOn, setDueOn] = useState(initial.dueOn);
  const [localErrors, setLocalErrors] = useState<FieldErrors<MilestoneField>>({});
  const errors = { ...serverErrors, ...localErrors };

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const local: FieldErrors<MilestoneField> = {};
    if (!title.trim()) local.title = "Title is required.";
    if (!dueOn) local.dueOn = "Pick the date it is due.";
    setLocalErrors(local);
    if (!local.title && !local.dueOn) onSubmit({ title: title.trim(), dueOn });
  }

  return (
    <form
      onSubmit={submit}
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
        {(control) => <Input {...control} value={title} maxLength={200} placeholder="e.g. Consent banner live" autoFocus={Boolean(onCancel)} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field id={`${idPrefix}-due`} label="Due" error={errors.dueOn}>
        {(control) => <Input {...control} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />}
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
