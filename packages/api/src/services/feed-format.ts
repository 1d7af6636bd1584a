import type { LogEntry } from "@tandem/db/schema";

import { describeEntry } from "@tandem/domain/actions";
import { SIDE_LABELS } from "@tandem/db/constants";

import { toCsv } from "./csv";

type Row = Pick<LogEntry, "seq" | "actorName" | "actorSide" | "action" | "entityType" | "entityId" | "projectId" | "summary" | "createdAt" | "hash">;

/** "Priya Nair (IT) moved ‘Consent banner’ to Blocked": who did what, readable outside Tandem. */
export function entryLine(row: Row) {
  const said = describeEntry({ actorName: row.actorName, action: row.action, summary: row.summary });
  const who = row.actorSide ? `${row.actorName} (${SIDE_LABELS[row.actorSide]})` : row.actorName;
  return { title: `${who} ${said.text}`, detail: said.detail ?? "" };
}

const CSV_HEADER = ["seq", "time", "actor", "side", "action", "project", "what", "detail", "hash"];

export function feedCsv(rows: Row[], projectNames: Map<string, string>) {
  return toCsv(
    CSV_HEADER,
    rows.map((row) => {
      const { title, detail } = entryLine(row);
      const project = row.projectId ? (projectNames.get(row.projectId) ?? "") : "";
      return [row.seq, row.createdAt.toISOString(), row.actorName, row.actorSide ?? "", row.action, project, title, detail, row.hash];
    }),
  );
}

const xml = (s: string) =>
  s
    // Characters XML 1.0 forbids: removing them is the point of this pattern.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: they are what it strips
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

/** An Atom 1.0 document of feed entries, newest first. */
export function feedAtom({ workspace, rows, selfUrl, siteUrl }: { workspace: { id: string; name: string }; rows: Row[]; selfUrl: string; siteUrl: string }) {
  const updated = (rows[0]?.createdAt ?? new Date(0)).toISOString();
  const entries = rows.map((row) => {
    const { title, detail } = entryLine(row);
    const link = row.projectId ? `${siteUrl}/projects/${row.projectId}` : `${siteUrl}/feed`;
    return [
      "  <entry>",
      `    <id>urn:tandem:${workspace.id}:${row.seq}</id>`,
      `    <title>${xml(title)}</title>`,
      `    <updated>${row.createdAt.toISOString()}</updated>`,
      `    <author><name>${xml(row.actorName)}</name></author>`,
      `    <link href="${xml(link)}"/>`,
      `    <category term="${xml(row.action)}"/>`,
      detail ? `    <summary>${xml(detail)}</summary>` : null,
      "  </entry>",
    ]
      .filter(Boolean)
      .join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>urn:tandem:${workspace.id}:feed</id>`,
    `  <title>${xml(`${workspace.name} · Tandem progress`)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" href="${xml(selfUrl)}"/>`,
    `  <link href="${xml(siteUrl)}/feed"/>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
