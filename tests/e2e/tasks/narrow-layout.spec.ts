import type { Page } from "@playwright/test";

import { createDemoProject, createTask } from "../fixtures/api";
import { signIn } from "../fixtures/auth";
import { card, column } from "../fixtures/board";
import { expect, test } from "../fixtures/workspace";

async function expectNoHorizontalScroll(page: Page) {
  // A string, evaluated in the page: this project's tsconfig has no DOM types.
  const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe("projects and tasks on the narrowest phone we support", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("the projects list, a board, a task, the log and the inbox fit 360px without sideways scrolling", async ({ page, workspace: ws }) => {
    await signIn(page, ws.people.cmo.email);
    const project = await createDemoProject(page, ws, "A rather long project name that has to wrap on a phone");
    const task = await createTask(page, ws, project.id, {
      title: `A task title long enough to need two lines on a narrow screen ${Date.now().toString(36)}`,
      side: "it",
      priority: "urgent",
      kind: "requirement",
      dueDate: "2020-01-01",
      description: "| a | wide | table |\n|---|---|---|\n| `averyveryveryveryveryverylongidentifierwithoutspaces` | x | y |",
    });

    await page.goto(`/${ws.slug}/projects`);
    await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
    await expectNoHorizontalScroll(page);

    await page.goto(`/${ws.slug}/projects/${project.id}`);
    await expect(card(column(page, "todo"), task.title)).toBeVisible();
    await expectNoHorizontalScroll(page);

    await card(page, task.title).getByRole("button", { name: task.title, exact: true }).click();
    await expect(page.getByRole("dialog", { name: task.title })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await page.keyboard.press("Escape");

    await page.goto(`/${ws.slug}/projects/${project.id}?view=list`);
    await expect(page.getByRole("list", { name: "Tasks" })).toBeVisible();
    await expectNoHorizontalScroll(page);

    await page.goto(`/${ws.slug}/log`);
    await expect(page.getByTestId("activity-feed")).toBeVisible();
    await expectNoHorizontalScroll(page);

    await page.goto(`/${ws.slug}/inbox`);
    await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
    await expectNoHorizontalScroll(page);
  });
});
