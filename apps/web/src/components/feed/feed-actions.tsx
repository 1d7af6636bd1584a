"use client";

import { Download, Rss } from "lucide-react";

import { Button } from "@tandem/ui/button";
import { useLoadOnIntent } from "@tandem/ui/load-on-intent";
import type { FeedFilter } from "~/lib/feed-kinds";

const loadExport = () => import("./export-dialog").then((m) => m.ExportDialog);
const loadAtom = () => import("./atom-dialog").then((m) => m.AtomDialog);

/** The feed's Export and Subscribe buttons; each dialog's code loads when a pointer or focus comes near. */
export function FeedActions({ slug, filter }: { slug: string; filter: FeedFilter }) {
  const exportDialog = useLoadOnIntent(loadExport, "dialog");
  const atomDialog = useLoadOnIntent(loadAtom, "dialog");
  return (
    <>
      {exportDialog.Loaded ? <exportDialog.Loaded slug={slug} filter={filter} defaultOpen /> : <ExportButton {...exportDialog.intent} />}
      {atomDialog.Loaded ? <atomDialog.Loaded slug={slug} defaultOpen /> : <AtomButton {...atomDialog.intent} />}
    </>
  );
}

export function ExportButton(props: React.ComponentProps<typeof Button>) {
  return (
    <Button variant="outline" {...props}>
      <Download aria-hidden /> Export
    </Button>
  );
}

export function AtomButton(props: React.ComponentProps<typeof Button>) {
  return (
    <Button variant="outline" {...props}>
      <Rss aria-hidden /> Subscribe (Atom)
    </Button>
  );
}
