import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { safeNext } from "~/lib/safe-next";
import { getSession } from "~/server/session";

import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const raw = (await searchParams).next;
  const next = safeNext(Array.isArray(raw) ? raw[0] : raw);
  if (await getSession()) redirect(next);
  return <SignInForm next={next} />;
}
