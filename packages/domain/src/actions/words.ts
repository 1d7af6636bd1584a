import { format, isSameYear, parseISO } from "date-fns";

import { SIDE_LABELS, SIDE_NOUNS } from "../sides";
import type { Change } from "./define-types";

/** "Jun 3", or "Jun 3, 2027" outside this year, for a YYYY-MM-DD date. */
export function formatDay(isoDate: string, now = new Date()) {
  const d = parseISO(isoDate);
  return isSameYear(d, now) ? format(d, "MMM d") : format(d, "MMM d, yyyy");
}

export const q = (s: unknown) => `‘${String(s ?? "")}’`;
export const str = (v: unknown) => (typeof v === "string" ? v : undefined);
export const label = <K extends string>(labels: Record<K, string>, v: unknown) => (typeof v === "string" && v in labels ? labels[v as K] : String(v ?? ""));
/** "Marketing", "IT": a side at the start of a phrase. */
export const sideLabel = (v: unknown) => label(SIDE_LABELS, v);
/** "marketing", "IT": a side inside a sentence. */
export const sideNoun = (v: unknown) => label(SIDE_NOUNS, v);

export function article(word: string) {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}

/** Several changes read as "updated ‘X’: a, b"; one reads as its own sentence. */
export function sentence(name: string, changes: Change[]) {
  if (changes.length === 0) return `updated ${q(name)}`;
  if (changes.length === 1) return changes[0]!.alone;
  return `updated ${q(name)}: ${changes.map((c) => c.part).join(", ")}`;
}
