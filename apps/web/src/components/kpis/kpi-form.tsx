"use client";

import { createKpiSchema } from "@tandem/api/validators";
import {
  KPI_CADENCE_LABELS,
  KPI_CADENCES,
  KPI_DIRECTION_LABELS,
  KPI_DIRECTIONS,
  KPI_OWNER_LABELS,
  KPI_OWNERS,
  KPI_SOURCE_LABELS,
  KPI_SOURCES,
  KPI_UNIT_LABELS,
  KPI_UNITS,
} from "@tandem/domain/kpi";
import { METRICS_META } from "@tandem/domain/metrics";
import { Input } from "@tandem/ui/input";
import { Textarea } from "@tandem/ui/textarea";
import type { DefaultValues } from "react-hook-form";
import { Controller } from "react-hook-form";
import type { z } from "zod";

import { Field, FormAlert } from "~/components/forms/field";
import { SubmitFooter } from "~/components/forms/submit-footer";
import { useSchemaForm } from "~/components/forms/use-schema-form";

import { ProjectPicker } from "./project-picker";
import { MetricSelect } from "./metric-select";
import { SelectField } from "./select-field";

export type KpiFormValues = z.output<typeof createKpiSchema>;
export type KpiFormInitial = DefaultValues<z.input<typeof createKpiSchema>>;

export const EMPTY_KPI: KpiFormInitial = {
  name: "",
  description: "",
  unit: "percent",
  currency: null,
  direction: "higher",
  cadence: "weekly",
  owner: "joint",
  source: "entered",
  formula: null,
  projectIds: [],
};

const num = { setValueAs: (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(v)) };

/**
 * A KPI's definition, checked by the API's own schema: the New KPI dialog and Edit definition
 * use it alike. `onSubmit` rejects with the API's error, whose field messages go under their fields.
 */
export function KpiForm({
  slug,
  idPrefix,
  initial,
  edit = false,
  submitLabel,
  pendingLabel,
  onSubmit,
  onCancel,
}: {
  slug: string;
  idPrefix: string;
  initial: KpiFormInitial;
  edit?: boolean;
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (values: KpiFormValues) => Promise<unknown>;
  onCancel: () => void;
}) {
  const form = useSchemaForm(createKpiSchema, initial);
  const { errors, isSubmitting } = form.formState;
  const unit = form.watch("unit");
  const source = form.watch("source");
  const id = (name: string) => `${idPrefix}-${name}`;
  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(values);
    } catch (err) {
      form.serverError(err, edit ? "We couldn't save the definition." : "We couldn't create the KPI.");
    }
  });

  return (
    <form noValidate onSubmit={submit} className="grid gap-4" aria-label={edit ? "Edit KPI definition" : "New KPI"}>
      {errors.root?.message ? <FormAlert>{errors.root.message}</FormAlert> : null}
      <Field id={id("name")} label="Name" error={errors.name?.message}>
        {(a) => <Input {...a} {...form.register("name")} maxLength={120} placeholder="e.g. Checkout availability" autoFocus />}
      </Field>
      <Field id={id("description")} label="What it measures" hint="The words both sides sign: what is counted, and how." error={errors.description?.message}>
        {(a) => <Textarea {...a} {...form.register("description")} maxLength={2000} rows={3} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          control={form.control}
          name="unit"
          id={id("unit")}
          label="Unit"
          error={errors.unit?.message}
          options={KPI_UNITS.map((u) => [u, KPI_UNIT_LABELS[u]])}
          onPick={(v) => {
            if (v !== "currency") form.setValue("currency", null);
          }}
        />
        {unit === "currency" ? (
          <Field id={id("currency")} label="Currency code" hint="ISO 4217, like EUR." error={errors.currency?.message}>
            {(a) => <Input {...a} {...form.register("currency")} maxLength={3} autoCapitalize="characters" placeholder="EUR" className="uppercase" />}
          </Field>
        ) : null}
        <SelectField
          control={form.control}
          name="direction"
          id={id("direction")}
          label="Direction"
          error={errors.direction?.message}
          options={KPI_DIRECTIONS.map((d) => [d, KPI_DIRECTION_LABELS[d]])}
        />
        <Field id={id("target")} label="Target" error={errors.target?.message}>
          {(a) => <Input {...a} {...form.register("target", num)} type="number" inputMode="decimal" step="any" />}
        </Field>
        <Field id={id("atRisk")} label="At-risk threshold" hint="Between this and the target reads “at risk”." error={errors.atRisk?.message}>
          {(a) => <Input {...a} {...form.register("atRisk", num)} type="number" inputMode="decimal" step="any" />}
        </Field>
        <SelectField
          control={form.control}
          name="cadence"
          id={id("cadence")}
          label="Cadence"
          error={errors.cadence?.message}
          options={KPI_CADENCES.map((c) => [c, KPI_CADENCE_LABELS[c]])}
        />
        <SelectField
          control={form.control}
          name="owner"
          id={id("owner")}
          label="Owner"
          hint="The side that records its values (joint: either)."
          error={errors.owner?.message}
          options={KPI_OWNERS.map((o) => [o, KPI_OWNER_LABELS[o]])}
        />
        <SelectField
          control={form.control}
          name="source"
          id={id("source")}
          label="Source"
          hint={edit ? "Where its numbers come from can't change; propose a new KPI instead." : undefined}
          disabled={edit}
          error={errors.source?.message}
          options={KPI_SOURCES.map((s) => [s, KPI_SOURCE_LABELS[s]])}
          // No metric chosen yet: the select asks for one ("Choose a metric.").
          onPick={(v) => form.setValue("formula", v === "computed" ? { metric: undefined as never } : null)}
        />
        {source === "computed" ? (
          <MetricSelect
            control={form.control}
            name="formula.metric"
            id={id("metric")}
            error={errors.formula?.metric?.message ?? errors.formula?.message}
            onPick={(m) => {
              // A metric has its own unit and better direction; the form starts from them.
              form.setValue("unit", METRICS_META[m].unit);
              form.setValue("currency", null);
              form.setValue("direction", METRICS_META[m].direction);
            }}
          />
        ) : null}
      </div>
      <Controller
        control={form.control}
        name="projectIds"
        render={({ field }) => (
          <ProjectPicker slug={slug} id={id("projects")} value={field.value ?? []} onChange={field.onChange} error={errors.projectIds?.message} />
        )}
      />
      <SubmitFooter onCancel={onCancel} pending={isSubmitting} label={submitLabel} pendingLabel={pendingLabel} />
    </form>
  );
}
