import { formatKpiValue, kpiState } from "@tandem/domain/kpi";
import { periodLabel } from "@tandem/domain/rules";
import { Card } from "@tandem/ui/card";
import { History } from "lucide-react";

import { ScrollRegion } from "~/components/ui/scroll-region";
import { ago, exactTime } from "~/lib/dates";
import type { KpiDetail } from "~/lib/kpis";

import { KpiStateBadge } from "./kpi-badges";

type Revision = KpiDetail["history"][number];

/** What a revision did, in words: a first value, or "corrected by Raj, was 92.1". */
function revisionWords(r: Revision, before: Revision | undefined, kpi: KpiDetail) {
  const who = r.recordedBy ?? "someone who left";
  const how = r.imported ? "imported" : "recorded";
  if (r.revision === 1 || !before) return `${how} by ${who}`;
  return `corrected by ${who}, was ${formatKpiValue(before.value, kpi)}${r.imported ? " (import)" : ""}`;
}

/** Every revision of every period, newest first; a correction says what it replaced. */
export function KpiHistory({ kpi }: { kpi: KpiDetail }) {
  const byKey = new Map(kpi.history.map((h) => [`${h.periodStart}#${h.revision}`, h]));
  return (
    <Card className="grid gap-3 p-4" aria-labelledby="kpi-history-heading">
      <h2 id="kpi-history-heading" className="text-sm font-semibold">
        History
      </h2>
      {kpi.history.length === 0 ? (
        <div className="grid place-items-center gap-2 rounded-lg border border-dashed px-4 py-8 text-center text-sm text-muted-foreground">
          <History aria-hidden className="size-5" />
          No values yet.{" "}
          {kpi.source === "computed"
            ? "Tandem computes this KPI from the work; its values are in the chart."
            : "Recorded and imported values appear here, every correction kept."}
        </div>
      ) : (
        <ScrollRegion label="History table" className="overflow-x-auto rounded-md">
          <table className="w-full min-w-[34rem] text-[13px]" data-testid="kpi-history">
            <caption className="sr-only">Every recorded value and correction, newest first</caption>
            <thead className="border-b text-left text-xs text-muted-foreground">
              <tr>
                <th scope="col" className="py-1.5 pr-3 font-medium">
                  Period
                </th>
                <th scope="col" className="py-1.5 pr-3 text-right font-medium">
                  Value
                </th>
                <th scope="col" className="py-1.5 pr-3 font-medium">
                  State
                </th>
                <th scope="col" className="py-1.5 pr-3 font-medium">
                  Change
                </th>
                <th scope="col" className="py-1.5 font-medium">
                  When
                </th>
              </tr>
            </thead>
            <tbody className="divide-y">
              {kpi.history.map((h) => (
                <tr key={`${h.periodStart}#${h.revision}`} className="align-top">
                  <th scope="row" className="py-2 pr-3 text-left font-normal whitespace-nowrap">
                    {periodLabel(h.periodStart, kpi.cadence).replace(/ \(from .*\)$/, "")}
                  </th>
                  <td className="py-2 pr-3 text-right font-medium tabular-nums">{formatKpiValue(h.value, kpi)}</td>
                  <td className="py-2 pr-3">
                    <KpiStateBadge state={kpiState(h.value, kpi)} />
                  </td>
                  <td className="py-2 pr-3">
                    <span>{revisionWords(h, byKey.get(`${h.periodStart}#${h.revision - 1}`), kpi)}</span>
                    {h.kpiVersion !== kpi.version ? <span className="text-muted-foreground"> · under version {h.kpiVersion}</span> : null}
                    {h.note ? <p className="text-muted-foreground">{h.note}</p> : null}
                    {h.sourceUrl ? (
                      <a href={h.sourceUrl} target="_blank" rel="noreferrer noopener" className="text-primary underline-offset-4 hover:underline">
                        Source
                      </a>
                    ) : null}
                  </td>
                  <td className="py-2 whitespace-nowrap text-muted-foreground">
                    <time dateTime={h.createdAt} title={exactTime(h.createdAt)}>
                      {ago(h.createdAt)}
                    </time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Card>
  );
}
