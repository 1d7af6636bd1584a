import { createDemoProject, trpc } from "../fixtures/api";
import { connectionStatus, newPersonContext, signIn } from "../fixtures/auth";
import { expect, test } from "../fixtures/workspace";

test("the CMO renames a project and changes its outcome and cadence; the CIO's open page follows live; an empty name is refused next to the field", async ({
  page,
  browser,
  workspace: ws,
}, testInfo) => {
  await signIn(page, ws.people.cmo.email);
  const project = await createDemoProject(page, ws, "Edit me");

  const cioContext = await newPersonContext(browser, testInfo);
  const cio = await cioContext.newPage();
  await signIn(cio, ws.people.cio.email);
  await cio.goto(`/${ws.slug}/projects/${project.id}`);
  await expect(cio.getByRole("heading", { level: 1, name: project.name })).toBeVisible();
  await expect(connectionStatus(cio)).toHaveAttribute("data-state", "connected");

  await page.goto(`/${ws.slug}/projects/${project.id}`);
  await page.getByRole("button", { name: "Edit project" }).click();
  const form = page.getByRole("form", { name: "Edit project" });
  await expect(form.getByLabel("Name")).toHaveValue(project.name);
  await expect(form.getByLabel("Check-in cadence")).toHaveText(/Weekly/);

  // An empty name: the schema's message, under the field, tied to it for screen readers.
  await form.getByLabel("Name").fill("   ");
  await form.getByRole("button", { name: "Save changes" }).click();
  const error = form.getByText("Name is required.");
  await expect(error).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Name")).toHaveAttribute("aria-describedby", /edit-project-name-error/);

  const renamed = `Renamed ${Date.now().toString(36)}`;
  await form.getByLabel("Name").fill(renamed);
  await form.getByLabel("Customer outcome").fill("Visitors pick their cookies in one click.");
  await form.getByLabel("Check-in cadence").click();
  await page.getByRole("option", { name: "Every 2 weeks", exact: true }).click();
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Project updated")).toBeVisible();
  await expect(form).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(renamed);

  // The CIO's page follows without a reload.
  await expect(cio.getByRole("heading", { level: 1 })).toHaveText(renamed);
  await expect(cio.getByText("Visitors pick their cookies in one click.")).toBeVisible();

  // Only the changed fields were sent, and saved: the leads and phase are as they were.
  const saved = await trpc<{
    project: { name: string; outcome: string; checkInCadenceDays: number; phase: string };
    sides: Record<"marketing" | "it", { leadId: string }>;
  }>(page, "project.get", { workspaceSlug: ws.slug, projectId: project.id }, "query");
  expect(saved.project).toMatchObject({ name: renamed, outcome: "Visitors pick their cookies in one click.", checkInCadenceDays: 14, phase: "build" });
  expect(saved.sides).toMatchObject({ marketing: { leadId: project.cmo.id }, it: { leadId: project.cio.id } });
  const { entries } = await trpc<{ entries: { action: string; summary: { after?: Record<string, unknown> } }[] }>(
    page,
    "log.list",
    { workspaceSlug: ws.slug, projectId: project.id, limit: 1 },
    "query",
  );
  expect(entries[0]!.action).toBe("project.updated");
  const after = entries[0]!.summary.after ?? {};
  expect(after).toMatchObject({ name: renamed, outcome: "Visitors pick their cookies in one click.", checkInCadenceDays: 14 });
  for (const untouched of ["phase", "targetDate"]) expect(after).not.toHaveProperty(untouched);
  // The lead names ride along for the caches; no lead changed, so no side carries a lead id.
  const sides = (after.sides ?? {}) as Record<string, Record<string, unknown>>;
  for (const side of ["marketing", "it"]) expect(sides[side] ?? {}).not.toHaveProperty("leadId");

  // A custom cadence outside 1–90 days is refused next to the field.
  await page.getByRole("button", { name: "Edit project" }).click();
  await expect(form.getByLabel("Check-in cadence")).toHaveText(/Every 2 weeks/);
  await form.getByLabel("Check-in cadence").click();
  await page.getByRole("option", { name: "Custom…" }).click();
  await form.getByLabel("Days between check-ins").fill("120");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByText("At most every 90 days.")).toBeVisible();
  await form.getByLabel("Days between check-ins").fill("10");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form).toBeHidden();
  await cio.getByRole("tab", { name: "Check-ins" }).click();
  await expect(cio.getByTestId("check-ins-panel")).toContainText("Each lead checks in every 10 days.");

  await cioContext.close();
});

test("the new-project dialog, sharing its fields with the edit dialog, creates a project with a lead on each side", async ({ page, workspace: ws }) => {
  await signIn(page, ws.people.cmo.email);
  await page.goto(`/${ws.slug}/projects`);
  await page.getByRole("button", { name: "New project" }).click();
  const form = page.getByRole("form", { name: "New project" });
  await form.getByRole("button", { name: "Create project" }).click();
  await expect(form.getByText("Name is required.")).toBeVisible();
  const name = `Fresh ${Date.now().toString(36)}`;
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Customer outcome").fill("Customers find the spring range faster.");
  // The leads default to the people leading each side: the CMO herself and the CIO.
  await expect(form.getByLabel("Marketing lead")).toHaveText(ws.people.cmo.name);
  await expect(form.getByLabel("IT lead")).toHaveText(ws.people.cio.name);
  await form.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Customers find the spring range faster.")).toBeVisible();
  await expect(page.getByTestId("health-marketing")).toContainText(ws.people.cmo.name);
  await expect(page.getByTestId("health-it")).toContainText(ws.people.cio.name);
});

test("a made-up or malformed project id answers 404 inside the workspace, with its menu at hand", async ({ page, isMobile, workspace: ws }) => {
  await signIn(page, ws.people.cmo.email);
  for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-project"]) {
    const response = await page.goto(`/${ws.slug}/projects/${id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("main").getByRole("heading", { name: "We can't find that page" })).toBeVisible();
    // The workspace's own menu, not the app-wide dead end.
    if (isMobile) await expect(page.getByRole("button", { name: "Open menu" })).toBeVisible();
    else await expect(page.getByRole("navigation", { name: "Workspace" })).toBeVisible();
  }
  // A real one still opens, through the list the 404 points back to.
  await page.getByRole("link", { name: "Back to projects" }).click();
  await expect(page).toHaveURL(new RegExp(`/${ws.slug}/projects$`));
  await page
    .getByRole("main")
    .getByRole("link", { name: /Spring launch site/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Spring launch site" })).toBeVisible();
});
