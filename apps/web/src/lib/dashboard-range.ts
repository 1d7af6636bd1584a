import { TIME_RANGES, type TimeRange } from "@tandem/domain/dashboard";
import { addDays, differenceInCalendarDays, format, parseISO } from "date-fns";
import { parseAsBoolean, parseAsString, parseAsStringLiteral } from "nuqs/server";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A dashboard's range and comparison in the URL: `?range=year`, `?range=custom&from=…&to=…`, `&compare=1`. */
export const dashboardRangeParams = {
  range: parseAsStringLiteral(TIME_RANGES).withDefault("quarter"),
  from: parseAsString,
  to: parseAsString,
  compare: parseAsBoolean.withDefault(false),
};

const LENGTH: Record<Exclude<TimeRange, "custom">, number> = { "4w": 28, quarter: 91, year: 364 };
const day = (d: Date) => format(d, "yyyy-MM-dd");

/** The days a range covers, ending today (custom: as given, when it reads as two days in order). */
export function rangeDays(range: TimeRange, today: string, custom: { from: string | null; to: string | null } = { from: null, to: null }) {
  if (range === "custom" && custom.from && custom.to && DAY.test(custom.from) && DAY.test(custom.to) && custom.from <= custom.to) {
    return { from: custom.from, to: custom.to };
  }
  const length = LENGTH[range === "custom" ? "quarter" : range];
  return { from: day(addDays(parseISO(today), -(length - 1))), to: today };
}

/** The range of the same length just before: what "compare to previous" reads. */
export function previousRange({ from, to }: { from: string; to: string }) {
  const length = differenceInCalendarDays(parseISO(to), parseISO(from)) + 1;
  return { from: day(addDays(parseISO(from), -length)), to: day(addDays(parseISO(from), -1)) };
}
