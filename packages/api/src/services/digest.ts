import { todayIn } from "@tandem/domain/rules";
import type { Executor, Health } from "@tandem/db";
import { latestCheckInTimes, listFeedBetween, listProjects, listTasks } from "@tandem/db/queries";
import { perSide, WORKING_SIDES, type WorkingSide } from "@tandem/domain/sides";

import { checkInStatuses } from "./check-in";
import { entryLine } from "./feed-format";

const WEEK_MS = 7 * 86_400_000;
const RANK: Record<Health, number> = { on_track: 0, at_risk: 1, off_track: 2 };

/** The worst of the sides' healths, or null when no lead has posted one. */
export function combinedHealth(sides: Record<WorkingSide, { health: Health | null }>): Health | null {
  let worst: Health | null = null;
  for (const side of WORKING_SIDES) {
    const h = sides[side].health;
    if (h && (!worst || RANK[h] > RANK[worst])) worst = h;
  }
  return worst;
}

/**
 * The weekly digest, computed from the data as it is now: projects by health with what changed in
 * the last seven days, overdue tasks by side, missing check-ins, and where the leads disagree.
 */
export async function buildDigest(db: Executor, { id: workspaceId, timeZone }: { id: string; timeZone: string }, now = new Date()) {
  const today = todayIn(timeZone, now);
  const since = new Date(now.getTime() - WEEK_MS);
  const [projects, latest, overdue, changes] = await Promise.all([
    listProjects(db, { workspaceId, today }),
    latestCheckInTimes(db, { workspaceId }),
    listTasks(db, { workspaceId, today, filter: { overdue: true } }),
    listFeedBetween(db, { workspaceId, from: since, to: now, limit: 2_000 }),
  ]);
  const changesByProject = new Map<string, { seq: number; at: string; line: string }[]>();
  for (const row of changes) {
    if (!row.projectId) continue;
    const list = changesByProject.get(row.projectId) ?? [];
    list.push({ seq: row.seq, at: row.createdAt.toISOString(), line: entryLine(row).title });
    changesByProject.set(row.projectId, list);
  }
  const names = new Map(projects.map((p) => [p.project.id, p.project.name]));
  const statuses = checkInStatuses(projects, latest, now);

  const byHealth = { off_track: [], at_risk: [], on_track: [], unknown: [] } as Record<Health | "unknown", DigestProject[]>;
  for (const p of projects) {
    const health = combinedHealth(p.sides);
    byHealth[health ?? "unknown"].push({
      id: p.project.id,
      name: p.project.name,
      phase: p.project.phase,
      sides: perSide((side) => ({ health: p.sides[side].health })),
      disagree: p.disagree,
      overdueTasks: p.overdueTasks,
      changes: (changesByProject.get(p.project.id) ?? []).reverse(),
    });
  }

  const overdueBySide = { marketing: [] as DigestTask[], it: [] as DigestTask[] };
  for (const t of overdue) {
    if (t.side === "leadership") continue;
    overdueBySide[t.side].push({
      id: t.id,
      title: t.title,
      projectId: t.projectId,
      projectName: names.get(t.projectId) ?? "",
      dueDate: t.dueDate!,
      assigneeName: t.assigneeName,
    });
  }

  return {
    from: since.toISOString(),
    to: now.toISOString(),
    byHealth,
    overdueBySide,
    missingCheckIns: statuses.filter((s) => s.state === "overdue"),
    disagreements: projects
      .filter((p) => p.disagree)
      .map((p) => ({
        id: p.project.id,
        name: p.project.name,
        sides: perSide((side) => ({ health: p.sides[side].health, healthReason: p.sides[side].healthReason })),
      })),
    changeCount: changes.length,
  };
}

interface DigestProject {
  id: string;
  name: string;
  phase: string;
  sides: Record<WorkingSide, { health: Health | null }>;
  disagree: boolean;
  overdueTasks: number;
  changes: { seq: number; at: string; line: string }[];
}

interface DigestTask {
  id: string;
  title: string;
  projectId: string;
  projectName: string;
  dueDate: string;
  assigneeName: string | null;
}
