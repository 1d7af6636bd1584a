import { expect, test } from "@playwright/test";

import { DEMO, isPhoneLayout, signIn } from "../fixtures/auth";

test("the digest lists the demo projects under their health, the overdue task under Marketing, and where the leads disagree", async ({
  page,
  browser,
}, testInfo) => {
  await signIn(page, DEMO.ceo.email);
  if (await isPhoneLayout(page)) await page.getByRole("button", { name: "Open menu" }).click();
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Digest" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Weekly digest" })).toBeVisible();
  await expect(page).toHaveURL(/\/acme\/digest$/);

  // The consent project's leads say on track and at risk: it counts as at risk. Both say on track for the launch site.
  const atRisk = page.getByTestId("digest-health-at_risk");
  const onTrack = page.getByTestId("digest-health-on_track");
  await expect(atRisk.getByRole("link", { name: "Consent banner rollout" })).toBeVisible();
  await expect(onTrack.getByRole("link", { name: "Spring launch site" })).toBeVisible();
  await expect(onTrack.getByRole("link", { name: "Consent banner rollout" })).toHaveCount(0);
  // With this week's changes as sentences.
  await expect(atRisk.locator('[data-name="Consent banner rollout"]')).toContainText("checked in on ‘Consent banner rollout’");

  await expect(page.getByTestId("digest-overdue-marketing")).toContainText("Hero photography");
  await expect(page.getByTestId("digest-overdue-marketing")).toContainText("Spring launch site");
  await expect(page.getByTestId("digest-overdue-it")).not.toContainText("Hero photography");

  const disagreements = page.getByTestId("digest-disagreements");
  await expect(disagreements.getByTestId("digest-disagreement").filter({ hasText: "Consent banner rollout" })).toContainText(
    "Tag manager changes blocked on vendor",
  );
  await expect(page.getByTestId("digest-check-ins")).toBeVisible();

  if (testInfo.project.name !== "desktop") return;
  // Screenshots at the sizes the layout is checked at: a laptop and a phone.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: ".artifacts/digest-desktop.png", fullPage: true });
  const phone = await browser.newContext({
    viewport: { width: 412, height: 915 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 1,
    baseURL: testInfo.project.use.baseURL,
  });
  const phonePage = await phone.newPage();
  await signIn(phonePage, DEMO.ceo.email);
  await phonePage.goto("/acme/digest");
  await expect(phonePage.getByTestId("digest-overdue-marketing")).toContainText("Hero photography");
  // Nothing wider than the phone: no sideways scrolling.
  expect(await phonePage.evaluate<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth")).toBe(0);
  await phonePage.screenshot({ path: ".artifacts/digest-phone.png", fullPage: true });
  await phone.close();
});
