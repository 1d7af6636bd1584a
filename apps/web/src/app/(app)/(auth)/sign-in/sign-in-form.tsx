"use client";

import { authClient } from "@tandem/auth/client";
import { signInSchema } from "@tandem/auth/password-policy";
import Link from "next/link";
import { useState } from "react";

import { Field, FormAlert } from "~/components/forms/field";
import { PasswordInput } from "~/components/forms/password-input";
import { Button } from "@tandem/ui/button";
import { Input } from "@tandem/ui/input";
import { Spinner } from "@tandem/ui/spinner";
import { zodFieldErrors, type FieldErrors } from "~/lib/form-errors";
import { withNext } from "~/lib/safe-next";

type Key = "email" | "password";

// One message for a wrong password and an unknown email, so the form can't be used to probe accounts.
const BAD_CREDENTIALS = "That email and password don't match an account. Check them and try again.";

export function SignInForm({ next }: { next: string }) {
  const [errors, setErrors] = useState<FieldErrors<Key>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = signInSchema.safeParse(data);
    setFormError(null);
    if (!parsed.success) {
      setErrors(zodFieldErrors<Key>(parsed.error));
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const { error } = await authClient.signIn.email(parsed.data);
      if (error) {
        setFormError(
          error.status === 401 || error.code === "INVALID_EMAIL_OR_PASSWORD"
            ? BAD_CREDENTIALS
            : error.status === 429
              ? "Too many attempts. Wait a minute, then try again."
              : (error.message ?? "We couldn't sign you in. Try again."),
        );
        setPending(false);
        return;
      }
      // A full navigation, so every server component renders with the new session cookie.
      window.location.assign(next);
    } catch {
      setFormError("Can't reach Tandem. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <div className="grid gap-7">
      <div className="grid gap-1.5">
        <h1 className="text-2xl font-semibold tracking-tight">Welcome back</h1>
        <p className="text-sm text-muted-foreground">Sign in to pick up where your team left off.</p>
      </div>
      <form noValidate onSubmit={onSubmit} className="grid gap-4" aria-label="Sign in">
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        <Field id="email" label="Email" error={errors.email}>
          {(a) => <Input {...a} name="email" type="email" autoComplete="email" inputMode="email" autoFocus placeholder="you@company.com" />}
        </Field>
        <Field id="password" label="Password" error={errors.password}>
          {(a) => <PasswordInput {...a} name="password" autoComplete="current-password" />}
        </Field>
        <Button type="submit" size="lg" disabled={pending} className="mt-1 w-full">
          {pending ? (
            <>
              <Spinner /> Signing in…
            </>
          ) : (
            "Sign in"
          )}
        </Button>
      </form>
      <p className="text-sm text-muted-foreground">
        New to Tandem?{" "}
        <Link href={withNext("/sign-up", next)} className="font-medium text-primary underline-offset-4 hover:underline">
          Create an account
        </Link>
      </p>
    </div>
  );
}
