import type { RouterInputs, RouterOutputs } from "@tandem/api";

/** The rows the live cache patches, as the API returns them. */
export type TaskRow = RouterOutputs["task"]["list"][number];
export type ProjectRow = RouterOutputs["project"]["list"][number];
export type ProjectDetail = RouterOutputs["project"]["get"];
export type CommentRow = RouterOutputs["comment"]["list"][number];
export type LogPage = RouterOutputs["log"]["list"];
export type LogRow = LogPage["entries"][number];
export type FeedPage = RouterOutputs["feed"]["list"];
export type FeedItem = FeedPage["items"][number];
export type ProjectFilter = NonNullable<RouterInputs["project"]["list"]["filter"]>;

export interface ApplyContext {
  workspaceSlug: string;
  /** The signed-in user: entries that notify them change their inbox. */
  userId: string;
  /** Today as YYYY-MM-DD in the workspace's time zone, for the "overdue" filter. */
  today: string;
}

/** An ISO timestamp from a payload as the Date superjson gives the pages; undefined stays undefined. */
export function toDate(iso: string | null | undefined): Date | null | undefined {
  return typeof iso === "string" ? new Date(iso) : iso;
}

/** The entries of `from` whose value is not undefined: a payload says only what changed. */
export function defined<T extends object>(from: T): Partial<T> {
  return Object.fromEntries(Object.entries(from).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** True when the cached row is already newer than the change (a refetch overtook the entry). */
export function isNewer(cached: { updatedAt: Date }, updatedAt: string | undefined) {
  const at = typeof updatedAt === "string" ? Date.parse(updatedAt) : Number.NaN;
  return Number.isFinite(at) && cached.updatedAt instanceof Date && cached.updatedAt.getTime() > at;
}
