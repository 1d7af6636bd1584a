import { expect, test, type Page } from "@playwright/test";

import { connectionStatus, DEMO, signIn, withoutScripts } from "../fixtures/auth";

async function expectNoHorizontalScroll(page: Page) {
  // A string, evaluated in the page: this project's tsconfig has no DOM types.
  const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe("on the narrowest phone we support", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("pages fit 360px without sideways scrolling, and the menu slides over", async ({ page }) => {
    await page.goto("/sign-in");
    await expectNoHorizontalScroll(page);
    await page.goto("/sign-up");
    await expectNoHorizontalScroll(page);

    await signIn(page, DEMO.cmo.email);
    await expect(page.getByRole("heading", { level: 1, name: "Acme" })).toBeVisible();
    await expectNoHorizontalScroll(page);

    await page.getByRole("button", { name: "Open menu" }).click();
    const menu = page.getByRole("dialog", { name: "Menu" });
    await expect(menu.getByRole("navigation", { name: "Workspace" })).toBeVisible();
    await expect(menu.getByRole("status")).toHaveAttribute("data-state", "connected");
    await menu.getByRole("link", { name: "Members" }).click();
    await expect(menu).toBeHidden();
    await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
    await expectNoHorizontalScroll(page);

    await page.getByRole("button", { name: "Invite people" }).click();
    await expect(page.getByRole("dialog", { name: "Invite people to Acme" })).toBeVisible();
    await expectNoHorizontalScroll(page);
  });
});

test("a phone's top bar is whole in the page's first HTML, before any script runs", async ({ page, browser }, testInfo) => {
  await signIn(page, DEMO.ceo.email);
  // Without JavaScript nothing streamed later is ever revealed: what shows is what the first paint has.
  await withoutScripts(browser, page, testInfo, async (phone) => {
    await phone.goto("/acme/feed");
    const topBar = phone.getByRole("banner");
    await expect(topBar.getByRole("button", { name: "Open menu" })).toBeVisible();
    await expect(topBar.getByText("Acme", { exact: true })).toBeVisible();
    await expect(topBar.getByRole("button", { name: `ER, account menu for ${DEMO.ceo.name}` })).toBeVisible();
    await expect(phone.getByRole("heading", { level: 1, name: "Progress feed" })).toBeVisible();
  });
});

test("the workspace switcher lists workspaces and offers to create one", async ({ page }) => {
  await signIn(page, DEMO.cmo.email);
  if (await page.getByRole("button", { name: "Open menu" }).isVisible()) {
    await page.getByRole("button", { name: "Open menu" }).click();
  }
  await page.getByRole("button", { name: /^Acme .*switch workspace$/ }).click();
  await expect(page.getByRole("menuitem", { name: /Acme/ })).toBeVisible();
  await page.getByRole("menuitem", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
  await expect(page.getByRole("heading", { level: 1, name: "Create a workspace" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Your workspaces" }).getByRole("link", { name: "Acme" })).toBeVisible();
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, DEMO.ceo.email);
  await expect(page.getByText("You're on the")).toContainText("Leadership");
  // Leadership reads: no admin actions on the overview.
  await expect(page.getByRole("link", { name: "Invite people" })).toHaveCount(0);
  await page
    .getByRole("button", { name: new RegExp(`^(${DEMO.ceo.name} .*account menu|ER, account menu for ${DEMO.ceo.name})$`) })
    .filter({ visible: true })
    .click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/acme");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Facme$/);
});

test("a streamed page revealed late hydrates once: the live connection coming up first doesn't render a second copy", async ({ page }) => {
  const HOLD_MS = 5_000;
  // Hold React's reveal of the streamed page for a few seconds, as a busy phone (or React's own
  // 300 ms reveal batching) can, so the live connection comes up while the page is still hidden.
  let patched = 0;
  await page.route("**/acme/members", async (route) => {
    if (route.request().resourceType() !== "document") return route.continue();
    const response = await route.fetch();
    const body = await response.text();
    patched = body.split("$RV=function(a){").length - 1;
    const held = body.replace("$RV=function(a){", `$RV=function(a){var q=a.slice();a.length=0;setTimeout(function(){$RV0(q)},${HOLD_MS})};$RV0=function(a){`);
    await route.fulfill({ response, body: held });
  });
  // A fulfilled document counts as public to Chromium, which then asks before it talks to localhost.
  await page.context().grantPermissions(["local-network-access"]);
  await signIn(page, DEMO.ceo.email);
  await page.goto("/acme/members");
  expect(patched, "React's reveal script was found in the page").toBe(1);

  await expect(connectionStatus(page)).toHaveAttribute("data-state", "connected");
  const rows = () =>
    page.evaluate<{ inDocument: number; stillHidden: number; heldBack: boolean }>(`(() => {
      const rows = [...document.querySelectorAll('[data-testid="member-row"]')];
      return { inDocument: rows.length, stillHidden: rows.filter((r) => r.closest("[hidden]")).length, heldBack: !!document.getElementById("S:0") };
    })()`);
  const whileHeld = await rows();
  expect(whileHeld.heldBack, "the connection came up while the page was still held back").toBe(true);
  // Every row is the server's, waiting to be revealed: none rendered again beside it.
  expect(whileHeld.stillHidden).toBeGreaterThan(0);
  expect(whileHeld.inDocument).toBe(whileHeld.stillHidden);

  // Revealed, each member is there once, and the page works.
  await expect(page.getByTestId("member-row").first()).toBeVisible({ timeout: HOLD_MS + 5_000 });
  await expect(page.getByTestId("member-row")).toHaveCount(whileHeld.stillHidden);
});
