import type { Metadata } from "next";

import { PlainHeader } from "~/components/shell/plain-header";
import { requireSession } from "~/server/session";
import { getCaller } from "~/trpc/server";

import { OnboardingForm } from "./onboarding-form";

export const metadata: Metadata = { title: "Create a workspace" };

export default async function OnboardingPage() {
  const session = await requireSession();
  const workspaces = await (await getCaller()).workspace.list();
  return (
    <div className="flex min-h-dvh flex-col">
      <PlainHeader user={{ name: session.user.name, email: session.user.email }} />
      <main className="flex flex-1 justify-center px-4 pt-4 pb-16 sm:pt-10">
        <OnboardingForm firstName={session.user.name.split(" ")[0] ?? session.user.name} workspaces={workspaces.map((w) => ({ slug: w.slug, name: w.name }))} />
      </main>
    </div>
  );
}
