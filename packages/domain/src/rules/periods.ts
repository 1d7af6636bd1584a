import {
  addMonths,
  addQuarters,
  addWeeks,
  format,
  getISOWeek,
  getISOWeekYear,
  getQuarter,
  isValid,
  parseISO,
  setISOWeek,
  startOfISOWeek,
  startOfMonth,
  startOfQuarter,
} from "date-fns";

import type { KpiCadence } from "../kpi";

/**
 * A KPI's periods: a week (ISO, from Monday), a month or a quarter, each named by its first day
 * (YYYY-MM-DD). Days are calendar days, read and written in the runtime's own zone by date-fns, so
 * the server and every browser agree whatever their zone.
 */
const day = (d: Date) => format(d, "yyyy-MM-dd");
const start = { weekly: startOfISOWeek, monthly: startOfMonth, quarterly: startOfQuarter } as const;
const add = { weekly: addWeeks, monthly: addMonths, quarterly: addQuarters } as const;

/** The first day of the period that holds `date` (YYYY-MM-DD). */
export function periodStart(date: string, cadence: KpiCadence): string {
  return day(start[cadence](parseISO(date)));
}

/** The first day of the period `n` periods after the one starting at `from` (n may be negative). */
export function shiftPeriod(from: string, cadence: KpiCadence, n: number): string {
  return day(add[cadence](parseISO(from), n));
}

/** The day after the period's last day: a period is [start, end). */
export function periodEnd(from: string, cadence: KpiCadence): string {
  return shiftPeriod(from, cadence, 1);
}

/** The starts of every period from the one holding `from` to the one holding `to`, oldest first. */
export function periodsBetween(from: string, to: string, cadence: KpiCadence): string[] {
  const out: string[] = [];
  const last = periodStart(to, cadence);
  for (let p = periodStart(from, cadence); p <= last && out.length < 5000; p = shiftPeriod(p, cadence, 1)) out.push(p);
  return out;
}

/** The period's short name: "2026-W49", "2026-12", "2026-Q4" (also what a CSV may say). */
export function periodKey(from: string, cadence: KpiCadence): string {
  const d = parseISO(from);
  if (cadence === "weekly") return `${getISOWeekYear(d)}-W${String(getISOWeek(d)).padStart(2, "0")}`;
  if (cadence === "monthly") return format(d, "yyyy-MM");
  return `${format(d, "yyyy")}-Q${getQuarter(d)}`;
}

/** The period's name for people: "Week 49, 2026 (from 30 Nov)", "December 2026", "Q4 2026". */
export function periodLabel(from: string, cadence: KpiCadence): string {
  const d = parseISO(from);
  if (cadence === "weekly") return `Week ${getISOWeek(d)}, ${getISOWeekYear(d)} (from ${format(d, "d MMM")})`;
  if (cadence === "monthly") return format(d, "MMMM yyyy");
  return `Q${getQuarter(d)} ${format(d, "yyyy")}`;
}

export type ParsedPeriod = { ok: true; start: string } | { ok: false; reason: string };

/**
 * Reads a period as people write it: its key ("2026-W49", "2026-12", "2026-Q4") or its first day
 * ("2026-11-30"). A day that is not the start of a period of this cadence is refused, naming the
 * start it falls in, so a value is never filed under a period nobody meant.
 */
export function parsePeriod(text: string, cadence: KpiCadence): ParsedPeriod {
  const s = text.trim();
  const names = { weekly: "a week like 2026-W49", monthly: "a month like 2026-12", quarterly: "a quarter like 2026-Q4" } as const;
  const expect = `${names[cadence]}, or the period's first day (YYYY-MM-DD)`;
  let m = /^(\d{4})-W(\d{1,2})$/i.exec(s);
  if (m) {
    if (cadence !== "weekly") return { ok: false, reason: `“${s}” is a week; this KPI is ${cadence}: expected ${expect}` };
    const week = Number(m[2]);
    const jan4 = parseISO(`${m[1]}-01-04`);
    const d = startOfISOWeek(setISOWeek(jan4, week));
    if (week < 1 || week > 53 || getISOWeekYear(d) !== Number(m[1])) return { ok: false, reason: `“${s}” is not a week of ${m[1]}` };
    return { ok: true, start: day(d) };
  }
  m = /^(\d{4})-Q([1-4])$/i.exec(s);
  if (m) {
    if (cadence !== "quarterly") return { ok: false, reason: `“${s}” is a quarter; this KPI is ${cadence}: expected ${expect}` };
    return { ok: true, start: `${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, "0")}-01` };
  }
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) {
    if (cadence !== "monthly") return { ok: false, reason: `“${s}” is a month; this KPI is ${cadence}: expected ${expect}` };
    if (Number(m[2]) < 1 || Number(m[2]) > 12) return { ok: false, reason: `“${s}” is not a month` };
    return { ok: true, start: `${s}-01` };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    const d = parseISO(s);
    if (!isValid(d) || day(d) !== s) return { ok: false, reason: `“${s}” is not a date` };
    const first = periodStart(s, cadence);
    if (first !== s) return { ok: false, reason: `${s} is not the first day of a ${cadence} period (it falls in the one starting ${first})` };
    return { ok: true, start: s };
  }
  return { ok: false, reason: `“${s.slice(0, 40)}” is not a period: expected ${expect}` };
}
