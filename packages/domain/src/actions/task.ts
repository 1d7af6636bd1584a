import * as v from "valibot";

import { TASK_KIND_LABELS, TASK_PRIORITY_LABELS, TASK_STATUS_LABELS } from "../constants";
import { READS_COMPUTED_KPIS } from "./kpi";
import { defineAction, defineDomain } from "./define";
import type { Change } from "./define-types";
import { at, day, side, taskKind, taskPriority, taskStatus } from "./fields";
import { article, formatDay, label, q, sentence, sideLabel, sideNoun, str } from "./words";

/** Everything a client needs to put a task in its cache. */
export const taskSnapshotSchema = v.object({
  id: v.string(),
  projectId: v.string(),
  projectName: v.optional(v.string()),
  title: v.string(),
  description: v.string(),
  side: side,
  assigneeId: v.nullable(v.string()),
  assigneeName: v.nullable(v.string()),
  status: taskStatus,
  priority: taskPriority,
  kind: taskKind,
  dueDate: v.nullable(day),
  position: v.number(),
  createdAt: at,
  updatedAt: at,
});

/** The fields an edit can change, each only when it changed. */
const taskChange = v.object({
  title: v.optional(v.string()),
  description: v.optional(v.string()),
  side: v.optional(side),
  assigneeId: v.optional(v.nullable(v.string())),
  assigneeName: v.optional(v.nullable(v.string())),
  priority: v.optional(taskPriority),
  kind: v.optional(taskKind),
  dueDate: v.optional(v.nullable(day)),
  /** Written by old entries only: a status change is a move now. */
  status: v.optional(taskStatus),
  updatedAt: v.optional(at),
});

/** Tasks that got blocked or done are what leadership wants to hear about. */
const blockedOrDone = [{ kind: "task", when: { field: "status", in: ["blocked", "done"] } }] as const;
const board = { mode: "patch", invalidate: ["project.list", ...READS_COMPUTED_KPIS] } as const;

export const taskDomain = defineDomain({
  name: "task",
  queries: ["task.list", "task.get"],
  actions: {
    "task.created": defineAction({
      entity: "task",
      after: taskSnapshotSchema,
      feed: blockedOrDone,
      cache: board,
      sentence: ({ label: name, after: a }) => {
        const where = a.status && a.status !== "todo" ? ` to ${label(TASK_STATUS_LABELS, a.status)}` : "";
        const who = str(a.assigneeName) ? `, assigned to ${a.assigneeName}` : "";
        const kind = label(TASK_KIND_LABELS, a.kind ?? "task").toLowerCase();
        return { text: `added the ${sideNoun(a.side)} ${kind} ${q(name)}${where}${who}` };
      },
    }),
    "task.updated": defineAction({
      entity: "task",
      after: taskChange,
      before: taskChange,
      feed: blockedOrDone,
      cache: board,
      sentence: ({ label: name, after, before }) => ({ text: taskChanges(name, after, before) }),
    }),
    "task.assigned": defineAction({
      entity: "task",
      after: taskChange,
      before: taskChange,
      cache: board,
      sentence: ({ label: name, after, before }) => ({ text: taskChanges(name, after, before) }),
    }),
    "task.moved": defineAction({
      entity: "task",
      after: v.object({ status: taskStatus, position: v.number(), updatedAt: at }),
      before: v.object({ status: taskStatus, position: v.number() }),
      feed: blockedOrDone,
      cache: board,
      sentence: ({ label: name, after: a, before: b }) =>
        a.status !== b.status
          ? { text: `moved ${q(name)} to ${label(TASK_STATUS_LABELS, a.status)}` }
          : { text: `reordered ${q(name)} in ${label(TASK_STATUS_LABELS, a.status)}` },
    }),
    "task.deleted": defineAction({
      entity: "task",
      after: v.null(),
      before: v.object({ status: taskStatus, side: side }),
      cache: board,
      sentence: ({ label: name }) => ({ text: `deleted ${q(name)}` }),
    }),
  },
});

type TaskChange = v.InferOutput<typeof taskChange>;

/** The changed task fields in words. `name` is the task's title after the change. */
function taskChanges(name: string, a: Partial<TaskChange>, b: Partial<TaskChange>): string {
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
        ? { alone: `set ${q(name)} due ${formatDay(a.dueDate)}`, part: `due ${formatDay(a.dueDate)}` }
        : { alone: `cleared the due date of ${q(name)}`, part: "no due date" },
    );
  }
  if ("side" in a) changes.push({ alone: `handed ${q(name)} to ${sideLabel(a.side)}`, part: `side ${sideLabel(a.side)}` });
  if ("kind" in a) {
    const kind = label(TASK_KIND_LABELS, a.kind).toLowerCase();
    changes.push({ alone: `marked ${q(name)} as ${article(kind)}`, part: `now ${article(kind)}` });
  }
  if ("description" in a) changes.push({ alone: `edited the description of ${q(name)}`, part: "description edited" });
  return sentence(name, changes);
}
