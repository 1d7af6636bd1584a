import { createDemoProject } from "../fixtures/api";
import { connectionStatus, newPersonContext, signIn } from "../fixtures/auth";
import { expect, test } from "../fixtures/workspace";

/** YYYY-MM-DD, `days` from today in the browser's time zone (the date input's own format). */
function dayFromNow(days: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

test("the CMO adds a milestone, re-dates it and ticks it off; the CEO's open page follows live, read-only, and the feed tells it", async ({
  page,
  browser,
  workspace: ws,
}, testInfo) => {
  await signIn(page, ws.people.cmo.email);
  const project = await createDemoProject(page, ws, "Milestones");
  const title = `Beta live ${Date.now().toString(36)}`;

  const ceoContext = await newPersonContext(browser, testInfo);
  const ceo = await ceoContext.newPage();
  await signIn(ceo, ws.people.ceo.email);
  await ceo.goto(`/${ws.slug}/projects/${project.id}?view=milestones`);
  await expect(ceo.getByTestId("milestones-empty")).toBeVisible();
  await expect(connectionStatus(ceo)).toHaveAttribute("data-state", "connected");
  // Leadership reads: no form, no tick boxes.
  await expect(ceo.getByRole("form", { name: "Add a milestone" })).toHaveCount(0);

  await page.goto(`/${ws.slug}/projects/${project.id}`);
  await page.getByRole("tab", { name: "Milestones" }).click();
  await expect(page).toHaveURL(/view=milestones/);
  const form = page.getByRole("form", { name: "Add a milestone" });
  // Nothing filled in: each field says what it needs, next to it.
  await form.getByRole("button", { name: "Add milestone" }).click();
  await expect(form.getByText("Title is required.")).toBeVisible();
  await expect(form.getByText("Pick the date it is due.")).toBeVisible();
  await expect(form.getByLabel("Milestone")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Milestone").fill(title);
  await form.getByLabel("Due").fill(dayFromNow(5));
  await form.getByRole("button", { name: "Add milestone" }).click();
  const row = page.getByTestId("milestone").filter({ hasText: title });
  await expect(row).toBeVisible();
  await expect(form.getByLabel("Milestone")).toHaveValue("");

  // The CEO's page shows it without a reload, and has no control to change it.
  const ceoRow = ceo.getByTestId("milestone").filter({ hasText: title });
  await expect(ceoRow).toBeVisible();
  await expect(ceoRow.getByRole("checkbox")).toHaveCount(0);
  await expect(ceoRow.getByRole("button")).toHaveCount(0);

  // Re-dated from its row: Escape leaves the row as it was, with focus back on Edit; Save moves it, live for the CEO too.
  const edit = row.getByRole("button", { name: `Edit the milestone ${title}` });
  await edit.click();
  const editor = page.getByRole("form", { name: `Edit the milestone ${title}` });
  await expect(editor.getByLabel("Milestone")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(editor).toBeHidden();
  await expect(edit).toBeFocused();
  await edit.click();
  const moved = dayFromNow(12);
  await editor.getByLabel("Due").fill(moved);
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor).toBeHidden();
  const movedLabel = new Date(`${moved}T12:00:00`).toLocaleDateString("en-US", { month: "short", day: "numeric" });
  await expect(row).toContainText(movedLabel);
  await expect(ceoRow).toContainText(movedLabel);

  // The projects list names it as the project's next milestone.
  await page.goto(`/${ws.slug}/projects`);
  await expect(page.getByTestId("project-row").filter({ hasText: project.name }).getByTestId("project-next-milestone")).toContainText(
    `Next: ${title} · ${movedLabel}`,
  );
  await page.goBack();

  await row.getByRole("checkbox", { name: `${title}: reached` }).click();
  await expect(row.getByRole("checkbox")).toHaveAttribute("aria-checked", "true");
  await expect(ceoRow).toHaveAttribute("data-reached", "true");

  await ceo.goto(`/${ws.slug}/feed?kind=milestone`);
  await expect(ceo.getByTestId("feed-entry").filter({ hasText: `reached the milestone ‘${title}’` })).toBeVisible();
  await expect(ceo.getByTestId("feed-entry").filter({ hasText: `added the milestone ‘${title}’` })).toBeVisible();
  await ceoContext.close();
});
