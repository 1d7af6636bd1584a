import {
  HEALTH_LABELS,
  PHASE_LABELS,
  ROLE_LABELS,
  SIDE_LABELS,
  TASK_KIND_LABELS,
  TASK_PRIORITY_LABELS,
  TASK_STATUS_LABELS,
} from "@tandem/db/constants";

import { format, isSameYear, parseISO } from "date-fns";

import { plainMentions } from "../services/mentions";

/** "Jun 3", or "Jun 3, 2027" outside this year, for a YYYY-MM-DD date. */
function formatDay(isoDate: string, now = new Date()) {
  const d = parseISO(isoDate);
  return isSameYear(d, now) ? format(d, "MMM d") : format(d, "MMM d, yyyy");
}

/** What a log entry needs to be told in words. */
export interface DescribableEntry {
  actorName: string;
  actorId?: string | null;
  action: string;
  summary: { label: string; before?: Record<string, unknown> | null; after?: Record<string, unknown> | null };
}

export interface EntrySentence {
  /** What the actor did, after their name: "moved ‘Consent banner’ to Blocked". */
  text: string;
  /** A quoted reason or comment, shown under the sentence. */
  detail?: string;
}

const q = (s: unknown) => `‘${String(s ?? "")}’`;
const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const label = <K extends string>(labels: Record<K, string>, v: unknown) => (typeof v === "string" && v in labels ? labels[v as K] : String(v ?? ""));
const side = (v: unknown) => label(SIDE_LABELS, v);

/**
 * A log entry as a sentence a person who wasn't there can follow. Written for the actor's name
 * to go in front: "Priya Nair (IT) moved ‘Consent banner’ to Blocked".
 */
export function describeEntry(entry: DescribableEntry): EntrySentence {
  const { label: name, before = {}, after = {} } = entry.summary;
  const b = before ?? {};
  const a = after ?? {};

  switch (entry.action) {
    case "workspace.created":
      return { text: `created the workspace ${q(name)}` };
    case "member.joined":
      return name === entry.actorName
        ? { text: `joined on the ${side(a.side)} side as ${label(ROLE_LABELS, a.role)}` }
        : { text: `added ${name} on the ${side(a.side)} side as ${label(ROLE_LABELS, a.role)}` };
    case "member.updated": {
      const parts: string[] = [];
      if (a.side !== b.side) parts.push(`moved ${name} to the ${side(a.side)} side`);
      if (a.role !== b.role) parts.push(`made ${name} ${article(label(ROLE_LABELS, a.role))}`);
      return { text: parts.length ? parts.join(" and ") : `updated ${name}` };
    }
    case "member.removed":
      return name === entry.actorName ? { text: "left the workspace" } : { text: `removed ${name} from the workspace` };
    case "invitation.created":
      return { text: `created an invite link for the ${side(a.side)} side (${label(ROLE_LABELS, a.role)})` };
    case "invitation.revoked":
      return { text: "revoked an invite link" };

    case "project.created":
      return { text: `created the project ${q(name)}`, detail: str(a.outcome) || undefined };
    case "project.phase_changed":
    case "project.updated":
      return projectChanges(name, a, b);
    case "project.health_posted": {
      const it = a.side === "it";
      const health = it ? a.itHealth : a.marketingHealth;
      const reason = str(it ? a.itHealthReason : a.marketingHealthReason);
      return { text: `rated ${q(name)} ${label(HEALTH_LABELS, health)} for ${it ? "IT" : "marketing"}`, detail: reason };
    }

    case "task.created": {
      const where = a.status && a.status !== "todo" ? ` to ${label(TASK_STATUS_LABELS, a.status)}` : "";
      const who = str(a.assigneeName) ? `, assigned to ${str(a.assigneeName)}` : "";
      const kind = label(TASK_KIND_LABELS, a.kind ?? "task").toLowerCase();
      const owner = a.side === "it" ? "IT" : side(a.side).toLowerCase();
      return { text: `added the ${owner} ${kind} ${q(name)}${where}${who}` };
    }
    case "task.moved":
      return a.status !== b.status
        ? { text: `moved ${q(name)} to ${label(TASK_STATUS_LABELS, a.status)}` }
        : { text: `reordered ${q(name)} in ${label(TASK_STATUS_LABELS, a.status)}` };
    case "task.assigned":
    case "task.updated":
      return { text: taskChanges(name, a, b) };
    case "task.deleted":
      return { text: `deleted ${q(name)}` };

    case "milestone.added":
      return { text: `added the milestone ${q(name)}${str(a.dueOn) ? `, due ${formatDay(str(a.dueOn)!)}` : ""}` };
    case "milestone.updated": {
      const due = str(a.dueOn) ? formatDay(str(a.dueOn)!) : null;
      if (str(b.title) && str(a.title)) return { text: `renamed the milestone ${q(b.title)} to ${q(a.title)}${due ? `, now due ${due}` : ""}` };
      return { text: due ? `moved the milestone ${q(name)} to ${due}` : `updated the milestone ${q(name)}` };
    }
    case "milestone.reached":
      return { text: `reached the milestone ${q(name)}` };
    case "milestone.reopened":
      return { text: `reopened the milestone ${q(name)}` };
    case "milestone.removed":
      return { text: `removed the milestone ${q(name)}` };

    case "check_in.posted": {
      const it = a.side === "it";
      return { text: `checked in on ${q(name)} for ${it ? "IT" : "marketing"}: ${label(HEALTH_LABELS, a.health)}`, detail: str(a.headline) };
    }
    case "entry.acknowledged":
      return { text: `acknowledged ${q(name)}` };
    case "feed_token.created":
      return { text: "created a private Atom feed link" };
    case "feed_token.revoked":
      return { text: "revoked their private Atom feed link" };

    case "comment.created":
      return { text: `commented on ${q(name)}`, detail: str(a.body) ? plainMentions(str(a.body)!) : undefined };
    default:
      return { text: `${entry.action.replace(/[._]/g, " ")} ${q(name)}` };
  }
}

