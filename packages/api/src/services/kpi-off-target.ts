import type { Transaction } from "@tandem/db";
import { agreedComputedKpisForUpdate, computeMetric, insertNotifications, kpiOwnerLeads, METRICS, putKpiComputedState } from "@tandem/db/queries";
import type { Kpi } from "@tandem/db/schema";
import { movesComputedKpis, type WritableAction } from "@tandem/domain/actions";
import { formatKpiValue, kpiState } from "@tandem/domain/kpi";
import { isMetricId } from "@tandem/domain/metrics";
import { periodLabel, periodStart, todayIn } from "@tandem/domain/rules";

import { type LogFn, type WriteContext, writeWithLog } from "../log/writer";
import { SYSTEM_ACTOR } from "./workspace";

/**
 * A KPI went off target for a period: the owning side's leads and admins (both sides' for a joint
 * KPI) get an inbox entry, and the feed a `kpi.off_target` entry. The caller has decided it is a
 * crossing (it wasn't off before); entered, imported and computed KPIs all tell it this way.
 */
export async function raiseOffTarget(tx: Transaction, log: LogFn, kpi: Kpi, { periodStart: start, value }: { periodStart: string; value: number }) {
  const sides = kpi.owner === "joint" ? (["marketing", "it"] as const) : ([kpi.owner] as const);
  const leads = await kpiOwnerLeads(tx, { workspaceId: kpi.workspaceId, sides: [...sides] });
  const period = periodLabel(start, kpi.cadence);
  await insertNotifications(
    tx,
    leads.map((l) => ({
      workspaceId: kpi.workspaceId,
      recipientId: l.id,
      kind: "kpi_off_target" as const,
      actorName: "Tandem",
      kpiId: kpi.id,
      title: kpi.name,
      excerpt: `${formatKpiValue(value, kpi)} for ${period}; the target is ${formatKpiValue(kpi.target, kpi)}.`,
    })),
  );
  await log({
    action: "kpi.off_target",
    entityId: kpi.id,
    projectId: null,
    summary: {
      label: kpi.name,
      after: { periodStart: start, period, value, target: kpi.target, atRisk: kpi.atRisk },
      notify: leads.map((l) => l.userId),
    },
  });
}

/**
 * After a write whose entries can move a computed KPI (its actions invalidate READS_COMPUTED_KPIS:
 * tasks, comments, check-ins, milestones), checks the workspace's agreed computed KPIs for the
 * current period, one metric statement each, and raises the off-target alert for each one that
 * crossed into off since the last check. Where each stood is kept in `kpi_computed_state`, so it
 * is once per crossing across requests, processes and restarts. A period or definition version not
 * checked before starts from "nothing measured yet" (the metric's empty value: 0 for throughput or
 * time blocked, no value for the rest), so a throughput that starts each week at 0 doesn't alert
 * every Monday, while a first slow task of the week does.
 *
 * Runs after the write's commit, in its own transaction as Tandem: the KPI rows are locked while
 * they are checked, so two checks in a row each compare with what the other stored. A workspace
 * without agreed computed KPIs costs one query.
 */
export async function checkComputedKpis(
  ctx: Pick<WriteContext, "db" | "realtime" | "signer" | "requestId">,
  written: { workspaceId: string; actions: WritableAction[] },
) {
  if (!written.actions.some(movesComputedKpis)) return;
  const { workspaceId } = written;
  await writeWithLog(
    { db: ctx.db, realtime: ctx.realtime, requestId: ctx.requestId, signer: ctx.signer, workspaceId, actor: SYSTEM_ACTOR },
    async (tx, log) => {
      for (const { kpi, timeZone, stored } of await agreedComputedKpisForUpdate(tx, { workspaceId })) {
        const metric = kpi.formula?.metric;
        if (!isMetricId(metric)) continue;
        const current = periodStart(todayIn(timeZone), kpi.cadence);
        const [point] = await computeMetric(tx, metric, {
          workspaceId,
          timeZone,
          cadence: kpi.cadence,
          from: current,
          to: current,
          side: kpi.formula?.side ?? null,
          projectId: kpi.formula?.projectId ?? null,
        });
        const value = point?.value ?? null;
        const state = value === null ? null : kpiState(value, kpi);
        const known = stored !== null && stored.kpiVersion === kpi.version && stored.periodStart === current;
        if (known && stored.state === state) continue;
        const empty = METRICS[metric].empty;
        const before = known ? stored.state : empty === null ? null : kpiState(empty, kpi);
        await putKpiComputedState(tx, { kpiId: kpi.id, workspaceId, kpiVersion: kpi.version, periodStart: current, value, state });
        if (state === "off" && before !== "off" && value !== null) await raiseOffTarget(tx, log, kpi, { periodStart: current, value });
      }
    },
  );
}
