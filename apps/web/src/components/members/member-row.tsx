"use client";

import type { RouterOutputs } from "@tandem/api";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { UserMinus } from "lucide-react";
import { useState } from "react";
import { toast } from "~/lib/toast";

import { FieldError } from "~/components/forms/field";
import { RoleBadge, SideBadge } from "~/components/people/side-badge";
import { UserAvatar } from "~/components/people/user-avatar";
import { Button } from "@tandem/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@tandem/ui/select";
import { Spinner } from "@tandem/ui/spinner";
import { errorMessage } from "~/lib/form-errors";
import { ROLE_LABELS, ROLES, rolesForSide, SIDE_LABELS, SIDES, type Role, type Side } from "~/lib/sides";
import { cn } from "~/lib/utils";
import { useTRPC } from "~/trpc/react";

export type MemberItem = RouterOutputs["member"]["list"][number];

export function MemberRow({
  slug,
  member,
  isMe,
  canManage,
  workspaceName,
}: {
  slug: string;
  member: MemberItem;
  isMe: boolean;
  canManage: boolean;
  workspaceName: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.member.list.queryKey({ workspaceSlug: slug }) }),
      queryClient.invalidateQueries({ queryKey: trpc.workspace.get.queryKey({ workspaceSlug: slug }) }),
      queryClient.invalidateQueries({ queryKey: trpc.workspace.list.queryKey() }),
    ]);

  const update = useMutation(
    trpc.member.update.mutationOptions({
      onMutate: () => setError(null),
      onSuccess: async (updated) => {
        toast.success(`${member.name} is now ${SIDE_LABELS[updated.side]} · ${ROLE_LABELS[updated.role]}`);
        await refresh();
      },
      onError: (err) => {
        const message = errorMessage(err, "We couldn't change this member. Try again.");
        setError(message);
        toast.error("Change not saved", { description: message });
      },
    }),
  );
  const remove = useMutation(trpc.member.remove.mutationOptions());

  function changeSide(side: Side) {
    if (side === member.side) return;
    // Leadership reads only: moving a lead or member there makes them a viewer in the same step.
    const role: Role | undefined = rolesForSide(side).includes(member.role) ? undefined : "viewer";
    update.mutate({ workspaceSlug: slug, memberId: member.id, side, ...(role ? { role } : {}) });
  }

  function changeRole(role: Role) {
    if (role === member.role) return;
    update.mutate({ workspaceSlug: slug, memberId: member.id, role });
  }

  const allowedRoles = rolesForSide(member.side);

  return (
    <li
      className="grid gap-x-4 gap-y-3 px-4 py-3.5 sm:px-5 md:grid-cols-[minmax(0,1fr)_auto] md:items-center"
      data-testid="member-row"
      data-member-email={member.email}
      aria-label={member.name}
    >
      <div className="flex min-w-0 items-center gap-3">
        <UserAvatar name={member.name} side={member.side} />
        <div className="grid min-w-0 leading-tight">
          <span className="flex min-w-0 items-center gap-1.5">
            <span className="truncate text-sm font-medium">{member.name}</span>
            {isMe ? <span className="shrink-0 rounded bg-muted px-1 text-[11px] font-medium text-muted-foreground">You</span> : null}
          </span>
          <span className="truncate text-[13px] text-muted-foreground">
            {member.title ? `${member.title} · ` : ""}
            {member.email}
          </span>
        </div>
      </div>

      {canManage ? (
        <div className="flex items-center gap-2 pl-11 md:pl-0">
          <Select value={member.side} onValueChange={(v) => changeSide(v as Side)} disabled={update.isPending}>
            <SelectTrigger size="sm" className="min-w-0 flex-1 md:w-[8.5rem] md:flex-none" aria-label={`Side for ${member.name}`}>
              <SelectValue>{SIDE_LABELS[member.side]}</SelectValue>
            </SelectTrigger>
            <SelectContent>
              {SIDES.map((s) => (
                <SelectItem key={s} value={s}>
                  {SIDE_LABELS[s]}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          <Select value={member.role} onValueChange={(v) => changeRole(v as Role)} disabled={update.isPending}>
            <SelectTrigger size="sm" className="min-w-0 flex-1 md:w-[7.5rem] md:flex-none" aria-label={`Role for ${member.name}`}>
              <SelectValue>{ROLE_LABELS[member.role]}</SelectValue>
            </SelectTrigger>
            <SelectContent>
              {ROLES.map((r) => (
                <SelectItem key={r} value={r} disabled={!allowedRoles.includes(r)}>
                  {ROLE_LABELS[r]}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          <span className="sr-only" aria-live="polite">
            {update.isPending ? `Saving changes to ${member.name}` : ""}
          </span>
          {update.isPending ? (
            <span className="flex size-8 shrink-0 items-center justify-center">
              <Spinner className="text-muted-foreground" />
            </span>
          ) : isMe ? (
            <span className="size-8 shrink-0" aria-hidden />
          ) : (
            <ConfirmDialog
              trigger={
                <Button variant="ghost" size="icon-sm" aria-label={`Remove ${member.name}`} className="shrink-0 text-muted-foreground hover:text-destructive">
                  <UserMinus aria-hidden />
                </Button>
              }
              title={`Remove ${member.name}?`}
              description={`They lose access to ${workspaceName} right away. You can invite them again later.`}
              confirmLabel="Remove"
              pendingLabel="Removing…"
              onConfirm={async () => {
                try {
                  await remove.mutateAsync({ workspaceSlug: slug, memberId: member.id });
                  toast.success(`${member.name} was removed from ${workspaceName}`);
                  await refresh();
                } catch (err) {
                  return errorMessage(err, "We couldn't remove this member. Try again.");
                }
              }}
            />
          )}
        </div>
      ) : (
        <div className="flex flex-wrap items-center gap-1.5 pl-11 md:pl-0">
          <SideBadge side={member.side} />
          <RoleBadge role={member.role} />
        </div>
      )}

      {error ? (
        <div role="alert" className={cn("md:col-span-2", "pl-11")}>
          <FieldError>{error}</FieldError>
        </div>
      ) : null}
    </li>
  );
}
