import { expect, test } from "@playwright/test";

import { DEMO, isPhoneLayout, signIn } from "../fixtures/auth";

test("the digest lists the demo projects under their health, the overdue task under Marketing, and where the leads disagree", async ({ page }, testInfo) => {
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
  await expect(disagreements.getByTestId("digest-disagreement").filter({ hasText: "Consent banner rollout" })).toContainText("Tag manager changes blocked on vendor");
  await expect(page.getByTestId("digest-check-ins")).toBeVisible();

  await page.screenshot({ path: `.artifacts/digest-${testInfo.project.name}.png`, fullPage: true });
});
