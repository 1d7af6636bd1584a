"use client";

import type { RouterOutputs } from "@tandem/api";
import { WORKING_SIDES, type WorkingSide } from "@tandem/domain/sides";

import { Field } from "~/components/forms/field";
import { UserAvatar } from "~/components/people/user-avatar";
import { Input } from "@tandem/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@tandem/ui/select";
import { Textarea } from "@tandem/ui/textarea";
import type { FieldErrors } from "~/lib/form-errors";
import { PHASE_HINTS, PHASE_LABELS, PHASES, type Phase } from "~/lib/projects";
import { SIDE_LABELS, SIDE_STYLES } from "~/lib/sides";
import { cn } from "~/lib/utils";

export type Member = RouterOutputs["member"]["list"][number];
export type ProjectFieldKey = "name" | "outcome" | "phase" | "targetDate" | "sides.marketing" | "sides.it" | "checkInCadenceDays";

/** What the project forms edit, as the inputs hold it (dates as YYYY-MM-DD or "", cadence as typed). */
export interface ProjectFieldValues {
  name: string;
  outcome: string;
  phase: Phase;
  targetDate: string;
  /** Each working side's lead (a member id, or "" while none is chosen). */
  leads: Record<WorkingSide, string>;
  /** Days between check-ins, as text so a half-typed custom number stays as typed. */
  cadence: string;
  /** The custom-days input is showing (even when it holds a preset's number). */
  cadenceCustom: boolean;
}

/** The first lead-role member of a side, or anyone on it; me first when I'm on that side. */
export function defaultLead(members: Member[], side: WorkingSide, meId: string) {
  const onSide = members.filter((m) => m.side === side);
  return (onSide.find((m) => m.id === meId) ?? onSide.find((m) => m.role === "lead") ?? onSide.find((m) => m.role === "admin") ?? onSide[0])?.id ?? "";
}

export const CADENCE_PRESETS = [
  { days: 7, label: "Weekly" },
  { days: 14, label: "Every 2 weeks" },
  { days: 30, label: "Monthly" },
] as const;

/** "weekly", "every 2 weeks", "monthly" or "every 5 days", for sentences. */
export function cadenceLabel(days: number) {
  const preset = CADENCE_PRESETS.find((p) => p.days === days);
  if (preset) return preset.label.toLowerCase();
  return days === 1 ? "daily" : `every ${days} days`;
}

/**
 * The fields the new-project and edit-project dialogs share, so both look and validate alike.
 * `show` picks the optional ones: phase (creating) and the check-in cadence (editing).
 */
