"use client";

import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { arrayMove, SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useMemo, useRef, useState } from "react";

import type { ProjectViewer } from "@tandem/realtime-contract";

import { TASK_STATUS_LABELS, TASK_STATUSES, type TaskSide, type TaskStatus } from "~/lib/tasks";
import type { Side } from "~/lib/sides";
import { cn } from "~/lib/utils";
import type { TaskRow } from "~/realtime/apply-log-entry";
import { compareTasks } from "~/realtime/task-order";

import { QuickAdd } from "./quick-add";
import { StatusDot } from "./task-bits";
import { SortableTaskCard, TaskCard } from "./task-card";
import type { useTaskActions } from "./use-task-actions";

type Columns = Record<TaskStatus, string[]>;
const COLUMN_PREFIX = "column:";
const columnId = (status: TaskStatus) => `${COLUMN_PREFIX}${status}`;

function columnsOf(tasks: TaskRow[]): Columns {
  const cols = Object.fromEntries(TASK_STATUSES.map((s) => [s, [] as string[]])) as Columns;
  for (const t of [...tasks].sort(compareTasks)) cols[t.status].push(t.id);
  return cols;
}

const EMPTY_HINT: Record<TaskStatus, string> = {
  todo: "Nothing waiting. Add what needs doing next.",
  in_progress: "Nothing in progress. Drag a task here when work starts.",
  blocked: "Nothing blocked. Good.",
  done: "Nothing done yet. Finished work lands here.",
};

/**
 * The project's tasks in four columns. Cards move by dragging (mouse, touch after a short
 * press, or the keyboard from a card's handle: Space to pick up, arrows to move, Space to drop)
 * and by each card's "Move to…" menu.
 */
