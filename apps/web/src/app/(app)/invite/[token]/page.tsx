import type { Metadata } from "next";

import { PlainHeader } from "~/components/shell/plain-header";
import { getSession } from "~/server/session";
import { getCaller } from "~/trpc/server";

import { InviteCard, type InviteView } from "./invite-card";

export const metadata: Metadata = { title: "Invitation" };

async function loadInvite(token: string): Promise<InviteView> {
  const caller = await getCaller();
  try {
    const [preview, mine] = await Promise.all([caller.invitation.preview({ token }), caller.workspace.list()]);
    const already = mine.some((w) => w.slug === preview.workspaceSlug);
    return { kind: "preview", ...preview, alreadyMember: already };
  } catch {
    // Unknown, malformed or mistyped tokens all read the same: the link doesn't work.
    return { kind: "invalid" };
  }
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const session = await getSession();
  const view: InviteView = session ? await loadInvite(token) : { kind: "signed-out" };
  return (
    <div className="flex min-h-dvh flex-col">
      <PlainHeader user={session ? { name: session.user.name, email: session.user.email } : null} />
      <main className="flex flex-1 items-start justify-center px-4 pt-6 pb-16 sm:items-center sm:pt-0">
        <InviteCard token={token} view={view} />
      </main>
    </div>
  );
}
