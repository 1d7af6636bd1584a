import { type AfterOf, type ReadAfter, sideOf } from "@tandem/domain/actions";
import { sidesDisagree } from "@tandem/domain/rules";
import { perSide, WORKING_SIDES, type WorkingSide } from "@tandem/domain/sides";
import type { QueryClient, QueryKey } from "@tanstack/react-query";

import { procedureQueryKey, queriesOf } from "../query-keys";
import { type ApplyContext, defined, isNewer, type ProjectDetail, type ProjectFilter, type ProjectRow, toDate } from "../rows";

type Project = ProjectRow["project"];
type Sides = ProjectRow["sides"];
type ProjectListInput = { workspaceSlug: string; filter?: ProjectFilter };
/** What any project entry may carry: its fields, and each side's part. */
type ProjectChange = ReadAfter<"project.updated"> & ReadAfter<"project.health_posted">;

const noSide: Sides[WorkingSide] = { leadId: "", leadName: "", health: null, healthReason: null, healthAt: null };

/** The changed fields of a project as they sit on its row. */
function projectFields(after: ProjectChange): Partial<Project> {
  const { name, outcome, phase, targetDate, checkInCadenceDays, updatedAt } = after;
  return defined({ name, outcome, phase, targetDate, checkInCadenceDays, updatedAt: toDate(updatedAt) ?? undefined });
}

/** Each side of a row with what the entry says changed on it (old and new payload shapes alike). */
function mergeSides(sides: Sides, after: ProjectChange): Sides {
  return perSide((side) => {
    const part = sideOf(after, side);
    return {
      ...sides[side],
      ...defined({ leadId: part.leadId, leadName: part.leadName, health: part.health, healthReason: part.healthReason, healthAt: toDate(part.healthAt) }),
    };
  });
}

/** Whether a row belongs in a list with this filter; undefined when the client can't tell. */
function projectMatchesFilter(row: ProjectRow, filter: ProjectFilter): boolean | undefined {
  const p = row.project;
  if (filter.phase && p.phase !== filter.phase) return false;
  if (filter.health === "disagree" && !row.disagree) return false;
  if (filter.health && filter.health !== "disagree" && !WORKING_SIDES.some((side) => row.sides[side].health === filter.health)) return false;
  if (filter.leadId && !WORKING_SIDES.some((side) => row.sides[side].leadId === filter.leadId)) return false;
  if (filter.search && !p.name.toLowerCase().includes(filter.search.trim().toLowerCase())) return false;
  // "Projects where this side owns open work" depends on tasks the entry doesn't carry.
  if (filter.side) return undefined;
  return true;
}

const byUpdatedDesc = (a: ProjectRow, b: ProjectRow) => b.project.updatedAt.getTime() - a.project.updatedAt.getTime();

export function insertProject(
  queryClient: QueryClient,
  ctx: ApplyContext,
  at: { id: string; workspaceId: string; createdAt: string },
  after: AfterOf<"project.created">,
  invalidate: QueryKey[],
) {
  const project: Project = {
    id: at.id,
    workspaceId: at.workspaceId,
    name: "",
    outcome: "",
    phase: "discovery",
    targetDate: null,
    checkInCadenceDays: 7,
    createdAt: new Date(at.createdAt),
    updatedAt: new Date(at.createdAt),
    ...projectFields(after),
  };
  const sides = mergeSides(
    perSide(() => noSide),
    after,
  );
  const row: ProjectRow = {
    project,
    sides,
    openTasks: 0,
    overdueTasks: 0,
    disagree: sidesDisagree(sides),
    nextMilestone: null,
  };
  for (const { query, input } of queriesOf<ProjectListInput>(queryClient, "project.list", ctx.workspaceSlug)) {
    const match = projectMatchesFilter(row, input.filter ?? {});
    if (match === undefined) {
      invalidate.push(query.queryKey);
      continue;
    }
    if (!match) continue;
    queryClient.setQueryData<ProjectRow[]>(query.queryKey, (rows) =>
      rows && !rows.some((r) => r.project.id === row.project.id) ? [row, ...rows].sort(byUpdatedDesc) : rows,
    );
  }
}

function mergeProjectRow<T extends ProjectRow>(row: T, after: ProjectChange): T {
  const sides = mergeSides(row.sides, after);
  return { ...row, project: { ...row.project, ...projectFields(after) }, sides, disagree: sidesDisagree(sides) };
}

export function patchProject(queryClient: QueryClient, ctx: ApplyContext, projectId: string, after: ProjectChange, invalidate: QueryKey[]) {
  for (const { query, input } of queriesOf<ProjectListInput>(queryClient, "project.list", ctx.workspaceSlug)) {
    const rows = queryClient.getQueryData<ProjectRow[]>(query.queryKey);
    if (!rows) continue;
    const current = rows.find((r) => r.project.id === projectId);
    const filter = input.filter ?? {};
    if (!current) {
      if (Object.keys(filter).length > 0) invalidate.push(query.queryKey);
      continue;
    }
    if (isNewer(current.project, after.updatedAt)) continue;
    const next = mergeProjectRow(current, after);
    const match = projectMatchesFilter(next, filter);
    const kept = rows.filter((r) => r.project.id !== projectId);
    queryClient.setQueryData<ProjectRow[]>(query.queryKey, match === false ? kept : [next, ...kept].sort(byUpdatedDesc));
  }
  const detailKey = procedureQueryKey("project.get", { workspaceSlug: ctx.workspaceSlug, projectId });
  queryClient.setQueryData<ProjectDetail>(detailKey, (cur) => (cur && !isNewer(cur.project, after.updatedAt) ? mergeProjectRow(cur, after) : cur));
  // New leads become project members, which the entry doesn't list.
  if (WORKING_SIDES.some((side) => sideOf(after, side).leadId !== undefined)) invalidate.push(detailKey);
}
