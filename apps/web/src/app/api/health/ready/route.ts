import { checkDatabase, healthJson, isDraining } from "~/server/health";

export const dynamic = "force-dynamic";

/**
 * Readiness: send this node traffic? Yes while its database answers and it is not shutting down.
 * The realtime server is not needed to save (a save never waits on it), so it doesn't count here.
 */
export async function GET() {
  if (isDraining()) return healthJson({ status: "draining" }, false);
  const database = await checkDatabase();
  return healthJson({ status: database.ok ? "ok" : "unavailable", database }, database.ok);
}
