import type { Database, Side } from "@tandem/db";
import type { KpiCadence, KpiDirection, KpiOwner, KpiUnit } from "@tandem/domain/kpi";
import { METRICS_META } from "@tandem/domain/metrics";
import { periodKey, periodStart, shiftPeriod, todayIn } from "@tandem/domain/rules";

import { writeWithLog, type WriteContext } from "../log/writer";
import { toCsv } from "../services/csv";
import { addWidget, createDashboard } from "../services/dashboard";
import { createKpi, objectToKpi, signKpi } from "../services/kpi";
import { importKpiValues, recordKpiValue } from "../services/kpi-value";
import { demoMembers } from "./members";

interface DemoKpi {
  name: string;
  description: string;
  unit: KpiUnit;
  direction: KpiDirection;
  target: number;
  atRisk: number;
  owner: KpiOwner;
  /** The week's value, i weeks ago (0 = this week). */
  value: (i: number) => number;
  /** IT objects instead of signing, with this reason. */
  itObjects?: string;
}

// A steady wobble, the same on every seed: no randomness in demo data.
const wave = (i: number, a: number, b = 0) => Math.sin(i * 1.7 + b) * a + Math.cos(i * 0.6 + b) * a * 0.5;
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

const KPIS: DemoKpi[] = [
  {
    name: "Campaign launch lead time (days)",
    description: "Days from an approved brief to the campaign live on every channel. Shorter means marketing can answer the market faster.",
    unit: "count",
    direction: "lower",
    target: 14,
    atRisk: 18,
    owner: "marketing",
    value: (i) => round(13 + i * 0.25 + wave(i, 2)),
  },
  {
    name: "MQL → SQL conversion",
    description: "Share of marketing-qualified leads that sales accepts within 30 days: whether marketing and sales agree on what a good lead is.",
    unit: "percent",
    direction: "higher",
    target: 25,
    atRisk: 20,
    owner: "marketing",
    value: (i) => round(24 + wave(i, 3, 1) - i * 0.05),
  },
  {
    name: "Data platform availability",
    description: "Share of the week the customer data platform answered its health check. Marketing's campaigns and insight depend on it.",
    unit: "percent",
    direction: "higher",
    target: 99.9,
    atRisk: 99.5,
    owner: "it",
    // This week's outage puts it off target.
    value: (i) => (i === 0 ? 99.2 : round(99.93 + wave(i, 0.04, 2), 2)),
  },
  {
    name: "Release lead time",
    description: "Hours from a change merged to it running in production, for the sites and apps marketing uses.",
    unit: "duration",
    direction: "lower",
    target: 48,
    atRisk: 72,
    owner: "it",
    value: (i) => round(40 + i * 0.8 + wave(i, 8, 3)),
  },
  {
    name: "Customer-insight requests answered",
    description: "Marketing's questions to the data team answered each week: the research's #1 CMO priority, access to customer insight.",
    unit: "count",
    direction: "higher",
    target: 10,
    atRisk: 7,
    owner: "joint",
    value: (i) => Math.max(0, Math.round(9 + wave(i, 3, 4) - i * 0.1)),
    itObjects: "A count says nothing about whether the answer helped. Add the asker's usefulness rating before we agree on this one.",
  },
];

/**
 * Acme's KPI register: five entered KPIs with 26 weeks of history and three computed from the work, made through the same services (and
 * log) as the app. Four are agreed by both sides, one has an open objection from IT, the data
 * platform's availability is off target this week, and one value was corrected.
 */
