import type { Database, Side } from "@tandem/db";

import { writeWithLog, type WriteContext } from "../log/writer";
import { postCheckIn } from "../services/check-in";
import { addMilestone, setReached } from "../services/milestone";
import { createProject } from "../services/project";
import { createTask, moveTask } from "../services/task";
import { demoMembers } from "./members";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Demo projects for Acme, made through the same services (and log) as the app: three joint
 * projects with milestones, tasks and check-ins, one of them where the two leads disagree.
 */
export async function seedDemoWork(db: Database, workspaceId: string, emailDomain = "acme.test") {
  const member = await demoMembers(db, workspaceId, emailDomain);

  const cmo = member("cmo");
  const cio = member("cio");
  const dana = member("dana");
  const priya = member("priya");
  const tom = member("tom");
  const as = (m: { userId: string; name: string; side: Side }): WriteContext => ({ db, workspaceId, actor: { id: m.userId, name: m.name, side: m.side } });

  const projects = [
    {
      name: "Consent banner rollout",
      outcome: "Visitors choose their cookies in one click, and marketing keeps measuring.",
      phase: "build" as const,
      targetDate: day(24),
      m: dana,
      i: priya,
    },
    {
      name: "Customer data platform",
      outcome: "One view of each customer for campaigns and service.",
      phase: "discovery" as const,
      targetDate: day(60),
      m: cmo,
      i: cio,
    },
    {
      name: "Spring launch site",
      outcome: "The spring range launches with a fast, accessible site.",
      phase: "launch" as const,
      targetDate: day(9),
      m: dana,
      i: tom,
    },
  ];
  const made = [];
  for (const p of projects) {
    const row = await writeWithLog(as(p.m), (tx, log) =>
      createProject(tx, log, {
        workspaceId,
        name: p.name,
        outcome: p.outcome,
        phase: p.phase,
        targetDate: p.targetDate,
        sides: { marketing: { leadId: p.m.id }, it: { leadId: p.i.id } },
        memberIds: [],
      }),
    );
    made.push({ ...p, id: row.id });
  }
  const [consent, cdp, spring] = made as [(typeof made)[number], (typeof made)[number], (typeof made)[number]];

  const milestones = [
    { p: consent, by: priya, title: "Legal signs off the banner wording", due: -4, reached: true },
    { p: consent, by: dana, title: "Banner live in all four markets", due: 20 },
    { p: cdp, by: cio, title: "CDP vendor chosen", due: 30 },
    { p: spring, by: tom, title: "Staging sign-off by both sides", due: 4 },
  ];
  for (const m of milestones) {
    const row = await writeWithLog(as(m.by), (tx, log) => addMilestone(tx, log, { workspaceId, projectId: m.p.id, title: m.title, dueOn: day(m.due) }));
    if (m.reached) await writeWithLog(as(m.by), (tx, log) => setReached(tx, log, { workspaceId, milestoneId: row.id, reached: true }));
  }

  const tasks: {
    p: typeof consent;
    by: typeof dana;
    title: string;
    side: "marketing" | "it";
    assignee: typeof dana;
    due: number;
    kind?: "task" | "requirement" | "deliverable";
    status?: "in_progress" | "blocked" | "done";
  }[] = [
    {
      p: consent,
      by: dana,
      title: "Write the banner copy in 4 languages",
      side: "marketing",
      assignee: dana,
      due: 3,
      kind: "deliverable",
      status: "in_progress",
    },
    { p: consent, by: priya, title: "Wire consent to the tag manager", side: "it", assignee: priya, due: 5, kind: "requirement", status: "blocked" },
    { p: consent, by: priya, title: "Audit third-party scripts", side: "it", assignee: priya, due: -2, status: "done" },
    { p: consent, by: dana, title: "Legal sign-off on the wording", side: "marketing", assignee: dana, due: -1 },
    { p: cdp, by: cmo, title: "List the campaign audiences we need", side: "marketing", assignee: cmo, due: 10, kind: "requirement" },
    { p: cdp, by: cio, title: "Shortlist three CDP vendors", side: "it", assignee: cio, due: 14, status: "in_progress" },
    { p: spring, by: tom, title: "Performance budget: LCP under 2 s on 4G", side: "it", assignee: tom, due: 2, kind: "requirement", status: "in_progress" },
    { p: spring, by: dana, title: "Hero photography", side: "marketing", assignee: dana, due: -3, kind: "deliverable" },
  ];
  for (const t of tasks) {
    const task = await writeWithLog(as(t.by), (tx, log) =>
      createTask(
        tx,
        log,
        { memberId: t.by.id, name: t.by.name },
        {
          workspaceId,
          projectId: t.p.id,
          title: t.title,
          description: "",
          side: t.side,
          assigneeId: t.assignee.id,
          status: "todo",
          priority: "medium",
          kind: t.kind ?? "task",
          dueDate: day(t.due),
        },
      ),
    );
    if (t.status) await writeWithLog(as(t.by), (tx, log) => moveTask(tx, log, { workspaceId, taskId: task.id, status: t.status! }));
  }

  const checkIns = [
    {
      p: consent,
      by: dana,
      health: "on_track" as const,
      headline: "Copy is in review, on schedule",
      moved: "Banner copy drafted in EN, DE, FR, ES.",
      risks: "",
      asks: "IT: a staging URL for legal to review.",
      decisions: "Ship with a 'Reject all' button on the first layer.",
    },
    {
      p: consent,
      by: priya,
      health: "at_risk" as const,
      headline: "Tag manager changes blocked on vendor",
      moved: "Script audit done: 14 tags, 3 to remove.",
      risks: "The tag vendor's consent API is still in beta.",
      asks: "Marketing: confirm which tags can wait until after launch.",
      decisions: "",
    },
    {
      p: spring,
      by: dana,
      health: "on_track" as const,
      headline: "Launch assets on track",
      moved: "Landing copy approved.",
      risks: "Hero photography is late.",
      asks: "",
      decisions: "Launch date stays fixed.",
    },
    {
      p: spring,
      by: tom,
      health: "on_track" as const,
      headline: "Site passes the performance budget",
      moved: "LCP 1.8 s on 4G in staging.",
      risks: "",
      asks: "",
      decisions: "",
    },
  ];
  for (const c of checkIns) {
    await writeWithLog(as(c.by), (tx, log) =>
      postCheckIn(tx, log, {
        workspaceId,
        projectId: c.p.id,
        memberId: c.by.id,
        side: c.by.side,
        health: c.health,
        headline: c.headline,
        moved: c.moved,
        risks: c.risks,
        asks: c.asks,
        decisions: c.decisions,
      }),
    );
  }
}
