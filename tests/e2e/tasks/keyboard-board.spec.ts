import { createDemoProject, createTask } from "../fixtures/api";
import { signIn } from "../fixtures/auth";
import { card, column } from "../fixtures/board";
import { expect, test } from "../fixtures/workspace";

test.describe("the board without a mouse", () => {
  test.skip(({ isMobile }) => isMobile, "keyboard use of the board is a desktop concern");

  test("a task moves between columns with the keyboard: drag handle, then the Move to… menu", async ({ page, workspace: ws }) => {
    await signIn(page, ws.people.cmo.email);
    const project = await createDemoProject(page, ws, "Keyboard");
    const task = await createTask(page, ws, project.id, { title: `Brief the regional teams ${Date.now().toString(36)}` });
    await page.goto(`/${ws.slug}/projects/${project.id}`);
    await expect(card(column(page, "todo"), task.title)).toBeVisible();

    // Space picks the card up from its handle, the arrow keys carry it, Space drops it.
    const handle = page.getByRole("button", { name: `Drag “${task.title}”` });
    await handle.focus();
    await expect(handle).toBeFocused();
    // Each key waits for what a screen reader hears after the one before: a key pressed faster than
    // the sensor has measured the columns is dropped (no person types that fast).
    const announced = (text: string | RegExp) => page.getByRole("status").filter({ hasText: text });
    await page.keyboard.press("Space");
    // ("Picked up …" is announced first, then at once where the card is.)
    await expect(announced(`“${task.title}” is over To do`)).toHaveCount(1);
    await page.keyboard.press("ArrowRight");
    await expect(announced(/is over In progress/)).toHaveCount(1);
    await page.keyboard.press("Space");
    await expect(card(column(page, "in_progress"), task.title)).toBeVisible();
    await expect(card(column(page, "todo"), task.title)).toHaveCount(0);

    // The card's menu does the same from the keyboard.
    const actions = card(page, task.title).getByRole("button", { name: `Actions for “${task.title}”` });
    await actions.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("menuitem", { name: "Done" })).toBeVisible();
    await page.getByRole("menuitem", { name: "Done" }).focus();
    await page.keyboard.press("Enter");
    await expect(card(column(page, "done"), task.title)).toBeVisible();

    // Both moves were saved.
    await page.reload();
    await expect(card(column(page, "done"), task.title)).toBeVisible();
  });
});
