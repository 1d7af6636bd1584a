import { createDb } from "@tandem/db";
import { computeMetric, listFeed, listProjects, taskBurnUp } from "@tandem/db/queries";
const { db, close } = createDb(process.argv[2]!, { max: 4 });
const ws = ((await db.execute<{ id: string }>("select id from workspace order by created_at desc limit 1" as never)).rows[0] as { id: string }).id;
const to = new Date().toISOString().slice(0, 10);
const from = new Date(Date.now() - 51 * 7 * 864e5).toISOString().slice(0, 10);
const time = async (label: string, fn: () => Promise<unknown>) => {
  await fn();
  const t = performance.now();
  for (let i = 0; i < 3; i++) await fn();
  console.log(label, ((performance.now() - t) / 3).toFixed(1), "ms");
};
await time("burnUp", () => taskBurnUp(db, { workspaceId: ws, timeZone: "UTC", from, to, projectId: null }));
await time("listProjects", () => listProjects(db, { workspaceId: ws, today: to }));
await time("listFeed", () => listFeed(db, { workspaceId: ws, limit: 8 }));
for (const m of ["throughput", "cycle_time_median", "check_in_punctuality", "cross_side_response", "time_blocked"] as const)
  await time(m, () => computeMetric(db, m, { workspaceId: ws, timeZone: "UTC", cadence: "weekly", from, to }));
await close();
