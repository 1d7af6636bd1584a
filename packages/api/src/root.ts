import { checkInRouter } from "./router/check-in";
import { commentRouter } from "./router/comment";
import { dashboardRouter } from "./router/dashboard";
import { feedRouter } from "./router/feed";
import { inboxRouter } from "./router/inbox";
import { invitationRouter } from "./router/invitation";
import { kpiRouter } from "./router/kpi";
import { logRouter } from "./router/log";
import { memberRouter } from "./router/member";
import { milestoneRouter } from "./router/milestone";
import { projectRouter } from "./router/project";
import { sessionRouter } from "./router/session";
import { taskRouter } from "./router/task";
import { workspaceRouter } from "./router/workspace";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  session: sessionRouter,
  workspace: workspaceRouter,
  member: memberRouter,
  invitation: invitationRouter,
  project: projectRouter,
  task: taskRouter,
  milestone: milestoneRouter,
  comment: commentRouter,
  inbox: inboxRouter,
  log: logRouter,
  checkIn: checkInRouter,
  feed: feedRouter,
  kpi: kpiRouter,
  dashboard: dashboardRouter,
});

export type AppRouter = typeof appRouter;
