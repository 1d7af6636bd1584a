import { trpc, trpcOutcome } from "../fixtures/api";
import { newPersonContext, signIn } from "../fixtures/auth";
import { openSharedDashboard, widgets } from "../fixtures/dashboard";
import { expect, test } from "../fixtures/workspace";

interface Board {
  widgets: { id: string; kind: string; config: Record<string, unknown>; width: number; height: number; position: string }[];
}

// What only an editor of the dashboard gets.
const EDIT_BUTTONS = /^(Edit layout|Add widget|New dashboard|Move .* (earlier|later)|Remove )/;

test("leadership reads the shared dashboard with no edit controls, and the server refuses its edits", async ({ page, browser, workspace: ws }, testInfo) => {
  test.slow();
  // The controls the CEO must not get, as an editor sees them (so their names here are the real ones).
  const cmoContext = await newPersonContext(browser, testInfo);
  const cmo = await cmoContext.newPage();
  await signIn(cmo, ws.people.cmo.email);
  await openSharedDashboard(cmo, ws);
  await expect(cmo.getByRole("button", { name: "New dashboard" })).toBeVisible();
  await cmo.getByRole("button", { name: "Edit layout" }).click();
  await expect(cmo.getByRole("button", { name: "Add widget" })).toBeVisible();
  await expect(
    widgets(cmo)
      .first()
      .getByRole("button", { name: /^Move .* later$/ }),
  ).toBeVisible();
  await expect(
    widgets(cmo)
      .first()
      .getByRole("button", { name: /^Remove / }),
  ).toBeVisible();
  await cmoContext.close();

  await signIn(page, ws.people.ceo.email);
  const dashboardId = await openSharedDashboard(page, ws);
  await expect(widgets(page)).not.toHaveCount(0);
  // The seeded work has no task yet that went from In progress to Done: the cycle time split by side
  // says so instead of drawing two empty bars.
  await expect(page.getByTestId("kpi-bar-empty").filter({ hasText: "Task cycle time (median)" })).toContainText("No values yet for any group.");
  await expect(page.getByRole("button", { name: "Present" })).toBeVisible();
  await expect(page.getByRole("button", { name: EDIT_BUTTONS })).toHaveCount(0);
  await expect(page.getByTestId("widget-controls")).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: /^(Width|Height)$/ })).toHaveCount(0);
  // Widgets are not focusable for moving: no "<kind>, 1 of 9" handles.
  await expect(widgets(page).and(page.locator("[tabindex]"))).toHaveCount(0);

  // The CEO's own session, straight at the API: refused as forbidden, not failed, and nothing written.
  const before = await trpc<Board>(page, "dashboard.get", { workspaceSlug: ws.slug, dashboardId }, "query");
  const tile = before.widgets.find((w) => w.kind === "kpi_tile")!;
  expect(tile).toBeDefined();
  const refused = { status: 403, code: "FORBIDDEN" };
  expect(
    await trpcOutcome(page, "dashboard.addWidget", { workspaceSlug: ws.slug, dashboardId, kind: "kpi_tile", config: tile.config, width: 1, height: 1 }),
  ).toMatchObject(refused);
  expect(await trpcOutcome(page, "dashboard.changeWidget", { workspaceSlug: ws.slug, widgetId: tile.id, width: 2, height: 2 })).toMatchObject(refused);
  expect(await trpcOutcome(page, "dashboard.moveWidget", { workspaceSlug: ws.slug, widgetId: tile.id, afterId: null, beforeId: null })).toMatchObject(refused);
  expect(await trpcOutcome(page, "dashboard.removeWidget", { workspaceSlug: ws.slug, widgetId: tile.id })).toMatchObject(refused);
  const after = await trpc<Board>(page, "dashboard.get", { workspaceSlug: ws.slug, dashboardId }, "query");
  expect(after.widgets).toEqual(before.widgets);
});
