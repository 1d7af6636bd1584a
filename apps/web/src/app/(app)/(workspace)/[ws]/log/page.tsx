import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { requireSession } from "~/server/session";
import { HydrateClient, isNotFound, prefetchLogHead } from "~/trpc/server";

import { LogPage } from "./log-page";

export const metadata: Metadata = { title: "Log" };

export default async function LogRoute({ params }: { params: Promise<{ ws: string }> }) {
  const { ws } = await params;
  await requireSession();
  await prefetchLogHead(ws).catch((err: unknown) => {
    if (isNotFound(err)) notFound();
    throw err;
  });
  return (
    <HydrateClient>
      <LogPage slug={ws} />
    </HydrateClient>
  );
}
