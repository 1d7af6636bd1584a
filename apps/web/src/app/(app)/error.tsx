"use client";

import { Button } from "@tandem/ui/button";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-[60dvh] flex-col items-center justify-center gap-4 px-6 text-center">
      <h1 className="text-xl font-semibold tracking-tight">Something went wrong on our side</h1>
      <p className="max-w-sm text-sm text-muted-foreground">
        The page couldn&apos;t load. Try again; if it keeps happening, check that Tandem&apos;s server is running.
      </p>
      <Button onClick={reset}>Try again</Button>
    </main>
  );
}
