"use client";

import { recordKpiValueSchema } from "@tandem/api/validators";
import { formatKpiValue, KPI_OWNER_LABELS, kpiValueProblem, mayRecord } from "@tandem/domain/kpi";
import { parsePeriod } from "@tandem/domain/rules";
import { Button } from "@tandem/ui/button";
import { Card } from "@tandem/ui/card";
import { Input } from "@tandem/ui/input";
import { Spinner } from "@tandem/ui/spinner";
import { useMutation } from "@tanstack/react-query";

import { Field, FormAlert } from "~/components/forms/field";
import { useSchemaForm } from "~/components/forms/use-schema-form";
import { useToday } from "~/components/shell/workspace-context";
import { currentPeriodKey, type KpiDetail } from "~/lib/kpis";
import { toast } from "~/lib/toast";
import { useTRPC } from "~/trpc/react";

const valueFields = recordKpiValueSchema.pick({ period: true, value: true, note: true, sourceUrl: true });
const num = { setValueAs: (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(v)) };

/** Whether the page offers the form: a writer of the owning side, an entered KPI still in use. */
export function canRecord(kpi: KpiDetail, me: { role: string; side: string } | undefined) {
  return Boolean(me && me.role !== "viewer" && kpi.status !== "retired" && kpi.source !== "computed" && mayRecord(kpi.owner, me.side));
}

/**
 * Records (or corrects) one period's value. The period is checked here with the API's own rule
 * (parsePeriod), and the API's refusals — a period or value it won't take — land under the field.
 */
export function RecordValueForm({ slug, kpi }: { slug: string; kpi: KpiDetail }) {
  const trpc = useTRPC();
  const today = useToday();
  const record = useMutation(trpc.kpi.record.mutationOptions());
  const schema = valueFields.superRefine((v, ctx) => {
    const p = parsePeriod(v.period, kpi.cadence);
    if (!p.ok) ctx.addIssue({ code: "custom", path: ["period"], message: `${p.reason}.` });
    const problem = typeof v.value === "number" ? kpiValueProblem(kpi, v.value) : null;
    if (problem) ctx.addIssue({ code: "custom", path: ["value"], message: `The value ${problem}.` });
  });
  // Every field is named here, even empty: the API's refusals find their field by these names.
  const initial = { period: currentPeriodKey(today, kpi.cadence), value: undefined, note: "", sourceUrl: "" };
  const form = useSchemaForm(schema, initial);
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    try {
      const res = await record.mutateAsync({ workspaceSlug: slug, kpiId: kpi.id, ...values });
      if (!res.written) toast.info("Nothing changed", { description: "That period already has this value and note." });
      else toast.success(res.revision > 1 ? `Corrected to ${formatKpiValue(values.value, kpi)}` : `Recorded ${formatKpiValue(values.value, kpi)}`);
      form.reset({ ...initial, period: values.period });
    } catch (err) {
      // A period or value the API refused goes under its field; anything else (another side's
      // KPI, a retired one) above the form.
      form.serverError(err, "We couldn't record the value.", { inForm: true });
    }
  });

  return (
    <Card className="grid gap-3 p-4" aria-labelledby="kpi-record-heading">
      <div className="grid gap-0.5">
        <h2 id="kpi-record-heading" className="text-sm font-semibold">
          Record a value
        </h2>
        <p className="text-[13px] text-muted-foreground">
          {KPI_OWNER_LABELS[kpi.owner] === "Joint" ? "Either side" : KPI_OWNER_LABELS[kpi.owner]} records this KPI. A period that has a value gets a correction,
          kept beside the value it corrects.
        </p>
      </div>
      <form noValidate onSubmit={submit} aria-label="Record a value" className="grid gap-3 sm:grid-cols-2">
        {errors.root?.message ? <FormAlert className="sm:col-span-2">{errors.root.message}</FormAlert> : null}
        <Field id="kpi-period" label="Period" hint={`Like ${currentPeriodKey(today, kpi.cadence)}, or the period's first day.`} error={errors.period?.message}>
          {(a) => <Input {...a} {...form.register("period")} maxLength={20} autoComplete="off" />}
        </Field>
        <Field id="kpi-value" label="Value" error={errors.value?.message}>
          {(a) => <Input {...a} {...form.register("value", num)} type="number" inputMode="decimal" step="any" />}
        </Field>
        <Field id="kpi-note" label="Note" className="sm:col-span-2" error={errors.note?.message}>
          {(a) => <Input {...a} {...form.register("note")} maxLength={1000} placeholder="Optional: what explains it" />}
        </Field>
        <Field id="kpi-source" label="Source link" className="sm:col-span-2" error={errors.sourceUrl?.message}>
          {(a) => <Input {...a} {...form.register("sourceUrl")} type="url" maxLength={500} placeholder="Optional: https://… where the number comes from" />}
        </Field>
        <div className="sm:col-span-2">
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? <Spinner /> : null} Record value
          </Button>
        </div>
      </form>
    </Card>
  );
}