function article(word: string) {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}

interface Change {
  /** The whole sentence when this is the only change. */
  alone: string;
  /** A short phrase when several fields changed together. */
  part: string;
}

/** Several changes read as "updated ‘X’: a, b"; one reads as its own sentence. */
function sentence(name: string, changes: Change[]) {
  if (changes.length === 0) return `updated ${q(name)}`;
  if (changes.length === 1) return changes[0]!.alone;
  return `updated ${q(name)}: ${changes.map((c) => c.part).join(", ")}`;
}

function projectChanges(name: string, a: Record<string, unknown>, b: Record<string, unknown>): EntrySentence {
  const changes: Change[] = [];
  if ("name" in a) changes.push({ alone: `renamed ${q(b.name ?? name)} to ${q(a.name)}`, part: `renamed to ${q(a.name)}` });
  if ("phase" in a) {
    const phase = label(PHASE_LABELS, a.phase);
    changes.push({ alone: `moved ${q(name)} to the ${phase} phase`, part: `phase ${phase}` });
  }
  if ("targetDate" in a) {
    changes.push(
      a.targetDate
        ? { alone: `set the target date of ${q(name)} to ${formatDay(String(a.targetDate))}`, part: `target ${formatDay(String(a.targetDate))}` }
        : { alone: `cleared the target date of ${q(name)}`, part: "no target date" },
    );
  }
  if ("marketingLeadId" in a) {
    const who = str(a.marketingLeadName) ?? "someone else";
    changes.push({ alone: `made ${who} the marketing lead of ${q(name)}`, part: `marketing lead ${who}` });
  }
  if ("itLeadId" in a) {
    const who = str(a.itLeadName) ?? "someone else";
    changes.push({ alone: `made ${who} the IT lead of ${q(name)}`, part: `IT lead ${who}` });
  }
  if ("outcome" in a) changes.push({ alone: `updated the customer outcome of ${q(name)}`, part: "customer outcome" });
  return { text: sentence(name, changes), detail: "outcome" in a ? str(a.outcome) || undefined : undefined };
}

/** The changed task fields in words. `name` is the task's title after the change. */
function taskChanges(name: string, a: Record<string, unknown>, b: Record<string, unknown>): string {
  const changes: Change[] = [];
  if ("title" in a) changes.push({ alone: `renamed ${q(b.title ?? name)} to ${q(a.title)}`, part: `renamed from ${q(b.title)}` });
  if ("assigneeId" in a) {
    const who = str(a.assigneeName);
    changes.push(who ? { alone: `assigned ${q(name)} to ${who}`, part: `assigned to ${who}` } : { alone: `unassigned ${q(name)}`, part: "unassigned" });
  }
  if ("priority" in a) {
    const p = label(TASK_PRIORITY_LABELS, a.priority);
    changes.push(
      a.priority === "none"
        ? { alone: `cleared the priority of ${q(name)}`, part: "no priority" }
        : { alone: `set the priority of ${q(name)} to ${p}`, part: `priority ${p}` },
    );
  }
  if ("dueDate" in a) {
    changes.push(
      a.dueDate
        ? { alone: `set ${q(name)} due ${formatDay(String(a.dueDate))}`, part: `due ${formatDay(String(a.dueDate))}` }
        : { alone: `cleared the due date of ${q(name)}`, part: "no due date" },
    );
  }
  if ("side" in a) changes.push({ alone: `handed ${q(name)} to ${side(a.side)}`, part: `side ${side(a.side)}` });
  if ("kind" in a) {
    const kind = label(TASK_KIND_LABELS, a.kind).toLowerCase();
    changes.push({ alone: `marked ${q(name)} as ${article(kind)}`, part: `now ${article(kind)}` });
  }
  if ("description" in a) changes.push({ alone: `edited the description of ${q(name)}`, part: "description edited" });
  return sentence(name, changes);
}
