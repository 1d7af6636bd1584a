import { format, formatDistanceToNow, isSameYear, parseISO } from "date-fns";

/** "Jun 3", or "Jun 3, 2027" outside this year, for a YYYY-MM-DD date. */
export function formatDay(isoDate: string, now = new Date()) {
  const d = parseISO(isoDate);
  return isSameYear(d, now) ? format(d, "MMM d") : format(d, "MMM d, yyyy");
}

/** "2 min ago" for a moment; the exact time goes in a title next to it. */
export function ago(at: Date | string) {
  const d = typeof at === "string" ? new Date(at) : at;
  const words = formatDistanceToNow(d, { addSuffix: true });
  return words === "less than a minute ago" ? "just now" : words.replace("minutes", "min").replace("minute", "min");
}

export function exactTime(at: Date | string) {
  const d = typeof at === "string" ? new Date(at) : at;
  return format(d, "EEEE d MMMM yyyy, HH:mm:ss");
}

/** "Today", "Yesterday" or "Monday 3 June", for day headings in activity lists. */
export function dayHeading(at: Date, now = new Date()) {
  const day = format(at, "yyyy-MM-dd");
  if (day === format(now, "yyyy-MM-dd")) return "Today";
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (day === format(yesterday, "yyyy-MM-dd")) return "Yesterday";
  return isSameYear(at, now) ? format(at, "EEEE d MMMM") : format(at, "EEEE d MMMM yyyy");
}
