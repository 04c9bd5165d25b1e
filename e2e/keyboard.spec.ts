import { expect, type Page, test } from "@playwright/test";
import { getTask } from "./fixtures/clips";
import { createForm } from "./fixtures/create-form";
import { solidPng } from "./fixtures/images";

/**
 * Keyboard only, from the address bar: Tab into the page, reach the prompt, type, attach a start
 * keyframe through its drop zone, change a setting, and submit with the keyboard; the mouse is never
 * used. Focus must be visible at every stop on the way.
 */

async function focusRingShown(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) return true;
    const style = getComputedStyle(focused);
    return style.outlineStyle !== "none" && style.outlineWidth !== "0px";
  });
}

/** Presses Tab until `target` has focus (at most `limit` stops), checking the focus ring at each stop. */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>, limit = 12) {
  for (
    let stops = 0;
    stops < limit && !(await target.evaluate((el) => el === document.activeElement));
    stops++
  ) {
    await page.keyboard.press("Tab");
    expect(await focusRingShown(page), "every focused control shows a focus ring").toBe(true);
  }
  await expect(target).toBeFocused();
}

test("a task with a start keyframe can be submitted from the address bar without the mouse", async ({
  page,
  request,
}) => {
  const form = createForm(page);
  await page.goto("/");
  // Tab moves focus from the browser's chrome into the page: the skip link comes first.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");

  // The composer reads start → end → prompt. The start keyframe's tile is a button: Enter opens the
  // file picker, as a click would.
  await tabTo(page, form.startZone);
  const png = await solidPng("lantern.png", { r: 200, g: 140, b: 40 });
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Enter")]);
  await chooser.setFiles(png);
  await expect(form.startZone).toHaveAccessibleDescription(/lantern\.png/);

  await tabTo(page, form.prompt);
  const text = `Keyboard only: a lantern drifting on a dark lake ${Date.now().toString(36)}`;
  await page.keyboard.type(text);

  // A setting changed from the keyboard: the aspect ratio select, by arrow key.
  const aspect = form.region.getByRole("combobox", { name: "Aspect ratio" });
  await tabTo(page, aspect, 20);
  const before = await aspect.inputValue();
  await page.keyboard.press("ArrowDown");
  await expect(aspect).not.toHaveValue(before);
  const chosen = await aspect.inputValue();

  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("result-announcement")).toHaveText(/^Clip started: /);
  await expect(form.region).not.toContainText("Clip started");
  const card = page.getByRole("article", { name: `Clip: ${text}` });
  await expect(card).toBeVisible();
  const id = (await card.getAttribute("data-task-id")) ?? "";
  const task = await getTask(request, id);
  expect(task.aspectRatio).toBe(chosen);
  expect(task.startImage?.uploadId).toBeTruthy();
});
