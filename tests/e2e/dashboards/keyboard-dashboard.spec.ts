import type { Page } from "@playwright/test";

import { signIn } from "../fixtures/auth";
import { kpiTile, openSharedDashboard, tileOrder, widgets } from "../fixtures/dashboard";
import { expect, test } from "../fixtures/workspace";

const A = "Campaign launch lead time (days)";
const B = "MQL → SQL conversion";
const C = "Release lead time";

/** Adds a KPI tile through the board's own dialog and waits for it on the grid. */
async function addTile(page: Page, kpi: string) {
  await page.getByRole("button", { name: "Add widget" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a widget" });
  await expect(dialog.getByRole("radio", { name: /^KPI tile/ })).toBeChecked();
  await dialog.getByLabel("KPI", { exact: true }).selectOption({ label: kpi });
  await dialog.getByRole("button", { name: "Add widget" }).click();
  await expect(dialog).toBeHidden();
  await expect(kpiTile(page, kpi)).toBeVisible();
}

test.describe("the dashboard without a mouse", () => {
  test.skip(({ isMobile }) => isMobile, "keyboard use of the dashboard is a desktop concern");

  test("an editor moves widgets with Alt+↑ and the move buttons from the keyboard, and the order is saved", async ({ page, workspace: ws }) => {
    test.slow();
    await signIn(page, ws.people.cmo.email);
    await openSharedDashboard(page, ws);

    // A dashboard of this test's own, so the shared one stays as the other specs expect it.
    const name = `Keyboard order ${Date.now().toString(36)}`;
    await page.getByRole("button", { name: "New dashboard" }).click();
    const dialog = page.getByRole("dialog", { name: "New dashboard" });
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByRole("heading", { name: "No widgets yet" })).toBeVisible();

    await addTile(page, A);
    await page.getByRole("button", { name: "Edit layout" }).click();
    await addTile(page, B);
    await addTile(page, C);
    await expect(tileOrder(page)).toHaveText([A, B, C]);

    // The last widget, focused, goes up twice with Alt+↑; it keeps the focus as it moves.
    const last = widgets(page).nth(2);
    await expect(last).toHaveAccessibleName("KPI tile, 3 of 3");
    await last.focus();
    await page.keyboard.press("Alt+ArrowUp");
    await expect(tileOrder(page)).toHaveText([A, C, B]);
    const moved = widgets(page).filter({ has: kpiTile(page, C) });
    await expect(moved).toBeFocused();
    await expect(moved).toHaveAccessibleName("KPI tile, 2 of 3");
    await page.keyboard.press("Alt+ArrowUp");
    await expect(tileOrder(page)).toHaveText([C, A, B]);
    await expect(moved).toBeFocused();
    await expect(moved).toHaveAccessibleName("KPI tile, 1 of 3");
    // At the top, Alt+↑ leaves it where it is.
    await expect(moved.getByRole("button", { name: "Move KPI tile earlier" })).toBeDisabled();

    // The move buttons, from the keyboard: Enter on "Move … later" of the widget now second.
    const second = widgets(page).filter({ has: kpiTile(page, A) });
    const later = second.getByRole("button", { name: "Move KPI tile later" });
    await later.focus();
    await page.keyboard.press("Enter");
    await expect(tileOrder(page)).toHaveText([C, B, A]);

    await page.getByRole("button", { name: "Done" }).click();
    await expect(widgets(page).first()).not.toHaveAttribute("tabindex");

    // Saved for everyone, not just shown: a fresh load has the new order.
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(tileOrder(page)).toHaveText([C, B, A]);
  });
});
