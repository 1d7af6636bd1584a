/**
 * The sides of a workspace, defined once for db, api, contract and web. Marketing and IT are the
 * two *working* sides: each co-owns projects, owns tasks and posts its own health. Leadership
 * reads, comments and acknowledges.
 */
export const SIDES = ["marketing", "it", "leadership"] as const;
export type Side = (typeof SIDES)[number];

/** The sides that own work; per-side data (a project's lead, health…) is one row per working side. */
export const WORKING_SIDES = ["marketing", "it"] as const;
export type WorkingSide = (typeof WORKING_SIDES)[number];

export function isWorkingSide(side: unknown): side is WorkingSide {
  return side === "marketing" || side === "it";
}

/** The other working side: who "asks the other side" means. */
export function otherSide(side: WorkingSide): WorkingSide {
  return side === "marketing" ? "it" : "marketing";
}

/** How each side is named at the start of a sentence or on a chip. */
export const SIDE_LABELS: Record<Side, string> = {
  marketing: "Marketing",
  it: "IT",
  leadership: "Leadership",
};

/** How each side is named inside a sentence: "the marketing lead", "the IT lead". */
export const SIDE_NOUNS: Record<Side, string> = {
  marketing: "marketing",
  it: "IT",
  leadership: "leadership",
};

/** Class names for a side's colour, written out in full so Tailwind sees them. */
export const SIDE_STYLES: Record<Side, { dot: string; ring: string; border: string; soft: string; ink: string; bar: string; blurb: string }> = {
  marketing: {
    dot: "bg-marketing",
    ring: "ring-marketing",
    border: "border-marketing",
    soft: "bg-marketing-soft",
    ink: "text-marketing-ink",
    bar: "bg-marketing",
    blurb: "Campaigns, audiences and the questions the data should answer.",
  },
  it: {
    dot: "bg-it",
    ring: "ring-it",
    border: "border-it",
    soft: "bg-it-soft",
    ink: "text-it-ink",
    bar: "bg-it",
    blurb: "Data, platforms and the infrastructure that makes the work possible.",
  },
  leadership: {
    dot: "bg-leadership",
    ring: "ring-leadership",
    border: "border-leadership",
    soft: "bg-leadership-soft",
    ink: "text-leadership-ink",
    bar: "bg-leadership",
    blurb: "Reads everything, comments and acknowledges; edits nothing.",
  },
};

/** A record with one value per working side, built from a function of the side. */
export function perSide<T>(make: (side: WorkingSide) => T): Record<WorkingSide, T> {
  return { marketing: make("marketing"), it: make("it") };
}
