import type { Page } from "@playwright/test";

import { createDemoProject, trpc } from "../fixtures/api";
import { connectionStatus, isPhoneLayout, newPersonContext, signIn } from "../fixtures/auth";
import { expect, test } from "../fixtures/workspace";

const panel = (page: Page) => page.getByTestId("check-ins-panel");
const half = (page: Page, side: "marketing" | "it") => page.getByTestId(`check-in-${side}`);

/** Opens the form with the page's "Check in" button and fills it in; `submit` decides how it is sent. */
async function fillCheckIn(
  page: Page,
  v: { health: "On track" | "At risk" | "Off track"; headline: string; moved?: string; risks?: string; asks?: string; decisions?: string },
) {
  await page.getByRole("button", { name: "Check in", exact: true }).click();
  const form = page.getByRole("form", { name: "Check in" });
  await expect(form).toBeVisible();
  await form.getByRole("radiogroup", { name: "Health" }).getByText(v.health, { exact: true }).click();
  await form.getByLabel("Headline").fill(v.headline);
  if (v.moved) await form.getByLabel("What moved").fill(v.moved);
  if (v.risks) await form.getByLabel("Risks").fill(v.risks);
  if (v.asks) await form.getByLabel("Asks of the other side").fill(v.asks);
  if (v.decisions) await form.getByLabel("Decisions taken").fill(v.decisions);
  return form;
}

