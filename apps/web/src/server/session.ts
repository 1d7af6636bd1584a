import "server-only";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";

import { withNext } from "~/lib/safe-next";

import { getAuth } from "./auth";

/** The signed-in session for this request (deduplicated across layouts and pages), or null. */
export const getSession = cache(async () => {
  // Reading headers first marks the page as per-request before anything touches the database.
  const requestHeaders = await headers();
  return getAuth().api.getSession({ headers: requestHeaders });
});

/** The path being rendered, as set by src/proxy.ts. */
export async function currentPath() {
  return (await headers()).get("x-tandem-path") ?? "/";
}

/** The session, or a redirect to sign-in that returns here afterwards. */
export async function requireSession() {
  const session = await getSession();
  if (!session) redirect(withNext("/sign-in", await currentPath()));
  return session;
}
