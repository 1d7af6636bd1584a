import { checkDatabase, checkRealtime, healthJson } from "~/server/health";

export const dynamic = "force-dynamic";

/** Every dependency at a glance, for people and the start script: 200 when all answer, else 503. */
export async function GET() {
  const [database, realtime] = await Promise.all([checkDatabase(), checkRealtime()]);
  const ok = database.ok && realtime.ok;
  return healthJson({ status: ok ? "ok" : "degraded", database, realtime }, ok);
}
