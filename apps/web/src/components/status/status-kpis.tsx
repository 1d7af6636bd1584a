import type { RouterOutputs } from "@tandem/api";
import { formatKpiValue, KPI_OWNER_LABELS, KPI_STATE_LABELS, type KpiState } from "@tandem/domain/kpi";

import { cn } from "~/lib/utils";

type Headline = RouterOutputs["kpi"]["headline"][number];

/** The same shades as the health chips: -700/-800 text on -50 tints, readable outdoors. */
const STATE_CHIP: Record<KpiState, string> = {
  on: "bg-emerald-50 text-emerald-800 ring-emerald-600/25",
  at_risk: "bg-amber-50 text-amber-800 ring-amber-600/30",
  off: "bg-red-50 text-red-700 ring-red-600/25",
};

/** "▲ 0.3 % on last period", better or worse by the KPI's direction. */
function trend(k: Headline) {
  if (k.value === null || k.previous === null || k.value === k.previous)
    return k.value === null ? null : { text: "no change on last period", tone: "text-slate-600" };
  const up = k.value > k.previous;
  const better = up === (k.direction === "higher");
  const delta = formatKpiValue(Math.abs(k.value - k.previous), k);
  return { text: `${up ? "▲" : "▼"} ${delta} on last period`, tone: better ? "text-emerald-800" : "text-red-700" };
}

/** The headline KPIs (agreed by both sides) on the phone status page: value, target, state and trend. */
export function StatusKpis({ kpis, href }: { kpis: Headline[]; href: (id: string) => string }) {
  if (kpis.length === 0) return null;
  return (
    <section aria-labelledby="status-kpis" className="grid gap-2">
      <h2 id="status-kpis" className="text-sm font-semibold text-slate-800">
        Headline KPIs
      </h2>
      <ul className="grid gap-2 sm:grid-cols-2" data-testid="status-kpis">
        {kpis.map((k) => {
          const t = trend(k);
          return (
            <li key={k.id} className="relative rounded-xl border border-slate-200 bg-white p-3.5" data-testid="status-kpi">
              <div className="flex items-start justify-between gap-2">
                <a
                  href={href(k.id)}
                  className="min-w-0 text-sm font-medium leading-snug after:absolute after:inset-0 focus-visible:underline focus-visible:outline-none"
                >
                  {k.name}
                </a>
                {k.state ? (
                  <span className={cn("shrink-0 rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset", STATE_CHIP[k.state])}>
                    {KPI_STATE_LABELS[k.state]}
                  </span>
                ) : null}
              </div>
              <p className="mt-1.5 text-2xl font-semibold tabular-nums">{k.value === null ? "—" : formatKpiValue(k.value, k)}</p>
              <p className="mt-0.5 text-xs text-slate-600">
                Target {formatKpiValue(k.target, k)} · {KPI_OWNER_LABELS[k.owner]}
                {k.period ? ` · ${k.period}` : " · no value yet"}
              </p>
              {t ? <p className={cn("mt-0.5 text-xs font-medium", t.tone)}>{t.text}</p> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
