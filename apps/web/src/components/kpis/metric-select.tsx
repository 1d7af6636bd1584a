"use client";

import { isMetricId, METRIC_IDS, type MetricId, METRICS_META } from "@tandem/domain/metrics";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@tandem/ui/select";
import { type Control, Controller, type FieldValues, type Path } from "react-hook-form";

import { Field } from "~/components/forms/field";

/**
 * The metric a computed KPI is computed from: one of the registry's, each shown with its name and
 * definition (the words both sides sign). The chosen one's full definition goes under the field.
 */
export function MetricSelect<T extends FieldValues>({
  control,
  name,
  id,
  error,
  disabled,
  onPick,
}: {
  control: Control<T>;
  name: Path<T>;
  id: string;
  error?: string;
  disabled?: boolean;
  onPick?: (metric: MetricId) => void;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => {
        const chosen = isMetricId(field.value) ? METRICS_META[field.value] : undefined;
        return (
          <Field
            id={id}
            label="Metric"
            className="sm:col-span-2"
            hint={chosen ? chosen.description : "What Tandem computes from the work itself."}
            error={error}
          >
            {(a) => (
              <Select
                value={isMetricId(field.value) ? field.value : ""}
                disabled={disabled}
                onValueChange={(v) => {
                  if (!isMetricId(v)) return;
                  field.onChange(v);
                  onPick?.(v);
                }}
              >
                <SelectTrigger {...a} onBlur={field.onBlur} className="w-full">
                  <SelectValue placeholder="Choose a metric">{chosen?.name}</SelectValue>
                </SelectTrigger>
                <SelectContent className="max-w-[min(36rem,calc(100vw-2rem))]">
                  {METRIC_IDS.map((m) => (
                    <SelectItem key={m} value={m} description={METRICS_META[m].description}>
                      {METRICS_META[m].name}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            )}
          </Field>
        );
      }}
    />
  );
}
