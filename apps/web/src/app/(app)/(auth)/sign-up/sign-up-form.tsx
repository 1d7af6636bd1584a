"use client";

import { authClient } from "@tandem/auth/client";
import { PASSWORD_MIN, passwordWeakness, signUpSchema } from "@tandem/auth/password-policy";
import Link from "next/link";
import { useState } from "react";

import { Field, FormAlert } from "~/components/forms/field";
import { PasswordInput } from "~/components/forms/password-input";
import { Button } from "@tandem/ui/button";
import { Input } from "@tandem/ui/input";
import { Spinner } from "@tandem/ui/spinner";
import { zodFieldErrors, type FieldErrors } from "~/lib/form-errors";
import { withNext } from "~/lib/safe-next";

type Key = "name" | "email" | "password";

export function SignUpForm({ next }: { next: string }) {
  const [errors, setErrors] = useState<FieldErrors<Key>>({});
  const [formError, setFormError] = useState<React.ReactNode>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = signUpSchema.safeParse(data);
    setFormError(null);
    if (!parsed.success) {
      const found = zodFieldErrors<Key>(parsed.error);
      // The password rule is a refinement that zod skips while other fields fail; show it anyway.
      found.password ??= passwordWeakness(String(data.password ?? "")) ?? undefined;
      setErrors(found);
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const { error } = await authClient.signUp.email(parsed.data);
      if (error) {
        setPending(false);
        if (error.code === "WEAK_PASSWORD" || error.code === "PASSWORD_TOO_SHORT" || error.code === "PASSWORD_TOO_LONG") {
          setErrors({ password: error.message ?? "Choose a stronger password." });
        } else if (error.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL" || error.code === "USER_ALREADY_EXISTS") {
          // Deliberately vague: saying "this email is taken" would tell anyone who has an account.
          setFormError(
            <>
              We couldn&apos;t create an account with these details. If you already have one,{" "}
              <Link href={withNext("/sign-in", next)} className="font-medium underline underline-offset-2">
                sign in
              </Link>
              .
            </>,
          );
        } else if (error.status === 429) {
          setFormError(error.message ?? "Too many attempts. Wait a minute, then try again.");
        } else {
          setFormError(error.message ?? "We couldn't create your account. Try again.");
        }
        return;
      }
      window.location.assign(next);
    } catch {
      setFormError("Can't reach Tandem. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <div className="grid gap-7">
      <div className="grid gap-1.5">
        <h1 className="text-2xl font-semibold tracking-tight">Create your account</h1>
        <p className="text-sm text-muted-foreground">Then start a workspace, or join one with an invite link.</p>
      </div>
      <form noValidate onSubmit={onSubmit} className="grid gap-4" aria-label="Create account">
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        <Field id="name" label="Full name" error={errors.name}>
          {(a) => <Input {...a} name="name" autoComplete="name" autoFocus placeholder="Maya Chen" />}
        </Field>
        <Field id="email" label="Work email" error={errors.email}>
          {(a) => <Input {...a} name="email" type="email" autoComplete="email" inputMode="email" placeholder="you@company.com" />}
        </Field>
        <Field id="password" label="Password" error={errors.password} hint={`At least ${PASSWORD_MIN} characters. A short phrase works well.`}>
          {(a) => <PasswordInput {...a} name="password" autoComplete="new-password" />}
        </Field>
        <Button type="submit" size="lg" disabled={pending} className="mt-1 w-full">
          {pending ? (
            <>
              <Spinner /> Creating account…
            </>
          ) : (
            "Create account"
          )}
        </Button>
      </form>
      <p className="text-sm text-muted-foreground">
        Already have an account?{" "}
        <Link href={withNext("/sign-in", next)} className="font-medium text-primary underline-offset-4 hover:underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