export function ProjectFields({
  idPrefix,
  values,
  onChange,
  errors,
  members,
  show = {},
  autoFocusName = false,
}: {
  idPrefix: string;
  values: ProjectFieldValues;
  onChange: (patch: Partial<ProjectFieldValues>) => void;
  errors: FieldErrors<ProjectFieldKey>;
  members: Member[];
  show?: { phase?: boolean; cadence?: boolean };
  autoFocusName?: boolean;
}) {
  const id = (k: string) => `${idPrefix}-${k}`;
  return (
    <>
      <Field id={id("name")} label="Name" error={errors.name}>
        {(a) => (
          <Input
            {...a}
            value={values.name}
            onChange={(e) => onChange({ name: e.target.value })}
            maxLength={120}
            placeholder="Consent banner relaunch"
            autoFocus={autoFocusName}
          />
        )}
      </Field>
      <Field id={id("outcome")} label="Customer outcome" hint="What changes for customers when this is done. One or two sentences." error={errors.outcome}>
        {(a) => (
          <Textarea
            {...a}
            value={values.outcome}
            onChange={(e) => onChange({ outcome: e.target.value })}
            maxLength={500}
            rows={2}
            placeholder="Visitors choose their cookie settings in one step, and campaigns still measure what they need."
          />
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        {show.phase ? (
          <Field id={id("phase")} label="Phase" hint={PHASE_HINTS[values.phase]} error={errors.phase}>
            {(a) => (
              <Select value={values.phase} onValueChange={(v) => onChange({ phase: v as Phase })}>
                <SelectTrigger {...a}>
                  <SelectValue>{PHASE_LABELS[values.phase]}</SelectValue>
                </SelectTrigger>
                <SelectContent>
                  {PHASES.map((p) => (
                    <SelectItem key={p} value={p}>
                      {PHASE_LABELS[p]}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            )}
          </Field>
        ) : null}
        <Field id={id("target")} label="Target date (optional)" error={errors.targetDate}>
          {(a) => <Input {...a} type="date" value={values.targetDate} onChange={(e) => onChange({ targetDate: e.target.value })} />}
        </Field>
        {show.cadence ? (
          <CadenceField id={id("cadence")} value={values.cadence} custom={values.cadenceCustom} onChange={onChange} error={errors.checkInCadenceDays} />
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {WORKING_SIDES.map((side) => (
          <LeadField
            key={side}
            id={id(`${side}-lead`)}
            side={side}
            value={values.leads[side]}
            options={members.filter((m) => m.side === side)}
            onChange={(v) => onChange({ leads: { ...values.leads, [side]: v } })}
            error={errors[`sides.${side}`]}
          />
        ))}
      </div>
    </>
  );
}

function LeadField({
  id,
  side,
  value,
  options,
  onChange,
  error,
}: {
  id: string;
  side: WorkingSide;
  value: string;
  options: Member[];
  onChange: (v: string) => void;
  error?: string;
}) {
  return (
    <Field
      id={id}
      label={
        <span className="flex items-center gap-1.5">
          <span aria-hidden className={cn("size-2 rounded-full", SIDE_STYLES[side].dot)} /> {SIDE_LABELS[side]} lead
        </span>
      }
      error={error}
    >
      {(a) => (
        <Select value={value} onValueChange={onChange}>
          <SelectTrigger {...a}>
            <SelectValue placeholder={options.length ? "Choose a lead" : `Nobody on the ${SIDE_LABELS[side]} side yet`}>
              {options.find((m) => m.id === value)?.name}
            </SelectValue>
          </SelectTrigger>
          <SelectContent>
            {options.map((m) => (
              <SelectItem key={m.id} value={m.id}>
                <UserAvatar name={m.name} side={m.side} size="xs" />
                {m.name}
                {m.title ? <span className="text-muted-foreground">· {m.title}</span> : null}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      )}
    </Field>
  );
}

/** Weekly / every 2 weeks / monthly, or a custom number of days (1–90, as the API allows). */
function CadenceField({
  id,
  value,
  custom,
  onChange,
  error,
}: {
  id: string;
  value: string;
  custom: boolean;
  onChange: (patch: Pick<ProjectFieldValues, "cadence" | "cadenceCustom">) => void;
  error?: string;
}) {
  const preset = custom ? undefined : CADENCE_PRESETS.find((p) => String(p.days) === value);
  return (
    <Field id={id} label="Check-in cadence" hint="How often each lead posts a check-in. It shows as due a day before." error={error}>
      {(a) => (
        <div className="flex gap-2">
          <Select
            value={preset ? value : "custom"}
            onValueChange={(v) => onChange(v === "custom" ? { cadence: value, cadenceCustom: true } : { cadence: v, cadenceCustom: false })}
          >
            <SelectTrigger {...a} className={cn(!preset && "min-w-0 flex-1")}>
              <SelectValue>{preset ? preset.label : "Custom"}</SelectValue>
            </SelectTrigger>
            <SelectContent>
              {CADENCE_PRESETS.map((p) => (
                <SelectItem key={p.days} value={String(p.days)}>
                  {p.label}
                </SelectItem>
              ))}
              <SelectItem value="custom">Custom…</SelectItem>
            </SelectContent>
          </Select>
          {preset ? null : (
            <label className="flex shrink-0 items-center gap-1.5 text-sm text-muted-foreground">
              Every
              <Input
                type="number"
                inputMode="numeric"
                min={1}
                max={90}
                aria-label="Days between check-ins"
                aria-invalid={error ? true : undefined}
                className="w-20"
                value={value}
                onChange={(e) => onChange({ cadence: e.target.value, cadenceCustom: true })}
              />
              days
            </label>
          )}
        </div>
      )}
    </Field>
  );
}

/** The cadence text as the number the API takes (NaN when it isn't one, which the schema then refuses). */
export function cadenceDays(value: string) {
  const t = value.trim();
  return /^\d+$/.test(t) ? Number(t) : Number.NaN;
}
