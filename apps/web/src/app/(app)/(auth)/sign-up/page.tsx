import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { safeNext } from "~/lib/safe-next";
import { getSession } from "~/server/session";

import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const raw = (await searchParams).next;
  const next = safeNext(Array.isArray(raw) ? raw[0] : raw);
  if (await getSession()) redirect(next);
  return <SignUpForm next={next} />;
}
