"use client";

import { createInvitationSchema } from "@tandem/api/validators";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Check, Copy, Link2, UserPlus } from "lucide-react";
import { useState } from "react";
import { toast } from "~/lib/toast";

import { Field, FormAlert } from "~/components/forms/field";
import { SubmitFooter } from "~/components/forms/submit-footer";
import { Button } from "@tandem/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@tandem/ui/dialog";
import { Input } from "@tandem/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@tandem/ui/select";
import { errorMessage, trpcFieldErrors, zodFieldErrors, type FieldErrors } from "~/lib/form-errors";
import { ROLE_HINTS, ROLE_LABELS, ROLES, rolesForSide, SIDE_LABELS, SIDES, type Role, type Side } from "~/lib/sides";
import { useTRPC } from "~/trpc/react";

const EXPIRY_OPTIONS = [1, 7, 14, 30] as const;
type Key = "side" | "role" | "expiresInDays" | "note";

export function InviteDialog({ slug, workspaceName, defaultOpen = false }: { slug: string; workspaceName: string; defaultOpen?: boolean }) {
  const [open, setOpen] = useState(defaultOpen);
  const [side, setSide] = useState<Side>("marketing");
  const [role, setRole] = useState<Role>("member");
  const [days, setDays] = useState("7");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors<Key>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.invitation.create.mutationOptions());

  function reset() {
    setLink(null);
    setCopied(false);
    setErrors({});
    setFormError(null);
    setNote("");
  }

  function chooseSide(next: Side) {
    setSide(next);
    if (!rolesForSide(next).includes(role)) setRole("viewer");
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const input = { side, role, expiresInDays: Number(days), note: note.trim() || undefined };
    const parsed = createInvitationSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(zodFieldErrors<Key>(parsed.error));
      return;
    }
    setErrors({});
    try {
      const res = await create.mutateAsync({ workspaceSlug: slug, ...parsed.data });
      setLink(`${window.location.origin}/invite/${res.token}`);
      toast.success("Invite link created");
      await queryClient.invalidateQueries({ queryKey: trpc.invitation.list.queryKey({ workspaceSlug: slug }) });
    } catch (err) {
      const fields = trpcFieldErrors<Key>(err);
      if (Object.keys(fields).length > 0) setErrors(fields);
      else setFormError(errorMessage(err, "We couldn't create the link. Try again."));
    }
  }

  async function copy() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      toast.success("Link copied");
      setTimeout(() => setCopied(false), 2_000);
    } catch {
      // Clipboard access can be refused (e.g. insecure origin): leave the link selected to copy by hand.
      document.getElementById("invite-link")?.focus();
      (document.getElementById("invite-link") as HTMLInputElement | null)?.select();
      toast.info("Press Ctrl+C (or ⌘C) to copy the selected link.");
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden /> Invite people
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-lg">
        <DialogHeader>
          <DialogTitle>Invite people to {workspaceName}</DialogTitle>
          <DialogDescription>Create a single-use link. Whoever opens it joins on the side and with the role you choose.</DialogDescription>
        </DialogHeader>

        {link ? (
          <div className="grid gap-4">
            <div className="grid gap-1.5">
              <label htmlFor="invite-link" className="text-sm font-medium">
                Invite link
              </label>
              <div className="flex gap-2">
                <Input id="invite-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} className="font-mono text-[13px]" />
                <Button type="button" variant="outline" onClick={copy} className="shrink-0">
                  {copied ? <Check aria-hidden className="text-success" /> : <Copy aria-hidden />}
                  {copied ? "Copied" : "Copy link"}
                </Button>
              </div>
              <p className="text-[13px] text-muted-foreground">
                Copy it now: for safety we keep only a fingerprint, so the link can&apos;t be shown again. It works once, for{" "}
                {days === "1" ? "1 day" : `${days} days`}.
              </p>
            </div>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={reset}>
                <Link2 aria-hidden /> Create another
              </Button>
              <Button type="button" onClick={() => setOpen(false)}>
                Done
              </Button>
            </DialogFooter>
          </div>
        ) : (
          <form noValidate onSubmit={onSubmit} className="grid gap-4" aria-label="Create invite link">
            {formError ? <FormAlert>{formError}</FormAlert> : null}
            <div className="grid gap-4 sm:grid-cols-2">
              <Field id="invite-side" label="Side" error={errors.side}>
                {(a) => (
                  <Select value={side} onValueChange={(v) => chooseSide(v as Side)}>
                    <SelectTrigger {...a}>
                      <SelectValue>{SIDE_LABELS[side]}</SelectValue>
                    </SelectTrigger>
                    <SelectContent>
                      {SIDES.map((s) => (
                        <SelectItem key={s} value={s}>
                          {SIDE_LABELS[s]}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                )}
              </Field>
              <Field id="invite-role" label="Role" error={errors.role} hint={ROLE_HINTS[role]}>
                {(a) => (
                  <Select value={role} onValueChange={(v) => setRole(v as Role)}>
                    <SelectTrigger {...a}>
                      <SelectValue>{ROLE_LABELS[role]}</SelectValue>
                    </SelectTrigger>
                    <SelectContent>
                      {ROLES.map((r) => (
                        <SelectItem key={r} value={r} disabled={!rolesForSide(side).includes(r)}>
                          {ROLE_LABELS[r]}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                )}
              </Field>
            </div>
            <Field id="invite-expiry" label="Link expires after" error={errors.expiresInDays}>
              {(a) => (
                <Select value={days} onValueChange={setDays}>
                  <SelectTrigger {...a}>
                    <SelectValue>{days === "1" ? "1 day" : `${days} days`}</SelectValue>
                  </SelectTrigger>
                  <SelectContent>
                    {EXPIRY_OPTIONS.map((d) => (
                      <SelectItem key={d} value={String(d)}>
                        {d === 1 ? "1 day" : `${d} days`}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              )}
            </Field>
            <Field id="invite-note" label="Note (optional)" error={errors.note} hint="Only admins see this, e.g. who the link is for.">
              {(a) => <Input {...a} value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} placeholder="For Sam, new data engineer" />}
            </Field>
            <SubmitFooter onCancel={() => setOpen(false)} pending={create.isPending} label="Create invite link" pendingLabel="Creating…" />
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
