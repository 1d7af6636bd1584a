"use client";

import { useMutation } from "@tanstack/react-query";
import { LogOut } from "lucide-react";
import { toast } from "~/lib/toast";

import { Button } from "@tandem/ui/button";
import { Card } from "@tandem/ui/card";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { errorMessage } from "~/lib/form-errors";
import { useTRPC } from "~/trpc/react";

export function LeaveWorkspace({ slug, memberId, workspaceName }: { slug: string; memberId: string; workspaceName: string }) {
  const trpc = useTRPC();
  const leave = useMutation(trpc.member.remove.mutationOptions());
  return (
    <Card className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="grid gap-0.5">
        <h2 className="text-sm font-semibold">Leave {workspaceName}</h2>
        <p className="text-sm text-muted-foreground">You&apos;ll lose access until an admin invites you again.</p>
      </div>
      <ConfirmDialog
        trigger={
          <Button variant="outline" className="text-destructive hover:bg-destructive-soft hover:text-destructive">
            <LogOut aria-hidden /> Leave workspace
          </Button>
        }
        title={`Leave ${workspaceName}?`}
        description="You'll stop seeing its work straight away. An admin can invite you back."
        confirmLabel="Leave workspace"
        pendingLabel="Leaving…"
        onConfirm={async () => {
          try {
            await leave.mutateAsync({ workspaceSlug: slug, memberId });
            toast.success(`You left ${workspaceName}`);
            window.location.assign("/");
          } catch (err) {
            const message = errorMessage(err, "We couldn't remove you. Try again.");
            toast.error("You're still a member", { description: message });
            return message;
          }
        }}
      />
    </Card>
  );
}
