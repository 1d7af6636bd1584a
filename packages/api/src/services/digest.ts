import { todayIn } from "@tandem/domain/rules";
import type { Executor, Health } from "@tandem/db";
import { latestCheckInTimes, listFeedBetween, listProjects, listTasks } from "@tandem/db/queries";

import { checkInStatuses } from "./check-in";
import { entryLine } from "./feed-format";

const WEEK_MS = 7 * 86_400_000;
const RANK: Record<Health, number> = { on_track: 0, at_risk: 1, off_track: 2 };

/** The worse of the two leads' healths, or null when neither has posted one. */
export function combinedHealth(a: Health | null, b: Health | null): Health | null {
  if (!a) return b;
  if (!b) return a;
  return RANK[a] >= RANK[b] ? a : b;
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
  const statuses = checkInStatuses(
    projects.map((p) => p.project),
    latest,
    now,
  );

  const byHealth = { off_track: [], at_risk: [], on_track: [], unknown: [] } as Record<Health | "unknown", DigestProject[]>;
  for (const p of projects) {
    const health = combinedHealth(p.project.marketingHealth, p.project.itHealth);
    byHealth[health ?? "unknown"].push({
      id: p.project.id,
      name: p.project.name,
      phase: p.project.phase,
      marketingHealth: p.project.marketingHealth,
      itHealth: p.project.itHealth,
      disagree: p.disagree,
      overdueTasks: p.overdueTasks,
      changes: (changesByProject.get(p.project.id) ?? []).reverse(),
    });
  }

  const overdueBySide = { marketing: [] as DigestTask[], it: [] as DigestTask[] };
  for (const t of overdue) {
    if (t.side === "leadership") continue;
    overdueBySide[t.side].push({ id: t.id, title: t.title, projectId: t.projectId, projectName: names.get(t.projectId) ?? "", dueDate: t.dueDate!, assigneeName: t.assigneeName });
  }

  return {
    from: since.toISOString(),
    to: now.toISOString(),
    byHealth,
    overdueBySide,
    missingCheckIns: statuses.filter((s) => s.state === "overdue"),
    disagreements: projects
      .filter((p) => p.disagree)
      .map((p) => ({ id: p.project.id, name: p.project.name, marketingHealth: p.project.marketingHealth, itHealth: p.project.itHealth, marketingReason: p.project.marketingHealthReason, itReason: p.project.itHealthReason })),
    changeCount: changes.length,
  };
}

interface DigestProject {
  id: string;
  name: string;
  phase: string;
  marketingHealth: Health | null;
  itHealth: Health | null;
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
