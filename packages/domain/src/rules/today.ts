/**
 * "Today" is a day in the workspace's time zone, the same on the server and in every browser:
 * a task due today is not overdue in Auckland because it is already tomorrow in UTC.
 */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const format = dayFormat(timeZone);
  return format ? format.format(now) : now.toISOString().slice(0, 10);
}

// Formatters are costly to build and a page asks for today once per card: one per zone.
const formats = new Map<string, Intl.DateTimeFormat | null>();
function dayFormat(timeZone: string) {
  let format = formats.get(timeZone);
  if (format === undefined) {
    // en-CA formats as YYYY-MM-DD; an unknown zone falls back to UTC rather than failing a page.
    try {
      format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    } catch {
      format = null;
    }
    formats.set(timeZone, format);
  }
  return format;
}

/** Whether a zone name is one this runtime knows (what a workspace may store). */
export function isTimeZone(timeZone: string): boolean {
  return dayFormat(timeZone) !== null;
}

/** A YYYY-MM-DD day before `today`: days compare as strings. */
export function isBefore(day: string | null, today: string): boolean {
  return day !== null && day < today;
}
