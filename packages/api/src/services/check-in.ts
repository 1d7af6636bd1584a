import type { Health, Side, Transaction } from "@tandem/db";
import type { Project } from "@tandem/db/schema";
import { insertCheckIn } from "@tandem/db/queries";
import { WORKING_SIDES, type WorkingSide } from "@tandem/domain/sides";

import type { LogFn } from "../log/writer";
import { setLeadHealth } from "./project";

export interface CheckInInput {
  workspaceId: string;
  projectId: string;
  memberId: string;
  side: Side;
  health: Health;
  headline: string;
  moved: string;
  risks: string;
  asks: string;
  decisions: string;
}

/**
 * A lead's check-in: sets their side's health (the headline is its one-line reason) and records
 * the check-in, as one log entry that carries everything the feed and the caches need.
 */
export async function postCheckIn(tx: Transaction, log: LogFn, input: CheckInInput) {
  const { row: project, before, after, side } = await setLeadHealth(tx, { ...input, reason: input.headline });
  const checkIn = await insertCheckIn(tx, {
    workspaceId: input.workspaceId,
    projectId: input.projectId,
    authorId: input.memberId,
    side,
    health: input.health,
    headline: input.headline,
    moved: input.moved,
    risks: input.risks,
    asks: input.asks,
    decisions: input.decisions,
  });
  await log({
    action: "check_in.posted",

    entityId: checkIn.id,
    projectId: input.projectId,
    summary: {
      label: project.name,
      before,
      after: {
        ...after,
        checkInId: checkIn.id,
        health: input.health,
        headline: input.headline,
        moved: input.moved,
        risks: input.risks,
        asks: input.asks,
        decisions: input.decisions,
        createdAt: checkIn.createdAt.toISOString(),
      },
    },
  });
  return checkIn;
}

const DAY_MS = 86_400_000;
/** A check-in counts as due this long before its deadline. */
const DUE_SOON_MS = DAY_MS;

export type CheckInState = "ok" | "due" | "overdue";

export interface CheckInStatus {
  projectId: string;
  projectName: string;
  side: WorkingSide;
  leadId: string;
  lastAt: string | null;
  dueAt: string;
  state: CheckInState;
  /** Whole days since the last check-in (or since the project started, if none). */
  daysSinceUpdate: number;
}

/**
 * Where each active project's two leads stand on their cadence: "due" from a day before the
 * deadline, "overdue" after it. Done projects ask nothing.
 */
export function checkInStatuses(
  projects: { project: Pick<Project, "id" | "name" | "phase" | "checkInCadenceDays" | "createdAt">; sides: Record<WorkingSide, { leadId: string }> }[],
  latest: { projectId: string; side: Side; at: Date }[],
  now = new Date(),
): CheckInStatus[] {
  const last = new Map(latest.map((l) => [`${l.projectId}:${l.side}`, l.at]));
  return projects
    .filter(({ project: p }) => p.phase !== "done")
    .flatMap(({ project: p, sides }) =>
      WORKING_SIDES.map((side) => {
        const lastAt = last.get(`${p.id}:${side}`) ?? null;
        const since = lastAt ?? p.createdAt;
        const dueAt = new Date(since.getTime() + p.checkInCadenceDays * DAY_MS);
        const left = dueAt.getTime() - now.getTime();
        const state: CheckInState = left < 0 ? "overdue" : left <= DUE_SOON_MS ? "due" : "ok";
        return {
          projectId: p.id,
          projectName: p.name,
          side,
          leadId: sides[side].leadId,
          lastAt: lastAt?.toISOString() ?? null,
          dueAt: dueAt.toISOString(),
          state,
          daysSinceUpdate: Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS)),
        };
      }),
    );
}
