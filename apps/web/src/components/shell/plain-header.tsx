"use client";

import Link from "next/link";
import { useState } from "react";

import { Logo } from "~/components/brand/logo";
import { Button } from "@tandem/ui/button";
import { Spinner } from "@tandem/ui/spinner";

import { signOut } from "./sign-out";

/** The top of pages outside a workspace (onboarding, invites): brand, who you are, sign out. */
export function PlainHeader({ user }: { user: { name: string; email: string } | null }) {
  const [pending, setPending] = useState(false);
  return (
    <header className="flex h-16 items-center justify-between gap-3 px-4 sm:px-8">
      <Link href="/" className="rounded-md" aria-label="Tandem home">
        <Logo />
      </Link>
      {user ? (
        <div className="flex min-w-0 items-center gap-2 text-sm">
          <span className="hidden truncate text-muted-foreground sm:inline">
            Signed in as <span className="font-medium text-foreground">{user.email}</span>
          </span>
          <Button
            variant="ghost"
            size="sm"
            disabled={pending}
            onClick={async () => {
              setPending(true);
              if (!(await signOut())) setPending(false);
            }}
          >
            {pending ? <Spinner /> : null}
            Sign out
          </Button>
        </div>
      ) : null}
    </header>
  );
}
