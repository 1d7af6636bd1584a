import Link from "next/link";

import { Logo } from "~/components/brand/logo";
import { Button } from "@tandem/ui/button";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 px-6 text-center">
      <Logo />
      <div className="grid gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">We can&apos;t find that page</h1>
        <p className="max-w-sm text-sm text-muted-foreground">
          It may not exist, or you may not have access to it. If you expected to see a workspace, ask one of its admins for an invite link.
        </p>
      </div>
      <Button asChild>
        <Link href="/">Back to your workspaces</Link>
      </Button>
    </main>
  );
}
