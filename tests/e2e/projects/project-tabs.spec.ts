import type { Locator } from "@playwright/test";

import { createDemoProject } from "../fixtures/api";
import { signIn } from "../fixtures/auth";
import { expect, test } from "../fixtures/workspace";

/** How wide the tab strip's fade is at each edge, in px: 0 where nothing more is that way. */
function fades(tabs: Locator) {
  return tabs.evaluate((el) => {
    // The tests compile without the DOM library; the page's window is reached through the element.
    const style = el.ownerDocument.defaultView!.getComputedStyle(el);
    const px = (name: string) => Number.parseFloat(style.getPropertyValue(name)) || 0;
    return { masked: style.maskImage !== "none", start: px("--scroll-fade-start"), end: px("--scroll-fade-end") };
  });
}

test("the project tabs fade at an edge with more to scroll to, and the keyboard brings the chosen tab into view", async ({ page, isMobile, workspace: ws }) => {
  await signIn(page, ws.people.cmo.email);
  const project = await createDemoProject(page, ws, "Tabs");
  await page.goto(`/${ws.slug}/projects/${project.id}`);
  const tabs = page.getByRole("tablist", { name: "Project views" });
  const comments = tabs.getByRole("tab", { name: "Comments" });
  await expect(tabs.getByRole("tab", { name: "Board" })).toHaveAttribute("aria-selected", "true");

  if (!isMobile) {
    // Everything fits on a desktop: no fade to hint at anything.
    await expect(comments).toBeInViewport({ ratio: 1 });
    expect(await fades(tabs)).toMatchObject({ start: 0, end: 0 });
    return;
  }

  // A phone: the last tabs are past the edge, which fades; the start, with nothing before it, doesn't.
  await expect(comments).not.toBeInViewport({ ratio: 1 });
  await expect.poll(() => fades(tabs)).toMatchObject({ masked: true, start: 0 });
  expect((await fades(tabs)).end).toBeGreaterThan(0);

  // The arrow keys walk the tabs; one that was cut off at the edge comes wholly into view.
  await tabs.getByRole("tab", { name: "Board" }).focus();
  for (const name of ["List", "Milestones", "Check-ins"]) {
    await page.keyboard.press("ArrowRight");
    await expect(tabs.getByRole("tab", { name })).toHaveAttribute("aria-selected", "true");
  }
  await expect(tabs.getByRole("tab", { name: "Check-ins" })).toBeInViewport({ ratio: 1 });

  // End picks the last tab and scrolls it into view; the fades swap sides.
  await page.keyboard.press("End");
  await expect(comments).toHaveAttribute("aria-selected", "true");
  await expect(page).toHaveURL(/[?&]view=comments/);
  await expect(comments).toBeInViewport({ ratio: 1 });
  await expect.poll(async () => (await fades(tabs)).end).toBe(0);
  expect((await fades(tabs)).start).toBeGreaterThan(0);

  // Opened on the last tab (a shared link), the strip starts scrolled to show it.
  await page.reload();
  await expect(comments).toHaveAttribute("aria-selected", "true");
  await expect(comments).toBeInViewport({ ratio: 1 });
});