export function Board({
  tasks,
  canWrite,
  actions,
  projectId,
  viewers,
  meUserId,
  defaultSide,
  memberSides,
  onOpen,
}: {
  defaultSide: TaskSide;
  /** Member id → side, so assignee avatars carry their side's colour. */
  memberSides: Map<string, Side>;
  tasks: TaskRow[];
  canWrite: boolean;
  actions: ReturnType<typeof useTaskActions>;
  projectId: string;
  viewers: ProjectViewer[] | undefined;
  meUserId: string;
  onOpen: (taskId: string) => void;
}) {
  const byId = useMemo(() => new Map(tasks.map((t) => [t.id, t])), [tasks]);
  const settled = useMemo(() => columnsOf(tasks), [tasks]);
  // While dragging, the board shows where the card would land; the cache changes only on drop.
  const [dragging, setDraggingState] = useState<Columns | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const columns = dragging ?? settled;
  // The keyboard getter runs outside React's render; it reads the latest layout from here.
  const draggingRef = useRef<Columns | null>(null);
  const setDragging = (next: Columns | null | ((cur: Columns | null) => Columns | null)) => {
    setDraggingState((cur) => {
      const value = typeof next === "function" ? next(cur) : next;
      draggingRef.current = value;
      return value;
    });
  };

  /**
   * Arrow keys in board terms: left and right go to the neighbouring column, up and down to the
   * neighbouring card in the column (the generic getter guesses from geometry, and a tilted
   * drag overlay fools it).
   */
  const keyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
    const cols = draggingRef.current;
    const id = context.active?.id;
    if (!cols || id === undefined) return undefined;
    const status = containerOf(id, cols);
    if (!status) return undefined;
    const rectOf = (key: string) => context.droppableRects.get(key);
    if (event.code === "ArrowRight" || event.code === "ArrowLeft") {
      const next = TASK_STATUSES[TASK_STATUSES.indexOf(status) + (event.code === "ArrowRight" ? 1 : -1)];
      if (!next) return undefined;
      event.preventDefault();
      const first = cols[next].find((k) => k !== id);
      const target = (first && rectOf(first)) || rectOf(columnId(next));
      return target ? { x: target.left, y: target.top } : undefined;
    }
    if (event.code === "ArrowDown" || event.code === "ArrowUp") {
      const list = cols[status];
      const neighbour = list[list.indexOf(String(id)) + (event.code === "ArrowDown" ? 1 : -1)];
      if (!neighbour) return undefined;
      event.preventDefault();
      const target = rectOf(neighbour);
      return target ? { x: target.left, y: target.top } : undefined;
    }
    return undefined;
  };

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 220, tolerance: 8 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: keyboardCoordinates,
      keyboardCodes: { start: ["Space", "Enter"], cancel: ["Escape"], end: ["Space", "Enter"] },
    }),
  );

  const editing = useMemo(() => {
    const m = new Map<string, ProjectViewer>();
    for (const v of viewers ?? []) if (v.editingTaskId && v.userId !== meUserId) m.set(v.editingTaskId, v);
    return m;
  }, [viewers, meUserId]);

  const containerOf = (id: UniqueIdentifier, cols: Columns): TaskStatus | undefined => {
    const s = String(id);
    if (s.startsWith(COLUMN_PREFIX)) return s.slice(COLUMN_PREFIX.length) as TaskStatus;
    return TASK_STATUSES.find((status) => cols[status].includes(s));
  };

  // Corners work for both lists and empty columns; the pointer's column wins when it's over one.
  const collision: CollisionDetection = (args) => closestCorners(args);

  function onDragStart({ active }: DragStartEvent) {
    setActiveId(String(active.id));
    setDragging(settled);
  }

  function onDragOver({ active, over }: DragOverEvent) {
    if (!over || !dragging) return;
    const from = containerOf(active.id, dragging);
    const to = containerOf(over.id, dragging);
    if (!from || !to || from === to) return;
    setDragging((cols) => {
      if (!cols) return cols;
      const source = cols[from].filter((id) => id !== active.id);
      const target = [...cols[to]];
      const overIndex = target.indexOf(String(over.id));
      let index = target.length;
      if (overIndex >= 0) {
        const activeTop = active.rect.current.translated?.top ?? 0;
        const below = activeTop > over.rect.top + over.rect.height / 2;
        index = overIndex + (below ? 1 : 0);
      }
      target.splice(index, 0, String(active.id));
      return { ...cols, [from]: source, [to]: target };
    });
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const cols = dragging;
    setActiveId(null);
    setDragging(null);
    if (!cols || !over) return;
    const id = String(active.id);
    const status = containerOf(id, cols);
    if (!status) return;
    let list = cols[status];
    const overIndex = list.indexOf(String(over.id));
    const from = list.indexOf(id);
    if (overIndex >= 0 && overIndex !== from) list = arrayMove(list, from, overIndex);
    const index = list.indexOf(id);
    const afterId = list[index - 1] ?? null;
    const beforeId = list[index + 1] ?? null;
    const task = byId.get(id);
    if (!task) return;
    const was = settled[task.status];
    const wasIndex = was.indexOf(id);
    if (task.status === status && (was[wasIndex - 1] ?? null) === afterId && (was[wasIndex + 1] ?? null) === beforeId) return;
    actions.move(id, status, { afterId, beforeId });
  }

  const title = (id: UniqueIdentifier) => byId.get(String(id))?.title ?? "task";
  const place = (id: UniqueIdentifier | undefined) => {
    if (id === undefined || !dragging) return "";
    const status = containerOf(id, dragging);
    if (!status) return "";
    const pos = String(id).startsWith(COLUMN_PREFIX) ? dragging[status].length : dragging[status].indexOf(String(id)) + 1;
    return `${TASK_STATUS_LABELS[status]}, position ${Math.max(pos, 1)} of ${Math.max(dragging[status].length, 1)}`;
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up “${title(active.id)}”. Use the arrow keys to move it, Space to drop, Escape to cancel.`,
    onDragOver: ({ active, over }) => (over ? `“${title(active.id)}” is over ${place(over.id)}.` : `“${title(active.id)}” is not over a column.`),
    onDragEnd: ({ active, over }) => (over ? `Dropped “${title(active.id)}” in ${place(over.id) || "its column"}.` : `“${title(active.id)}” was put back.`),
    onDragCancel: ({ active }) => `Moving “${title(active.id)}” was cancelled. It's back where it was.`,
  };

  const active = activeId ? byId.get(activeId) : undefined;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      // Scroll only when the card is close to the edge: on phones the columns are stacked.
      autoScroll={{ threshold: { x: 0.1, y: 0.12 } }}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        setActiveId(null);
        setDragging(null);
      }}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            "To move this task, press Space or Enter to pick it up, the arrow keys to move it between columns and within one, and Space or Enter to drop it. Escape cancels.",
        },
      }}
    >
      <div className="grid items-start gap-4 md:grid-cols-2 xl:grid-cols-4" data-testid="board">
        {TASK_STATUSES.map((status) => (
          <Column
            key={status}
            status={status}
            count={columns[status].length}
            canWrite={canWrite}
            actions={actions}
            projectId={projectId}
            defaultSide={defaultSide}
          >
            <SortableContext id={columnId(status)} items={columns[status]} strategy={verticalListSortingStrategy}>
              {columns[status].map((id) => {
                const task = byId.get(id);
                if (!task) return null;
                return (
                  <SortableTaskCard
                    key={id}
                    task={task}
                    canWrite={canWrite}
                    onOpen={onOpen}
                    actions={actions}
                    editor={editing.get(id)}
                    assigneeSide={task.assigneeId ? memberSides.get(task.assigneeId) : undefined}
                  />
                );
              })}
            </SortableContext>
            {columns[status].length === 0 ? (
              <p className="rounded-lg border border-dashed px-3 py-5 text-center text-[13px] leading-snug text-muted-foreground">{EMPTY_HINT[status]}</p>
            ) : null}
          </Column>
        ))}
      </div>
      <DragOverlay dropAnimation={{ duration: 160, easing: "cubic-bezier(0.16, 1, 0.3, 1)" }}>
        {active ? (
          <TaskCard
            task={active}
            canWrite={canWrite}
            overlay
            editor={editing.get(active.id)}
            assigneeSide={active.assigneeId ? memberSides.get(active.assigneeId) : undefined}
          />
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}

function Column({
  status,
  count,
  canWrite,
  actions,
  projectId,
  defaultSide,
  children,
}: {
  defaultSide: TaskSide;
  status: TaskStatus;
  count: number;
  canWrite: boolean;
  actions: ReturnType<typeof useTaskActions>;
  projectId: string;
  children: React.ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: columnId(status) });
  return (
    <section
      aria-labelledby={`column-${status}`}
      data-testid={`column-${status}`}
      className={cn("grid min-w-0 content-start gap-2 rounded-xl border bg-muted/45 p-2 transition-colors", isOver && "border-primary/40 bg-primary-soft/50")}
    >
      <header className="flex items-center gap-2 px-1.5 pt-1 pb-0.5">
        <StatusDot status={status} />
        <h3 id={`column-${status}`} className="text-[13px] font-semibold">
          {TASK_STATUS_LABELS[status]}
        </h3>
        <span className="text-xs text-muted-foreground tabular-nums" role="img" aria-label={`${count} tasks`}>
          {count}
        </span>
      </header>
      <div ref={setNodeRef} className="grid min-h-14 content-start gap-2">
        {children}
      </div>
      {canWrite ? <QuickAdd status={status} projectId={projectId} actions={actions} defaultSide={defaultSide} /> : null}
    </section>
  );
}
