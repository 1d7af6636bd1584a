"use client";

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@tandem/ui/select";
import { type Control, Controller, type FieldValues, type Path } from "react-hook-form";

import { Field } from "~/components/forms/field";

/** A labelled select bound to a react-hook-form field, its error underneath. */
export function SelectField<T extends FieldValues>({
  control,
  name,
  id,
  label,
  hint,
  error,
  options,
  disabled,
  onPick,
}: {
  control: Control<T>;
  name: Path<T>;
  id: string;
  label: string;
  hint?: string;
  error?: string;
  options: [string, string][];
  disabled?: boolean;
  onPick?: (value: string) => void;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Field id={id} label={label} hint={hint} error={error}>
          {(a) => (
            <Select
              value={field.value ?? ""}
              disabled={disabled}
              onValueChange={(v) => {
                field.onChange(v);
                onPick?.(v);
              }}
            >
              <SelectTrigger {...a} onBlur={field.onBlur}>
                <SelectValue>{options.find(([v]) => v === field.value)?.[1]}</SelectValue>
              </SelectTrigger>
              <SelectContent>
                {options.map(([v, l]) => (
                  <SelectItem key={v} value={v}>
                    {l}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        </Field>
      )}
    />
  );
}
