"use client";

import type { RouterOutputs } from "@tandem/api";
import { ArrowDown, ArrowUp, ArrowUpDown, ListFilter } from "lucide-react";
import { useMemo, useState } from "react";

import { UserAvatar } from "~/components/people/user-avatar";
import { Button } from "@tandem/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@tandem/ui/select";
import { SIDE_LABELS } from "~/lib/sides";
import { PRIORITY_RANK, TASK_PRIORITY_LABELS, TASK_SIDES, TASK_STATUS_LABELS, TASK_STATUSES } from "~/lib/tasks";
import { cn } from "~/lib/utils";
import type { TaskRow } from "~/realtime/apply-log-entry";
import { useToday } from "~/components/shell/workspace-context";
import { isOverdue } from "~/realtime/task-order";

import { DueDate, KindBadge, PriorityIcon, StatusDot, TaskSideBadge } from "./task-bits";

type Member = RouterOutputs["member"]["list"][number];
type SortKey = "title" | "status" | "priority" | "due" | "assignee";
type Dir = "asc" | "desc";
const ANY = "any";

const compare: Record<SortKey, (a: TaskRow, b: TaskRow) => number> = {
  title: (a, b) => a.title.localeCompare(b.title),
  status: (a, b) => TASK_STATUSES.indexOf(a.status) - TASK_STATUSES.indexOf(b.status) || a.position - b.position,
  priority: (a, b) => PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority],
  // No due date sorts last either way round.
  due: (a, b) => (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999"),
  assignee: (a, b) => (a.assigneeName ?? "\uffff").localeCompare(b.assigneeName ?? "\uffff"),
};

