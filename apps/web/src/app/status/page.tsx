import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { requireSession } from "~/server/session";
import { getCaller } from "~/trpc/server";

export const metadata: Metadata = { title: "Status" };

/** The installed app starts here: the status of the first workspace the user belongs to. */
export default async function StatusHome() {
  await requireSession();
  const workspaces = await (await getCaller()).workspace.list();
  const first = workspaces[0];
  redirect(first ? `/status/${first.slug}` : "/onboarding");
}
