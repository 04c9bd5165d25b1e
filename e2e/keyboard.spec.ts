import { expect, type Page, test } from "@playwright/test";
import { expectSaid, watchAnnouncements } from "./fixtures/announce";
import { getTask, storedClip } from "./fixtures/clips";
import { createForm } from "./fixtures/create-form";
import { clipCard, openStudio } from "./fixtures/gallery";
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
  await watchAnnouncements(page);
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
  // Said, even if the quick simulator's "Clip ready" has replaced it by now.
  await expectSaid(page, /^Clip started: /);
  await expect(form.region).not.toContainText("Clip started");
  const card = page.getByRole("article", { name: `Clip: ${text}` });
  await expect(card).toBeVisible();
  const id = (await card.getAttribute("data-task-id")) ?? "";
  const task = await getTask(request, id);
  expect(task.aspectRatio).toBe(chosen);
  expect(task.startImage?.uploadId).toBeTruthy();
});

test("the card's ⋯ menu and the header's Boards menu open from the keyboard with focus on the first item, and Escape gives focus back", async ({
  page,
  request,
}) => {
  // Two cards: the first press on each meets the plain button the page loads with (the menu's Radix
  // part is loaded on demand), later presses the Radix trigger that replaced it.
  const first = `A heron standing in the reeds ${Date.now().toString(36)}`;
  const second = `A heron lifting off the water ${Date.now().toString(36)}`;
  await storedClip(request, first);
  await storedClip(request, second);
  await openStudio(page);
  const focusedItem = page.locator("[role^=menuitem]:focus");

  for (const [prompt, keys] of [
    [first, ["Enter", "Space"]],
    [second, ["ArrowDown", "Enter"]],
  ] as const) {
    const trigger = clipCard(page, prompt).getByTestId("clip-menu");
    await trigger.focus();
    for (const key of keys) {
      await page.keyboard.press(key);
      const menu = page.getByRole("menu");
      await expect(menu).toBeVisible();
      await expect(menu.getByRole("menuitem").first(), `${key} focuses the first item`).toBeFocused();
      await page.keyboard.press("ArrowDown");
      await expect(menu.getByRole("menuitem").nth(1)).toBeFocused();
      await page.keyboard.press("Escape");
      await expect(menu).toBeHidden();
      await expect(trigger, `Escape after ${key} returns focus to ⋯`).toBeFocused();
    }
  }

  const boards = page.getByRole("button", { name: "Boards" });
  await boards.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu")).toBeVisible();
  // The boards may still be loading, so the first item at that moment is "New board…".
  await expect(focusedItem).toHaveCount(1);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toBeHidden();
  await expect(boards).toBeFocused();
});
