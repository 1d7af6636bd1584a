import { healthJson } from "~/server/health";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. Restart it only when this fails; a database away is not a reason. */
export function GET() {
  return healthJson({ status: "ok" }, true);
}
