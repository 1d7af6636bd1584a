import { createDemoProject } from "../fixtures/api";
import { connectionStatus, newPersonContext, signIn } from "../fixtures/auth";
import { card, column, dragCardTo, projectViewer, quickAdd } from "../fixtures/board";
import { expect, test } from "../fixtures/workspace";

test("the CMO adds a task and the CIO sees it live; the CIO drags it to Done and the CMO sees it move", async ({ page, browser, workspace: ws }, testInfo) => {
  await signIn(page, ws.people.cmo.email);
  const project = await createDemoProject(page, ws, "Live board");

  const cioContext = await newPersonContext(browser, testInfo);
  const cio = await cioContext.newPage();
  await signIn(cio, ws.people.cio.email);

  await page.goto(`/${ws.slug}/projects/${project.id}`);
  await cio.goto(`/${ws.slug}/projects/${project.id}`);
  await expect(page.getByRole("heading", { level: 1, name: project.name })).toBeVisible();
  await expect(connectionStatus(page)).toHaveAttribute("data-state", "connected");
  await expect(connectionStatus(cio)).toHaveAttribute("data-state", "connected");

  // Each sees the other among the people viewing the project.
  await expect(projectViewer(page, ws.people.cio.name)).toBeVisible();
  await expect(projectViewer(cio, ws.people.cmo.name)).toBeVisible();

  const title = `Consent copy review ${Date.now().toString(36)}`;
  await quickAdd(page, "todo", title, "Marketing");

  // No reload on the CIO's side: the task arrives through the log.
  await expect(card(column(cio, "todo"), title)).toBeVisible();
  await expect(card(cio, title).getByText("Marketing")).toBeVisible();

  await dragCardTo(cio, title, "done");
  await expect(card(column(cio, "done"), title)).toBeVisible();
  await expect(card(column(page, "done"), title)).toBeVisible();
  await expect(card(column(page, "todo"), title)).toHaveCount(0);

  // The move was saved, not just shown: a fresh load has it in Done.
  await page.reload();
  await expect(card(column(page, "done"), title)).toBeVisible();

  // The CIO leaving the project takes them out of the CMO's "Viewing now".
  await cioContext.close();
  await expect(projectViewer(page, ws.people.cio.name)).toHaveCount(0);
});