test("the CIO checks in through the form; the CMO sees it side by side, live, and the disagreement flag once they differ; the CEO can't check in", async ({
  page,
  browser,
  workspace: ws,
}, testInfo) => {
  // Four browsers (three people and a phone) signed in one after the other: on a two-core machine
  // running two workers this takes longer than the minute other tests get.
  test.setTimeout(120_000);
  await signIn(page, ws.people.cio.email);
  const project = await createDemoProject(page, ws, "Check-in");

  const cmoContext = await newPersonContext(browser, testInfo);
  const cmo = await cmoContext.newPage();
  await signIn(cmo, ws.people.cmo.email);
  await cmo.goto(`/${ws.slug}/projects/${project.id}?view=check-ins`);
  await expect(half(cmo, "marketing")).toContainText(`No check-in from ${ws.people.cmo.name} yet`);
  await expect(half(cmo, "it")).toContainText(`No check-in from ${ws.people.cio.name} yet`);
  await expect(connectionStatus(cmo)).toHaveAttribute("data-state", "connected");

  await page.goto(`/${ws.slug}/projects/${project.id}`);
  await expect(page.getByRole("heading", { level: 1, name: project.name })).toBeVisible();
  const form = await fillCheckIn(page, { health: "At risk", headline: "", moved: "Tag audit done: 14 tags, 3 to remove." });

  // Ctrl+Enter sends it; an empty headline is refused next to its field, with the API's wording.
  await form.getByLabel("What moved").press("Control+Enter");
  await expect(form.getByText("Headline is required.")).toBeVisible();
  await expect(form.getByLabel("Headline")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Headline").fill("Consent API still in beta");
  await form.getByLabel("Risks").fill("The vendor's consent API may slip a week.");
  await form.getByLabel("Asks of the other side").fill("Marketing: which tags can wait until after launch?");
  await form.getByLabel("Decisions taken").fill("Remove the three unused tags now.");
  await form.getByLabel("Decisions taken").press("Control+Enter");
  await expect(page.getByText("Check-in posted")).toBeVisible();
  await expect(form).toBeHidden();
  await expect(page).toHaveURL(/view=check-ins/);
  await expect(half(page, "it")).toContainText("Consent API still in beta");

  // The CMO's open page shows it without a reload, in the IT half.
  const it = half(cmo, "it");
  await expect(it).toContainText("Consent API still in beta");
  await expect(it).toContainText("At risk");
  await expect(it).toContainText("Tag audit done: 14 tags, 3 to remove.");
  await expect(it).toContainText("Asks of the other side");
  await expect(it).toContainText("Marketing: which tags can wait until after launch?");
  await expect(it).toContainText(ws.people.cio.name);
  await expect(it).toContainText("just now");
  await expect(half(cmo, "marketing")).toContainText(`No check-in from ${ws.people.cmo.name} yet`);
  await expect(panel(cmo).getByTestId("disagree-badge")).toHaveCount(0);

  // The CMO checks in "On track": now the leads disagree, on both pages.
  const cmoForm = await fillCheckIn(cmo, { health: "On track", headline: "Copy approved in four languages", moved: "Banner copy signed off by legal." });
  await cmoForm.getByRole("button", { name: "Post check-in" }).click();
  await expect(cmoForm).toBeHidden();
  await expect(half(cmo, "marketing")).toContainText("Copy approved in four languages");
  await expect(panel(cmo).getByTestId("disagree-badge")).toBeVisible();
  await expect(half(page, "marketing")).toContainText("Copy approved in four languages");
  await expect(panel(page).getByTestId("disagree-badge")).toBeVisible();

  // A second check-in from the CIO moves the first into the history, and agreement clears the flag.
  const again = await fillCheckIn(page, { health: "On track", headline: "Vendor shipped the consent API" });
  await again.getByRole("button", { name: "Post check-in" }).click();
  await expect(again).toBeHidden();
  await expect(half(cmo, "it")).toContainText("Vendor shipped the consent API");
  await expect(panel(cmo).getByTestId("disagree-badge")).toHaveCount(0);
  const history = cmo.getByTestId("check-in-history");
  await expect(history).toContainText("Earlier check-ins (1)");
  // The CMO's own "posted" toast can sit over the history on a phone, and a pointer resting on it
  // keeps it open: move away and let it go, as a thumb would.
  await cmo.mouse.move(0, 0);
  await expect(cmo.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 10_000 });
  await history.getByText("Earlier check-ins").click();
  await expect(history).toContainText("Consent API still in beta");

  // Leadership reads the check-ins but has no button to post one, even from the form's URL.
  const ceoContext = await newPersonContext(browser, testInfo);
  const ceo = await ceoContext.newPage();
  await signIn(ceo, ws.people.ceo.email);
  await ceo.goto(`/${ws.slug}/projects/${project.id}?view=check-ins&checkin=1`);
  await expect(half(ceo, "it")).toContainText("Vendor shipped the consent API");
  await expect(half(ceo, "marketing")).toContainText("Copy approved in four languages");
  await expect(ceo.getByRole("button", { name: "Check in", exact: true })).toHaveCount(0);
  await expect(ceo.getByRole("form", { name: "Check in" })).toHaveCount(0);
  await expect(ceo.getByRole("button", { name: "Edit project" })).toHaveCount(0);

  // Screenshots of the panel, on a desktop and on a phone.
  await cmo.setViewportSize({ width: 1280, height: 800 });
  await cmo.screenshot({ path: ".artifacts/check-ins-desktop.png", fullPage: true });
  const phone = await browser.newContext({
    viewport: { width: 412, height: 915 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 1,
    baseURL: testInfo.project.use.baseURL,
  });
  const phonePage = await phone.newPage();
  await signIn(phonePage, ws.people.cmo.email);
  await phonePage.goto(`/${ws.slug}/projects/${project.id}?view=check-ins`);
  await expect(half(phonePage, "it")).toContainText("Vendor shipped the consent API");
  const box = (await half(phonePage, "marketing").boundingBox())!;
  const itBox = (await half(phonePage, "it").boundingBox())!;
  expect(itBox.y).toBeGreaterThan(box.y + box.height - 1); // stacked, not side by side
  await phonePage.screenshot({ path: ".artifacts/check-ins-phone.png", fullPage: true });
  // The form fits the phone too.
  await phonePage.getByRole("button", { name: "Check in", exact: true }).click();
  await expect(phonePage.getByRole("form", { name: "Check in" })).toBeVisible();
  await phonePage.screenshot({ path: ".artifacts/check-in-form-phone.png" });

  await Promise.all([cmoContext.close(), ceoContext.close(), phone.close()]);
});

test("a lead sees a due check-in on the overview, with a badge, and opens the form from there", async ({ page, workspace: ws }) => {
  await signIn(page, ws.people.cio.email);
  const project = await createDemoProject(page, ws, "Due check-in");
  // A daily cadence is due at once: the deadline is within a day.
  await trpc(page, "project.update", { workspaceSlug: ws.slug, projectId: project.id, checkInCadenceDays: 1 });

  await page.goto(`/${ws.slug}`);
  const card = page.getByTestId("your-check-ins");
  const row = card.getByTestId("your-check-in").filter({ hasText: project.name });
  await expect(row).toContainText("Due");
  const status = await trpc<{ mine: unknown[] }>(page, "checkIn.status", { workspaceSlug: ws.slug }, "query");
  // On a phone the navigation (and its badge) is behind the menu button.
  const phone = await isPhoneLayout(page);
  if (phone) await page.getByRole("button", { name: "Open menu" }).click();
  await expect(page.getByTestId("nav-badge-overview").filter({ visible: true })).toHaveText(String(status.mine.length));
  if (phone) await page.keyboard.press("Escape");

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: ".artifacts/overview-check-ins-desktop.png" });
  await row.getByRole("link", { name: "Check in" }).click();
  await expect(page).toHaveURL(new RegExp(`/${ws.slug}/projects/${project.id}\\?.*checkin=1`));
  const form = page.getByRole("form", { name: "Check in" });
  await expect(form).toBeVisible();
  await form.getByLabel("Headline").fill("Kick-off done");
  await form.getByRole("button", { name: "Post check-in" }).click();
  await expect(form).toBeHidden();
  await expect(half(page, "it")).toContainText("Kick-off done");
});
