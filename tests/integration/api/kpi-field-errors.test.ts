import type { Auth } from "@tandem/auth";
import { METRIC_IDS } from "@tandem/domain/metrics";
import { periodKey, periodStart } from "@tandem/domain/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The web forms' own mapping of a refusal to their fields: what a person sees is what is tested.
import { formErrorsFrom } from "../../../apps/web/src/lib/form-errors";
import { callerFor } from "../support/api";
import { createTestAuth } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";
import { mutationRefusal } from "../support/http";
import { createFixture, type Fixture, type Person } from "../support/workspace";

const RECORD_FIELDS = ["period", "value", "note", "sourceUrl"] as const;
const KPI_FIELDS = ["name", "description", "unit", "currency", "direction", "target", "atRisk", "cadence", "owner", "source", "formula", "projectIds"] as const;

describe.each(DB_KINDS)("KPI forms get the API's refusals under their fields, on %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let f: Fixture;
  const thisWeek = periodKey(periodStart(new Date().toISOString().slice(0, 10), "weekly"), "weekly");
  const definition = {
    name: "MQL to SQL",
    description: "",
    unit: "percent",
    direction: "higher",
    target: 25,
    atRisk: 20,
    cadence: "weekly",
    owner: "marketing",
    source: "entered",
  } as const;

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    f = await createFixture(t.db, auth, "kpi-fields");
  });
  afterAll(async () => t?.close());

  const record = (by: Person, kpiId: string, input: Record<string, unknown>) =>
    mutationRefusal(t.db, auth, by, "kpi.record", { workspaceSlug: f.slug, kpiId, ...input });

  it("puts a refused value or period under its field, and a refusal about no field above the form", async () => {
    const k = await (await callerFor(t.db, auth, f.mMember)).kpi.create({ workspaceSlug: f.slug, ...definition });

    // Checked by the service, not the input schema: out of the unit's range, a period of another cadence, not a period.
    const outOfRange = await record(f.mMember, k.id, { period: thisWeek, value: 120 });
    expect(outOfRange.data.code).toBe("BAD_REQUEST");
    expect(formErrorsFrom(outOfRange, RECORD_FIELDS)).toEqual({ fields: { value: "The value is not a percentage between 0 and 100." }, form: null });

    const month = await record(f.mMember, k.id, { period: "2026-12", value: 10 });
    const monthErrors = formErrorsFrom(month, RECORD_FIELDS);
    expect(Object.keys(monthErrors.fields)).toEqual(["period"]);
    expect(monthErrors.fields.period).toMatch(/^“2026-12” is a month; this KPI is weekly/);
    expect(monthErrors.form).toBeNull();
    expect(formErrorsFrom(await record(f.mMember, k.id, { period: "2026-12-02", value: 10 }), RECORD_FIELDS).fields.period).toMatch(
      /not the first day of a weekly period/,
    );
    expect(formErrorsFrom(await record(f.mMember, k.id, { period: "soon", value: 10 }), RECORD_FIELDS).fields.period).toMatch(/not a period/);

    // Refused by the input schema: not a number.
    const text = await record(f.mMember, k.id, { period: thisWeek, value: "12" });
    expect(Object.keys(formErrorsFrom(text, RECORD_FIELDS).fields)).toEqual(["value"]);

    // The wrong side concerns no field: one message for the whole form, and no field marked.
    const wrongSide = await record(f.iMember, k.id, { period: thisWeek, value: 10 });
    expect(wrongSide.data.code).toBe("FORBIDDEN");
    expect(formErrorsFrom(wrongSide, RECORD_FIELDS)).toEqual({ fields: {}, form: "Only Marketing records values of this KPI." });

    // Nothing was written by any of them.
    expect((await (await callerFor(t.db, auth, f.viewer)).kpi.get({ workspaceSlug: f.slug, kpiId: k.id })).history).toEqual([]);
  });

  it("refuses a metric the registry doesn't have, under the metric field, and takes every one it has", async () => {
    const computed = { ...definition, unit: "count", target: 5, atRisk: 3, source: "computed" } as const;
    for (const metric of ["no_such_metric", "THROUGHPUT", "throughput; drop table kpi", ""]) {
      const refused = await mutationRefusal(t.db, auth, f.mMember, "kpi.create", { workspaceSlug: f.slug, ...computed, formula: { metric } });
      expect(refused.data.code, metric).toBe("BAD_REQUEST");
      expect(formErrorsFrom(refused, KPI_FIELDS), metric).toEqual({
        fields: { formula: metric === "" ? "Choose a metric." : "That is not a metric Tandem computes: choose one from the list." },
        form: null,
      });
    }
    const api = await callerFor(t.db, auth, f.mMember);
    const made = await api.kpi.create({ workspaceSlug: f.slug, ...computed, name: "Throughput", formula: { metric: "throughput" } });
    // Changing a computed KPI's metric to an unknown one is refused the same way.
    const update = await mutationRefusal(t.db, auth, f.mMember, "kpi.update", { workspaceSlug: f.slug, kpiId: made.id, formula: { metric: "nope" } });
    expect(formErrorsFrom(update, KPI_FIELDS).fields).toEqual({ formula: "That is not a metric Tandem computes: choose one from the list." });
    for (const metric of METRIC_IDS) {
      await expect(api.kpi.create({ workspaceSlug: f.slug, ...computed, name: `Metric ${metric}`, formula: { metric } })).resolves.toMatchObject({
        source: "computed",
      });
    }
  });
});
