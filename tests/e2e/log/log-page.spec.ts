import { readFileSync } from "node:fs";

import { createDemoProject, createTask } from "../fixtures/api";
import { navigateTo, newPersonContext, signIn } from "../fixtures/auth";
import { column } from "../fixtures/board";
import { expect, test } from "../fixtures/workspace";

test("the log reads as sentences and verifies; the CEO downloads a checkpoint and can't edit a project", async ({ page, browser, workspace: ws }, testInfo) => {
  // The CMO makes some history first.
  const cmoContext = await newPersonContext(browser, testInfo);
  const cmo = await cmoContext.newPage();
  await signIn(cmo, ws.people.cmo.email);
  const project = await createDemoProject(cmo, ws, "Log page");
  const task = await createTask(cmo, ws, project.id, { title: `Consent banner ${Date.now().toString(36)}`, side: "it" });
  await cmoContext.close();

  await signIn(page, ws.people.ceo.email);
  await navigateTo(page, "Log");
  await expect(page.getByRole("heading", { level: 1, name: "Transparency log" })).toBeVisible();
  await expect(page.getByTestId("verify-status")).toContainText(/Chain verified through #\d+/);
  const feed = page.getByTestId("activity-feed");
  await expect(feed.getByText(`created the project ‘${project.name}’`)).toBeVisible();
  await expect(feed.getByTestId("activity-entry").filter({ hasText: `added the IT task ‘${task.title}’` })).toContainText(`${ws.people.cmo.name} (Marketing)`);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download checkpoint" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^tandem-checkpoint-${ws.slug}-\\d+\\.json$`));
  const checkpoint = JSON.parse(readFileSync((await download.path())!, "utf8")) as Record<string, unknown>;
  expect(checkpoint).toMatchObject({
    workspaceSlug: ws.slug,
    seq: expect.any(Number),
    hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    signature: expect.any(String),
  });

  // Leadership reads and comments; it doesn't change the work.
  await page.goto(`/${ws.slug}/projects/${project.id}`);
  await expect(page.getByRole("heading", { level: 1, name: project.name })).toBeVisible();
  await expect(column(page, "todo").getByText(task.title)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Add task/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Drag “/ })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Phase" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Post health" })).toHaveCount(0);
  await expect(page.getByText("Read-only: you can comment")).toBeVisible();

  await page.getByRole("button", { name: task.title, exact: true }).click();
  const sheet = page.getByRole("dialog", { name: task.title });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole("button", { name: "Delete task" })).toHaveCount(0);
  await expect(sheet.getByRole("combobox", { name: "Status" })).toHaveCount(0);
  await expect(sheet.getByLabel("Write a comment")).toBeVisible();
});
