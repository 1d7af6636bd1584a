import { signIn } from "../fixtures/auth";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { expectWidgetsLoaded, openSharedDashboard } from "../fixtures/dashboard";
import { expect, test } from "../fixtures/workspace";

test.describe("the shared dashboard has no serious or critical accessibility violations", () => {
  // Each axe pass over a page of nine widgets and their charts takes several seconds here.
  test.slow();

  test.beforeEach(async ({ page, workspace: ws }) => {
    await signIn(page, ws.people.cmo.email);
    await openSharedDashboard(page, ws);
  });

  test("reading it, and with a chart shown as its table", async ({ page }) => {
    await expectNoSeriousA11yViolations(page, "the shared dashboard");

    await page.getByRole("button", { name: "Show as table" }).first().click();
    await expect(page.getByTestId("dashboard-grid").getByRole("table").first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, "the dashboard with a chart as a table");
  });

  test("editing it: every widget's controls, and the add-widget dialog", async ({ page }) => {
    await page.getByRole("button", { name: "Edit layout" }).click();
    await expect(page.getByTestId("widget-controls").first()).toBeVisible();
    await expectWidgetsLoaded(page);
    await expectNoSeriousA11yViolations(page, "the dashboard in edit mode");

    await page.getByRole("button", { name: "Add widget" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a widget" });
    await expect(dialog.getByLabel("KPI", { exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "the add-widget dialog");
  });

  test("presenting it, for the wall screen", async ({ page }) => {
    await page.getByRole("button", { name: "Present" }).click();
    const present = page.getByTestId("present-mode");
    await expect(present).toBeVisible();
    await expect(present.locator('[data-slot="skeleton"]')).toHaveCount(0, { timeout: 30_000 });
    await expectNoSeriousA11yViolations(page, "present mode");
  });
});
