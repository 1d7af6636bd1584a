"use client";

import { createWorkspaceSchema } from "@tandem/api/validators";
import { suggestSlug } from "@tandem/domain/workspace";
import { useMutation } from "@tanstack/react-query";
import { ArrowRight, Link2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { toast } from "~/lib/toast";

import { Field, FieldError, FormAlert } from "~/components/forms/field";
import { Button } from "@tandem/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@tandem/ui/card";
import { Input } from "@tandem/ui/input";
import { Spinner } from "@tandem/ui/spinner";
import { errorMessage, trpcCode, trpcFieldErrors, zodFieldErrors, type FieldErrors } from "~/lib/form-errors";
import { SIDE_LABELS, SIDE_STYLES, SIDES, type Side } from "~/lib/sides";
import { cn } from "~/lib/utils";
import { useTRPC } from "~/trpc/react";

type Key = "name" | "slug" | "side";

const SIDE_PROMPTS: Record<Side, string> = {
  marketing: "I work with the CMO",
  it: "I work with the CIO",
  leadership: "I lead, and want to watch the work move",
};

/** "Acme Corp — EMEA" → "acme-corp-emea": what the address field suggests until it's edited (never a reserved one). */
export const slugify = suggestSlug;

/** Pulls the token out of a pasted invite link (or accepts the bare token). */
export function inviteTokenFrom(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  const match = text.match(/\/invite\/([A-Za-z0-9_-]+)/);
  if (match?.[1]) return match[1];
  return /^[A-Za-z0-9_-]{20,100}$/.test(text) ? text : null;
}

export function OnboardingForm({ firstName, workspaces }: { firstName: string; workspaces: { slug: string; name: string }[] }) {
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.workspace.create.mutationOptions());

  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [side, setSide] = useState<Side | null>(null);
  const [errors, setErrors] = useState<FieldErrors<Key>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [host, setHost] = useState("");

  const [invite, setInvite] = useState("");
  const [inviteError, setInviteError] = useState<string | null>(null);

  useEffect(() => setHost(window.location.host), []);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const parsed = createWorkspaceSchema.safeParse({ name, slug, side: side ?? undefined });
    if (!parsed.success) {
      const found = zodFieldErrors<Key>(parsed.error);
      if (found.side) found.side = "Choose the side you work on.";
      setErrors(found);
      return;
    }
    setErrors({});
    try {
      const ws = await create.mutateAsync(parsed.data);
      toast.success(`${ws.name} is ready`, { description: "Invite your counterpart from Members." });
      router.push(`/${ws.slug}`);
      router.refresh();
    } catch (err) {
      const fields = trpcFieldErrors<Key>(err);
      if (trpcCode(err) === "CONFLICT") setErrors({ slug: errorMessage(err) });
      else if (Object.keys(fields).length > 0) setErrors(fields);
      else setFormError(errorMessage(err, "We couldn't create the workspace. Try again."));
    }
  }

  function openInvite(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const token = inviteTokenFrom(invite);
    if (!token) {
      setInviteError("That doesn't look like an invite link. Paste the whole link you were sent.");
      return;
    }
    setInviteError(null);
    router.push(`/invite/${token}`);
  }

  const pending = create.isPending || create.isSuccess;

  return (
    <div className="grid w-full max-w-xl content-start gap-6">
      <div className="grid gap-1.5">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-[28px]">
          {workspaces.length === 0 ? `Welcome to Tandem, ${firstName}` : "Create a workspace"}
        </h1>
        <p className="text-sm text-muted-foreground">
          A workspace is where one organisation&apos;s marketing and IT sides work together. Start one, or join yours with an invite link.
        </p>
      </div>

      {workspaces.length > 0 ? (
        <nav aria-label="Your workspaces" className="flex flex-wrap gap-2">
          {workspaces.map((w) => (
            <Button key={w.slug} asChild variant="outline" size="sm">
              <Link href={`/${w.slug}`}>
                {w.name} <ArrowRight aria-hidden />
              </Link>
            </Button>
          ))}
        </nav>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>Start a workspace</CardTitle>
          <CardDescription>You&apos;ll be its first admin; invite the other side next.</CardDescription>
        </CardHeader>
        <CardContent>
          <form noValidate onSubmit={onSubmit} className="grid gap-5" aria-label="Create workspace">
            {formError ? <FormAlert>{formError}</FormAlert> : null}
            <Field id="ws-name" label="Workspace name" error={errors.name}>
              {(a) => (
                <Input
                  {...a}
                  name="name"
                  value={name}
                  autoComplete="organization"
                  placeholder="Acme"
                  onChange={(e) => {
                    setName(e.target.value);
                    if (!slugEdited) setSlug(slugify(e.target.value));
                  }}
                />
              )}
            </Field>
            <Field id="ws-slug" label="Address" error={errors.slug} hint="Lowercase letters, digits and dashes. This is the workspace's link.">
              {(a) => (
                <div className="flex rounded-md shadow-xs">
                  <span className="inline-flex shrink-0 items-center rounded-l-md border border-r-0 border-input bg-muted px-3 text-sm whitespace-nowrap text-muted-foreground">
                    <span className="hidden sm:inline">{host}</span>/
                  </span>
                  <Input
                    {...a}
                    name="slug"
                    value={slug}
                    autoCapitalize="none"
                    autoCorrect="off"
                    spellCheck={false}
                    placeholder="acme"
                    className="rounded-l-none shadow-none"
                    onChange={(e) => {
                      setSlugEdited(true);
                      setSlug(e.target.value.toLowerCase());
                    }}
                  />
                </div>
              )}
            </Field>
            <fieldset className="grid gap-2" aria-describedby={errors.side ? "ws-side-error" : undefined}>
              <legend className="mb-1.5 text-sm font-medium">Your side</legend>
              <div className="grid gap-2 sm:grid-cols-3">
                {SIDES.map((s) => (
                  <label
                    key={s}
                    className={cn(
                      "relative flex cursor-pointer flex-col gap-1 rounded-lg border bg-card p-3 transition-[border-color,box-shadow] hover:border-foreground/25",
                      "has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/30",
                      side === s && ["border-transparent ring-2", SIDE_STYLES[s].ring],
                    )}
                  >
                    <input type="radio" name="side" value={s} checked={side === s} onChange={() => setSide(s)} className="sr-only" />
                    <span className="flex items-center gap-2 text-sm font-medium">
                      <span aria-hidden className={cn("size-2.5 rounded-full", SIDE_STYLES[s].dot)} />
                      {SIDE_LABELS[s]}
                    </span>
                    <span className="text-xs leading-snug text-muted-foreground">{SIDE_PROMPTS[s]}</span>
                  </label>
                ))}
              </div>
              {errors.side ? <FieldError id="ws-side-error">{errors.side}</FieldError> : null}
            </fieldset>
            <Button type="submit" size="lg" disabled={pending} className="w-full sm:w-auto sm:justify-self-start">
              {pending ? (
                <>
                  <Spinner /> Creating workspace…
                </>
              ) : (
                "Create workspace"
              )}
            </Button>
          </form>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <Link2 aria-hidden className="size-4 text-muted-foreground" /> Have an invite link?
          </CardTitle>
          <CardDescription>Paste it here to see the invitation and join.</CardDescription>
        </CardHeader>
        <CardContent>
          <form noValidate onSubmit={openInvite} className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-start" aria-label="Open invite link">
            <div className="grid content-start gap-1.5">
              <Input
                id="invite-url"
                aria-label="Invite link"
                aria-invalid={inviteError ? true : undefined}
                aria-describedby={inviteError ? "invite-url-error" : undefined}
                value={invite}
                onChange={(e) => setInvite(e.target.value)}
                placeholder="https://…/invite/…"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
              />
              {inviteError ? <FieldError id="invite-url-error">{inviteError}</FieldError> : null}
            </div>
            <Button type="submit" variant="outline">
              Open invite
            </Button>
          </form>
        </CardContent>
      </Card>
    </div>
  );
}
