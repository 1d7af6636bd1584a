import { redirect } from "next/navigation";

import { requireSession } from "~/server/session";
import { getCaller } from "~/trpc/server";

/** Home is wherever the user works: their first workspace, or onboarding when they have none. */
export default async function Home() {
  await requireSession();
  const workspaces = await (await getCaller()).workspace.list();
  const first = workspaces[0];
  redirect(first ? `/${first.slug}` : "/onboarding");
}
