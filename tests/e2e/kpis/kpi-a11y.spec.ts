import type { Page } from "@playwright/test";

import { type DemoWorkspace, signIn } from "../fixtures/auth";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { expect, test } from "../fixtures/workspace";

/** Opens a seeded KPI from the register and waits for its chart, history and panels. */
async function openFromRegister(page: Page, ws: DemoWorkspace, name: string) {
  await page.goto(`/${ws.slug}/kpis`);
  await page.getByTestId("kpi-row").getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByTestId("kpi-chart-summary")).toBeVisible();
  await expect(page.getByRole("main").locator('[data-slot="skeleton"]')).toHaveCount(0, { timeout: 30_000 });
}

test.describe("the KPI register and KPI pages have no serious or critical accessibility violations", () => {
  // Each axe pass takes several seconds on this machine.
  test.slow();

  test.beforeEach(async ({ page, workspace: ws }) => {
    await signIn(page, ws.people.cmo.email);
  });

  test("the register", async ({ page, workspace: ws }) => {
    await page.goto(`/${ws.slug}/kpis`);
    await expect(page.getByRole("heading", { level: 1, name: "KPIs" })).toBeVisible();
    await expect(page.getByTestId("kpi-row").first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, "the KPI register");
  });

  test("a joint KPI with IT's objection and the record form, before and after its errors", async ({ page, workspace: ws }) => {
    await openFromRegister(page, ws, "Customer-insight requests answered");
    await expect(page.getByTestId("kpi-objection")).toBeVisible();
    const form = page.getByRole("form", { name: "Record a value" });
    await expect(form).toBeVisible();
    await expectNoSeriousA11yViolations(page, "a KPI page with an objection and the record form");

    await form.getByRole("button", { name: "Record value" }).click();
    await expect(form.getByLabel("Value")).toHaveAttribute("aria-invalid", "true");
    await expectNoSeriousA11yViolations(page, "a KPI page with the record form's errors");
  });

  test("an off-target KPI with a corrected value, and its chart as a table", async ({ page, workspace: ws }) => {
    await openFromRegister(page, ws, "Data platform availability");
    await expect(page.getByTestId("kpi-history")).toContainText("corrected by");
    await expectNoSeriousA11yViolations(page, "an off-target KPI page");

    await page.getByRole("button", { name: "Show as table" }).click();
    await expect(page.getByRole("table", { name: "Value per period" })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "a KPI page with its chart as a table");
  });
});