export async function seedDemoKpis(db: Database, workspaceId: string, emailDomain = "acme.test") {
  const member = await demoMembers(db, workspaceId, emailDomain);

  const cmo = member("cmo");
  const cio = member("cio");
  const as = (m: { userId: string; name: string; side: Side }): WriteContext => ({ db, workspaceId, actor: { id: m.userId, name: m.name, side: m.side } });
  const cadence: KpiCadence = "weekly";
  const thisWeek = periodStart(todayIn("UTC"), cadence);
  const ids: string[] = [];

  for (const k of KPIS) {
    const owner = k.owner === "it" ? cio : cmo;
    const created = await writeWithLog(as(owner), (tx, log) =>
      createKpi(tx, log, {
        workspaceId,
        createdById: owner.id,
        name: k.name,
        description: k.description,
        unit: k.unit,
        currency: null,
        direction: k.direction,
        target: k.target,
        atRisk: k.atRisk,
        cadence,
        owner: k.owner,
        source: "entered",
        formula: null,
        projectIds: [],
      }),
    );
    const kpiId = created.id;
    ids.push(kpiId);
    await writeWithLog(as(cmo), (tx, log) => signKpi(tx, log, { workspaceId, kpiId, version: 1, signer: cmo }));
    await writeWithLog(as(cio), (tx, log) =>
      k.itObjects
        ? objectToKpi(tx, log, { workspaceId, kpiId, version: 1, reason: k.itObjects, signer: cio })
        : signKpi(tx, log, { workspaceId, kpiId, version: 1, signer: cio }),
    );
    const rows = Array.from({ length: 26 }, (_, n) => 25 - n).map((i) => [periodKey(shiftPeriod(thisWeek, cadence, -i), cadence), k.value(i), ""]);
    await writeWithLog(as(owner), (tx, log) =>
      importKpiValues(tx, log, { workspaceId, kpiId, recorder: owner, csv: toCsv(["period", "value", "note"], rows), fileName: "history.csv" }),
    );
    if (k.name === "Data platform availability") {
      // Raj corrects three weeks ago after the incident review: the page says "corrected by Raj Patel, was …".
      await writeWithLog(as(cio), (tx, log) =>
        recordKpiValue(tx, log, {
          workspaceId,
          kpiId,
          recorder: cio,
          period: periodKey(shiftPeriod(thisWeek, cadence, -3), cadence),
          value: 99.71,
          note: "Corrected after the incident review: the 40-minute checkout outage was missed by the probe.",
          sourceUrl: null,
        }),
      );
    }
  }

  // Speed, agility, responsiveness: computed from the work itself, agreed by both sides.
  const computed = [
    { name: "Task cycle time (median)", metric: "cycle_time_median", unit: "duration", direction: "lower", target: 72, atRisk: 120 },
    { name: "Tasks finished", metric: "throughput", unit: "count", direction: "higher", target: 5, atRisk: 3 },
    { name: "Cross-side response time", metric: "cross_side_response", unit: "duration", direction: "lower", target: 24, atRisk: 48 },
  ] as const;
  for (const c of computed) {
    const created = await writeWithLog(as(cmo), (tx, log) =>
      createKpi(tx, log, {
        workspaceId,
        createdById: cmo.id,
        name: c.name,
        description: `${METRICS_META[c.metric].description}`,
        unit: c.unit,
        currency: null,
        direction: c.direction,
        target: c.target,
        atRisk: c.atRisk,
        cadence,
        owner: "joint",
        source: "computed",
        formula: { metric: c.metric },
        projectIds: [],
      }),
    );
    for (const signer of [cmo, cio]) await writeWithLog(as(signer), (tx, log) => signKpi(tx, log, { workspaceId, kpiId: created.id, version: 1, signer }));
    ids.push(created.id);
  }
  await seedDemoDashboard(as(cmo), { workspaceId, memberId: cmo.id, kpiIds: ids });
}

/** The shared dashboard leadership opens first: the headline tiles, one trend, the health matrix, burn-up and the feed. */
async function seedDemoDashboard(ctx: WriteContext, { workspaceId, memberId, kpiIds }: { workspaceId: string; memberId: string; kpiIds: string[] }) {
  await writeWithLog(ctx, async (tx, log) => {
    const board = await createDashboard(tx, log, {
      workspaceId,
      memberId,
      name: "CMO–CIO shared dashboard",
      description: "What both sides agreed to measure, and how the joint work moves.",
    });
    const widgets = [
      ...kpiIds.slice(0, 4).map((kpiId) => ({ kind: "kpi_tile" as const, config: { kpiId }, width: 1, height: 1 })),
      { kind: "kpi_line" as const, config: { kpiId: kpiIds[2], range: "quarter" }, width: 2, height: 2 },
      { kind: "kpi_bar" as const, config: { kpiId: kpiIds[5], by: "side" }, width: 2, height: 2 },
      { kind: "health_matrix" as const, config: {}, width: 2, height: 2 },
      { kind: "burn_up" as const, config: {}, width: 2, height: 2 },
      { kind: "feed_strip" as const, config: { limit: 8 }, width: 2, height: 2 },
    ];
    for (const w of widgets) await addWidget(tx, log, { workspaceId, dashboardId: board.id, ...w });
  });
}
