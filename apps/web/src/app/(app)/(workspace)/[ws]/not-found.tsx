"use client";

import { SearchX } from "lucide-react";
import Link from "next/link";
import { useParams } from "next/navigation";

import { Button } from "@tandem/ui/button";
import { PageBody } from "~/components/workspace/page-header";

/**
 * Something inside a workspace the reader belongs to that isn't there (a project id made up,
 * mistyped or deleted): said inside the workspace, with its menu still at hand.
 */
export default function WorkspaceNotFound() {
  const { ws } = useParams<{ ws: string }>();
  return (
    <PageBody className="max-w-xl">
      <div className="grid place-items-center gap-3 rounded-xl border border-dashed px-4 py-16 text-center" data-testid="workspace-not-found">
        <SearchX aria-hidden className="size-6 text-muted-foreground" />
        <h1 className="text-lg font-semibold tracking-tight">We can&apos;t find that page</h1>
        <p className="max-w-sm text-sm text-muted-foreground">It may have been removed, or the link may be mistyped. Everything you can open is in the menu.</p>
        <Button asChild size="sm">
          <Link href={`/${ws}/projects`}>Back to projects</Link>
        </Button>
      </div>
    </PageBody>
  );
}
