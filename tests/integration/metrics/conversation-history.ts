import { randomUUID } from "node:crypto";

import type { Database, Side } from "@tandem/db";
import { schema } from "@tandem/db";
import { mentionedMemberIds } from "@tandem/domain/mentions";
import { otherSide } from "@tandem/domain/sides";
import fc from "fast-check";

import { type Arrival, arrive, bucketOf, byPeriod, NOW, percentileCont, type Query, series, T0 } from "./support";

const MINUTE = 60_000;
/** Mentions a member of no workspace: ignored. */
export const GHOST = "00000000-0000-4000-8000-00000000abcd";

export interface Said {
  /** Index into the fixture's people, or null for a comment whose author left. */
  author: number | null;
  /** Indexes into the people mentioned; -1 is GHOST. */
  mentions: number[];
  shout: boolean;
  at: number;
}
export interface Thread {
  project: 0 | 1;
  onTask: boolean;
  comments: Said[];
}

export const threadArb = (people: number): fc.Arbitrary<Thread> =>
  fc
    .record({
      project: fc.constantFrom<0 | 1>(0, 1),
      onTask: fc.boolean(),
      start: fc.integer({ min: 0, max: 100 * 24 * 60 }),
      comments: fc.array(
        fc.record({
          author: fc.option(fc.integer({ min: 0, max: people - 1 }), { nil: null, freq: 10 }),
          mentions: fc.array(fc.integer({ min: -1, max: people - 1 }), { maxLength: 2 }),
          shout: fc.boolean(),
          gap: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 20 * 24 * 60 })),
        }),
        { minLength: 1, maxLength: 6 },
      ),
    })
    .map(({ project, onTask, start, comments }) => {
      let at = T0 + start * MINUTE;
      const said: Said[] = [];
      for (const c of comments) {
        if (at >= NOW.getTime()) break;
        said.push({ author: c.author, mentions: c.mentions, shout: c.shout, at });
        at += c.gap * MINUTE;
      }
      return { project, onTask, comments: said };
    });

interface Person {
  memberId: string;
  side: Side;
  name: string;
}

export function bodyOf(c: Said, people: Person[]): string {
  const tokens = c.mentions.map((i) => {
    const id = i < 0 ? GHOST : people[i]!.memberId;
    return `@[${i < 0 ? "Nobody" : people[i]!.name}](member:${c.shout ? id.toUpperCase() : id})`;
  });
  return `Could you look at this ${tokens.join(" and ")} please?`;
}

/** Writes the threads' comments (and their mentions), in `arrival`'s order and statements when given. */
export async function insertThreads(
  db: Database,
  f: { workspaceId: string; projects: [string, string]; people: Person[] },
  threads: Thread[],
  arrival?: Arrival,
) {
  const onTask = threads.filter((th) => th.onTask);
  const tasks = onTask.length
    ? await db
        .insert(schema.task)
        .values(
          onTask.map((th, i) => ({ workspaceId: f.workspaceId, projectId: f.projects[th.project], title: `Thread ${i}`, side: "it" as const, position: i })),
        )
        .returning({ id: schema.task.id })
    : [];
  const rows = threads.flatMap((th) => {
    const taskId = th.onTask ? tasks[onTask.indexOf(th)]!.id : null;
    return th.comments.map((c) => ({
      id: randomUUID(),
      workspaceId: f.workspaceId,
      projectId: f.projects[th.project],
      taskId,
      authorId: c.author === null ? null : f.people[c.author]!.memberId,
      body: bodyOf(c, f.people),
      createdAt: new Date(c.at),
    }));
  });
  // Each comment with what createComment stores beside it: the workspace's members its body mentions.
  const members = new Set(f.people.map((p) => p.memberId));
  const written = rows.map((r) => ({
    comment: r,
    mentions: mentionedMemberIds(r.body).flatMap((memberId) => (members.has(memberId) ? [{ workspaceId: f.workspaceId, commentId: r.id, memberId }] : [])),
  }));
  for (const statement of arrive(written, arrival)) {
    await db.insert(schema.comment).values(statement.map((w) => w.comment));
    const mentions = statement.flatMap((w) => w.mentions);
    if (mentions.length) await db.insert(schema.commentMention).values(mentions).onConflictDoNothing();
  }
}

/** The number of comments the threads write. */
export const commentCount = (threads: Thread[]) => threads.reduce((n, th) => n + th.comments.length, 0);

/**
 * Asks across sides and their first answer from the side asked, in the same thread: a task's
 * comments, or a project's own comments (every project-level thread of a project is one).
 */
export function refCrossSideResponse(q: Query, threads: Thread[], people: Person[]) {
  const sideOf = (i: number | null) => (i === null ? null : people[i]!.side);
  const said = threads.flatMap((th, n) => th.comments.map((c) => ({ ...c, project: th.project, thread: th.onTask ? `task ${n}` : `project ${th.project}` })));
  const items = said.flatMap((c) => {
    if (q.project !== null && q.project !== c.project) return [];
    const from = sideOf(c.author);
    if (from !== "marketing" && from !== "it") return [];
    const asked = otherSide(from);
    const ids = mentionedMemberIds(bodyOf(c, people));
    if (!people.some((p) => p.side === asked && ids.includes(p.memberId))) return [];
    if (q.side && q.side !== asked) return [];
    const answers = said.filter((r) => r.thread === c.thread && r.at > c.at && sideOf(r.author) === asked).map((r) => r.at);
    if (!answers.length) return [];
    const answeredAt = Math.min(...answers);
    return [{ period: bucketOf(q, answeredAt), item: (answeredAt - c.at) / 3_600_000 }];
  });
  return series(
    q,
    byPeriod(items, (xs) => percentileCont(xs, 0.5)),
    null,
  );
}
