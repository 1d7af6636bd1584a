"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { formatDistanceToNowStrict } from "date-fns";
import { Link2 } from "lucide-react";
import { toast } from "~/lib/toast";

import { RoleBadge, SideBadge } from "~/components/people/side-badge";
import { Button } from "@tandem/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@tandem/ui/card";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Skeleton } from "@tandem/ui/skeleton";
import { errorMessage } from "~/lib/form-errors";
import { useTRPC } from "~/trpc/react";

export function OpenInvites({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invites = useQuery(trpc.invitation.list.queryOptions({ workspaceSlug: slug }));
  const revoke = useMutation(trpc.invitation.revoke.mutationOptions());

  return (
    <Card>
      <CardHeader className="pb-4">
        <CardTitle>Open invite links</CardTitle>
        <CardDescription>Links not yet used, revoked or expired. Revoke one to stop it working.</CardDescription>
      </CardHeader>
      {invites.isPending ? (
        <div className="grid gap-2 border-t p-5">
          <Skeleton className="h-6" />
          <Skeleton className="h-6" />
        </div>
      ) : invites.isError ? (
        <p className="border-t px-5 py-4 text-sm text-destructive">We couldn&apos;t load the open links. Reload to try again.</p>
      ) : invites.data.length === 0 ? (
        <div className="flex items-center gap-3 border-t px-5 py-5 text-sm text-muted-foreground">
          <span className="flex size-8 items-center justify-center rounded-full bg-muted">
            <Link2 aria-hidden className="size-4" />
          </span>
          No open links. Create one with “Invite people”.
        </div>
      ) : (
        <ul aria-label="Open invite links" className="divide-y border-t">
          {invites.data.map((inv) => (
            <li key={inv.id} className="flex flex-wrap items-center gap-x-3 gap-y-2 px-5 py-3">
              <div className="flex flex-wrap items-center gap-1.5">
                <SideBadge side={inv.side} />
                <RoleBadge role={inv.role} />
              </div>
              <div className="min-w-0 flex-1 text-[13px] text-muted-foreground">
                {inv.note ? <span className="text-foreground">{inv.note} · </span> : null}
                expires in {formatDistanceToNowStrict(inv.expiresAt)}
              </div>
              <ConfirmDialog
                trigger={
                  <Button variant="outline" size="sm">
                    Revoke
                  </Button>
                }
                title="Revoke this invite link?"
                description="Anyone who opens it afterwards is told it was revoked. Members who already joined are not affected."
                confirmLabel="Revoke link"
                pendingLabel="Revoking…"
                onConfirm={async () => {
                  try {
                    await revoke.mutateAsync({ workspaceSlug: slug, id: inv.id });
                    toast.success("Invite link revoked");
                    await queryClient.invalidateQueries({ queryKey: trpc.invitation.list.queryKey({ workspaceSlug: slug }) });
                  } catch (err) {
                    return errorMessage(err, "We couldn't revoke the link. Try again.");
                  }
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