/** The project's tasks as a sortable, filterable table; a stacked list on phones. */
export function TaskTable({ tasks, members, onOpen }: { tasks: TaskRow[]; members: Member[]; onOpen: (id: string) => void }) {
  const [sort, setSort] = useState<{ key: SortKey; dir: Dir }>({ key: "status", dir: "asc" });
  const [side, setSide] = useState<string>(ANY);
  const [assignee, setAssignee] = useState<string>(ANY);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const today = useToday();

  const rows = useMemo(() => {
    const filtered = tasks.filter(
      (t) =>
        (side === ANY || t.side === side) &&
        (assignee === ANY || (assignee === "none" ? t.assigneeId === null : t.assigneeId === assignee)) &&
        (!overdueOnly || isOverdue(t, today)),
    );
    const cmp = compare[sort.key];
    return filtered.sort((a, b) => (sort.dir === "asc" ? cmp(a, b) : -cmp(a, b)) || a.title.localeCompare(b.title));
  }, [tasks, side, assignee, overdueOnly, sort, today]);

  const assignees = members.filter((m) => tasks.some((t) => t.assigneeId === m.id));
  const toggle = (key: SortKey) => setSort((s) => (s.key === key ? { key, dir: s.dir === "asc" ? "desc" : "asc" } : { key, dir: "asc" }));
  const filtered = side !== ANY || assignee !== ANY || overdueOnly;

  return (
    <div className="grid gap-3">
      <div role="group" aria-label="Filter tasks" className="flex flex-wrap items-center gap-2">
        <ListFilter aria-hidden className="hidden size-4 text-muted-foreground sm:block" />
        <Select value={side} onValueChange={setSide}>
          <SelectTrigger size="sm" className="w-auto min-w-32" aria-label="Side filter">
            <SelectValue>{side === ANY ? "Both sides" : SIDE_LABELS[side as "marketing"]}</SelectValue>
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ANY}>Both sides</SelectItem>
            {TASK_SIDES.map((s) => (
              <SelectItem key={s} value={s}>
                {SIDE_LABELS[s]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <Select value={assignee} onValueChange={setAssignee}>
          <SelectTrigger size="sm" className="w-auto min-w-36" aria-label="Assignee filter">
            <SelectValue>
              {assignee === ANY ? "Anyone" : assignee === "none" ? "Unassigned" : (members.find((m) => m.id === assignee)?.name ?? "Anyone")}
            </SelectValue>
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ANY}>Anyone</SelectItem>
            <SelectItem value="none">Unassigned</SelectItem>
            {assignees.map((m) => (
              <SelectItem key={m.id} value={m.id}>
                {m.name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <Button
          variant="outline"
          size="sm"
          aria-pressed={overdueOnly}
          onClick={() => setOverdueOnly((v) => !v)}
          className={cn(overdueOnly && "border-destructive/40 bg-destructive-soft text-destructive hover:bg-destructive-soft")}
        >
          Overdue only
        </Button>
        {filtered ? (
          <Button
            variant="ghost"
            size="sm"
            className="text-muted-foreground"
            onClick={() => {
              setSide(ANY);
              setAssignee(ANY);
              setOverdueOnly(false);
            }}
          >
            Clear
          </Button>
        ) : null}
        <span className="ml-auto text-xs text-muted-foreground tabular-nums" aria-live="polite">
          {rows.length} of {tasks.length} tasks
        </span>
      </div>

      {rows.length === 0 ? (
        <p className="rounded-xl border border-dashed px-4 py-10 text-center text-sm text-muted-foreground">
          {tasks.length === 0 ? "No tasks yet. Add the first one from the board." : "No tasks match these filters."}
        </p>
      ) : (
        <>
          {/* Phones: one stacked card per task. */}
          <ul className="grid gap-2 md:hidden" aria-label="Tasks">
            {rows.map((t) => (
              <li key={t.id}>
                <button
                  type="button"
                  onClick={() => onOpen(t.id)}
                  className="grid w-full gap-2 rounded-lg border bg-card p-3 text-left shadow-xs transition-colors hover:bg-accent/50"
                >
                  <span className="text-sm font-medium">{t.title}</span>
                  <span className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                    <span className="inline-flex items-center gap-1.5">
                      <StatusDot status={t.status} /> {TASK_STATUS_LABELS[t.status]}
                    </span>
                    <TaskSideBadge side={t.side as "marketing" | "it"} />
                    {t.priority !== "none" ? <PriorityIcon priority={t.priority} className="size-3.5" /> : null}
                    <DueDate dueDate={t.dueDate} status={t.status} today={today} />
                    {t.assigneeName ? <span className="ml-auto">{t.assigneeName}</span> : null}
                  </span>
                </button>
              </li>
            ))}
          </ul>

          <div className="hidden overflow-hidden rounded-xl border bg-card md:block">
            <table className="w-full text-sm">
              <thead className="border-b bg-muted/60 text-left text-xs font-medium text-muted-foreground">
                <tr>
                  <SortHeader label="Title" k="title" sort={sort} onSort={toggle} className="w-[40%]" />
                  <SortHeader label="Status" k="status" sort={sort} onSort={toggle} />
                  <SortHeader label="Priority" k="priority" sort={sort} onSort={toggle} />
                  <SortHeader label="Due" k="due" sort={sort} onSort={toggle} />
                  <SortHeader label="Assignee" k="assignee" sort={sort} onSort={toggle} />
                </tr>
              </thead>
              <tbody className="divide-y">
                {rows.map((t) => (
                  <tr key={t.id} className="group transition-colors hover:bg-accent/50">
                    <td className="max-w-0 px-4 py-2.5">
                      <div className="flex min-w-0 items-center gap-2">
                        <button
                          type="button"
                          onClick={() => onOpen(t.id)}
                          className="truncate text-left font-medium outline-none hover:underline focus-visible:underline focus-visible:decoration-primary focus-visible:decoration-2"
                        >
                          {t.title}
                        </button>
                        <TaskSideBadge side={t.side as "marketing" | "it"} />
                        <KindBadge kind={t.kind} />
                      </div>
                    </td>
                    <td className="px-4 py-2.5 whitespace-nowrap">
                      <span className="inline-flex items-center gap-1.5">
                        <StatusDot status={t.status} /> {TASK_STATUS_LABELS[t.status]}
                      </span>
                    </td>
                    <td className="px-4 py-2.5 whitespace-nowrap">
                      <span className="inline-flex items-center gap-1.5 text-muted-foreground">
                        <PriorityIcon priority={t.priority} className="size-3.5" />
                        {t.priority === "none" ? "—" : TASK_PRIORITY_LABELS[t.priority]}
                      </span>
                    </td>
                    <td className="px-4 py-2.5 whitespace-nowrap">
                      {t.dueDate ? <DueDate dueDate={t.dueDate} status={t.status} today={today} /> : <span className="text-muted-foreground">—</span>}
                    </td>
                    <td className="px-4 py-2.5 whitespace-nowrap">
                      {t.assigneeName ? (
                        <span className="inline-flex items-center gap-2">
                          <UserAvatar name={t.assigneeName} size="xs" side={members.find((m) => m.id === t.assigneeId)?.side} />
                          {t.assigneeName}
                        </span>
                      ) : (
                        <span className="text-muted-foreground">Unassigned</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

function SortHeader({
  label,
  k,
  sort,
  onSort,
  className,
}: {
  label: string;
  k: SortKey;
  sort: { key: SortKey; dir: Dir };
  onSort: (k: SortKey) => void;
  className?: string;
}) {
  const active = sort.key === k;
  const Icon = active ? (sort.dir === "asc" ? ArrowUp : ArrowDown) : ArrowUpDown;
  return (
    <th scope="col" aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"} className={cn("px-2 py-1.5 font-medium", className)}>
      <button
        type="button"
        onClick={() => onSort(k)}
        className={cn("inline-flex items-center gap-1 rounded px-2 py-1 hover:bg-accent hover:text-foreground", active && "text-foreground")}
      >
        {label}
        <Icon aria-hidden className={cn("size-3.5", !active && "opacity-40")} />
      </button>
    </th>
  );
}
