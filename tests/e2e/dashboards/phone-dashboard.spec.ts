import { expect, type Page } from "@playwright/test";

import { signIn, withoutScripts } from "../fixtures/auth";
import { expectWidgetsLoaded, openSharedDashboard, SHARED_DASHBOARD, widgets } from "../fixtures/dashboard";
import { test } from "../fixtures/workspace";

/** Every widget in one column: the same left edge and width, each below the one before. */
async function expectOneColumn(page: Page) {
  const boxes = await widgets(page).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { x: Math.round(r.x), width: Math.round(r.width), top: r.top, bottom: r.bottom };
    }),
  );
  expect(boxes.length).toBeGreaterThan(1);
  const [first] = boxes;
  for (const [i, box] of boxes.entries()) {
    expect(box.x, `widget ${i + 1}'s left edge`).toBe(first!.x);
    expect(box.width, `widget ${i + 1}'s width`).toBe(first!.width);
    if (i > 0) expect(box.top, `widget ${i + 1} starts below widget ${i}`).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom);
  }
}

async function expectNoHorizontalScroll(page: Page) {
  // A string, evaluated in the page: this project's tsconfig has no DOM types.
  const overflow = await page.evaluate<number>("document.scrollingElement.scrollWidth - window.innerWidth");
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
}

test.describe("the dashboard on a phone", () => {
  test.skip(({ isMobile }) => !isMobile, "the phone layout runs in the phone project");

  test("widgets stack in one column and nothing scrolls sideways, reading and editing", async ({ page, workspace: ws }) => {
    await signIn(page, ws.people.cmo.email);
    await openSharedDashboard(page, ws);
    await expectOneColumn(page);
    await expectNoHorizontalScroll(page);

    // Edit mode adds each widget's controls; they wrap inside the widget instead of widening it.
    await page.getByRole("button", { name: "Edit layout" }).click();
    await expect(page.getByTestId("widget-controls").first()).toBeVisible();
    await expectWidgetsLoaded(page);
    await expectOneColumn(page);
    await expectNoHorizontalScroll(page);
  });

  test("the header is in the first HTML and every tile draws its own sparkline", async ({ page, browser, workspace: ws }, testInfo) => {
    await signIn(page, ws.people.cmo.email);
    const id = await openSharedDashboard(page, ws);
    // The tiles are what a phone shows first: their lines come with them, not with the chart library.
    const tiles = page.getByTestId("kpi-tile");
    expect(await tiles.count()).toBeGreaterThan(0);
    for (const tile of await tiles.all()) {
      if ((await tile.getByTestId("kpi-tile-value").textContent()) === "—") continue;
      await expect(tile.locator('[data-slot="sparkline"] path')).toHaveAttribute("d", /^M[\d.]+,[\d.]+L/);
    }

    // Without JavaScript nothing streamed later is revealed: the header must be in the first bytes.
    await withoutScripts(browser, page, testInfo, async (phone) => {
      await phone.goto(`/${ws.slug}/dashboards/${id}`);
      await expect(phone.getByRole("heading", { level: 1, name: SHARED_DASHBOARD })).toBeVisible();
      await expect(phone.getByText("What both sides agreed to measure", { exact: false })).toBeVisible();
    });
  });
});
