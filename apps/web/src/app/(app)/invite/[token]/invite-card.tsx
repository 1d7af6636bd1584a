"use client";

import { useMutation } from "@tanstack/react-query";
import { formatDistanceToNowStrict } from "date-fns";
import { CircleAlert, Mail } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "~/lib/toast";

import { FormAlert } from "~/components/forms/field";
import { RoleBadge, SideBadge } from "~/components/people/side-badge";
import { WorkspaceMark } from "~/components/shell/workspace-switcher";
import { Button } from "@tandem/ui/button";
import { Card, CardContent, CardFooter } from "@tandem/ui/card";
import { Spinner } from "@tandem/ui/spinner";
import { errorMessage } from "~/lib/form-errors";
import { ROLE_HINTS, SIDE_LABELS, type Role, type Side } from "~/lib/sides";
import { useTRPC } from "~/trpc/react";

export type InviteView =
  | { kind: "signed-out" }
  | { kind: "invalid" }
  | {
      kind: "preview";
      workspaceName: string;
      workspaceSlug: string;
      side: Side;
      role: Role;
      state: "open" | "accepted" | "revoked" | "expired";
      expiresAt: Date;
      alreadyMember: boolean;
    };

const UNUSABLE = {
  accepted: { title: "This invite link has already been used", body: "Each link works once. Ask an admin of the workspace for a new one." },
  revoked: { title: "This invite link was revoked", body: "An admin turned it off. Ask them for a new one if you should still join." },
  expired: { title: "This invite link has expired", body: "Links work for a limited time. Ask an admin of the workspace for a new one." },
} as const;

export function InviteCard({ token, view }: { token: string; view: InviteView }) {
  const here = `/invite/${token}`;

  if (view.kind === "signed-out") {
    return (
      <Shell>
        <CardContent className="grid gap-4 pt-6 text-center">
          <span className="mx-auto flex size-11 items-center justify-center rounded-full bg-primary-soft text-primary">
            <Mail aria-hidden className="size-5" />
          </span>
          <div className="grid gap-1.5">
            <h1 className="text-xl font-semibold tracking-tight">You&apos;ve been invited to Tandem</h1>
            <p className="text-sm text-muted-foreground">Sign in or create an account to see the invitation and join the workspace.</p>
          </div>
        </CardContent>
        <CardFooter className="flex-col gap-2 sm:flex-row sm:justify-center">
          <Button asChild className="w-full sm:w-auto">
            <Link href={`/sign-up?next=${encodeURIComponent(here)}`}>Create an account</Link>
          </Button>
          <Button asChild variant="outline" className="w-full sm:w-auto">
            <Link href={`/sign-in?next=${encodeURIComponent(here)}`}>Sign in</Link>
          </Button>
        </CardFooter>
      </Shell>
    );
  }

  if (view.kind === "invalid") {
    return <Problem title="This invite link isn't valid" body="Check that you copied the whole link. If it still doesn't work, ask an admin for a new one." />;
  }

  if (view.alreadyMember) {
    return (
      <Shell>
        <Heading view={view} title={`You're already in ${view.workspaceName}`} />
        <CardFooter className="justify-end">
          <Button asChild>
            <Link href={`/${view.workspaceSlug}`}>Open {view.workspaceName}</Link>
          </Button>
        </CardFooter>
      </Shell>
    );
  }

  if (view.state !== "open") {
    return <Problem title={UNUSABLE[view.state].title} body={UNUSABLE[view.state].body} />;
  }

  return <AcceptInvite token={token} view={view} />;
}

function AcceptInvite({ token, view }: { token: string; view: Extract<InviteView, { kind: "preview" }> }) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(trpc.invitation.accept.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  async function onAccept() {
    setError(null);
    try {
      const { workspaceSlug } = await accept.mutateAsync({ token });
      toast.success(`Welcome to ${view.workspaceName}`);
      router.push(`/${workspaceSlug}`);
      router.refresh();
    } catch (err) {
      setError(errorMessage(err, "We couldn't accept the invitation. Try again."));
    }
  }

  const pending = accept.isPending || accept.isSuccess;
  return (
    <Shell>
      <Heading view={view} title={`Join ${view.workspaceName}`} />
      <CardContent className="grid gap-4 pt-0">
        <dl className="grid gap-3 rounded-lg border bg-background/60 p-4 text-sm">
          <div className="flex items-center justify-between gap-3">
            <dt className="text-muted-foreground">Side</dt>
            <dd>
              <SideBadge side={view.side} />
            </dd>
          </div>
          <div className="flex items-center justify-between gap-3">
            <dt className="text-muted-foreground">Role</dt>
            <dd className="flex items-center gap-2">
              <RoleBadge role={view.role} />
            </dd>
          </div>
          <p className="text-[13px] text-muted-foreground">{ROLE_HINTS[view.role]}</p>
        </dl>
        {error ? <FormAlert>{error}</FormAlert> : null}
      </CardContent>
      <CardFooter className="flex-col-reverse gap-2 sm:flex-row sm:justify-between">
        <span className="text-xs text-muted-foreground">Link expires in {formatDistanceToNowStrict(view.expiresAt)}</span>
        <Button onClick={onAccept} disabled={pending} className="w-full sm:w-auto">
          {pending ? (
            <>
              <Spinner /> Joining…
            </>
          ) : (
            `Accept and join ${view.workspaceName}`
          )}
        </Button>
      </CardFooter>
    </Shell>
  );
}

function Heading({ view, title }: { view: Extract<InviteView, { kind: "preview" }>; title: string }) {
  return (
    <CardContent className="flex items-start gap-3.5 pt-6">
      <WorkspaceMark name={view.workspaceName} className="size-11 rounded-lg text-lg" />
      <div className="grid gap-1">
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        <p className="text-sm text-muted-foreground">
          You&apos;re invited to the {SIDE_LABELS[view.side]} side of {view.workspaceName} on Tandem.
        </p>
      </div>
    </CardContent>
  );
}

function Problem({ title, body }: { title: string; body: string }) {
  return (
    <Shell>
      <CardContent className="grid gap-4 pt-6 text-center">
        <span className="mx-auto flex size-11 items-center justify-center rounded-full bg-destructive-soft text-destructive">
          <CircleAlert aria-hidden className="size-5" />
        </span>
        <div className="grid gap-1.5">
          <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
          <p className="text-sm text-muted-foreground">{body}</p>
        </div>
      </CardContent>
      <CardFooter className="justify-center">
        <Button asChild variant="outline">
          <Link href="/">Go to Tandem</Link>
        </Button>
      </CardFooter>
    </Shell>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  return <Card className="w-full max-w-md overflow-hidden">{children}</Card>;
}
