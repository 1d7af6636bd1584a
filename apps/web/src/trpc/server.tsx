import "server-only";

import { appRouter, createCaller, createTRPCContext, type AppRouter } from "@tandem/api";
import { defaultShouldDehydrateQuery, dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { cache } from "react";

import { getAuth } from "~/server/auth";
import { getDb } from "~/server/db";
import { getRealtimeNotifier } from "~/server/realtime";
import { getLogSigner } from "~/server/signer";

import { createQueryClient } from "./query-client";

/** One query client per request; server components fill it and hand it to the browser. */
export const getQueryClient = cache(createQueryClient);

const createContext = cache(async () =>
  createTRPCContext({ headers: new Headers(await headers()), db: getDb(), auth: getAuth(), realtime: getRealtimeNotifier(), signer: getLogSigner() }),
);

/** Query options that run procedures in-process; `fetchQuery` with them fills the request's client. */
export const trpc = createTRPCOptionsProxy<AppRouter>({ router: appRouter, ctx: createContext, queryClient: getQueryClient });

/** Calls procedures directly (no HTTP) with this request's session, for the first render. */
export const getCaller = cache(async () => createCaller(await createContext()));

/**
 * The log head, read before any of a page's data (once per request): the browser applies every
 * entry after it, so nothing committed between the two reads is missed. Await it first in
 * every workspace page and layout.
 */
export const prefetchLogHead = cache((workspaceSlug: string) => getQueryClient().fetchQuery(trpc.log.head.queryOptions({ workspaceSlug })));

/** Query hashes a boundary already sent during this request. */
const sentInRequest = cache(() => new Set<string>());

/**
 * Hands the request's prefetched queries to the browser. The workspace layout (`scope="layout"`)
 * sends everything it sees and remembers it; a page's boundary, rendered in the same request,
 * then sends only what no boundary before it did, so no query is shipped twice in one HTML page.
 * (A page may have more than one: its header's, then a streamed part's with the data it waited
 * for. When the page's boundary renders before the layout's, both send everything: correct, only
 * larger.) The layout sends only finished queries: it has awaited its own, and a page's query
 * still running beside it (say a project that turns out not to exist) is the page's to send or drop.
 */
export function HydrateClient({ children, scope = "page" }: { children: React.ReactNode; scope?: "layout" | "page" }) {
  const sent = sentInRequest();
  const state = dehydrate(getQueryClient(), scope === "layout" ? { shouldDehydrateQuery: defaultShouldDehydrateQuery } : undefined);
  if (scope === "page") state.queries = state.queries.filter((q) => !sent.has(q.queryHash));
  for (const q of state.queries) sent.add(q.queryHash);
  return <HydrationBoundary state={state}>{children}</HydrationBoundary>;
}

/** True for the NOT_FOUND a procedure throws for a workspace or link the caller can't see. */
export function isNotFound(err: unknown) {
  return err instanceof TRPCError && err.code === "NOT_FOUND";
}
