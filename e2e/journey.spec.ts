import { expect, type Locator, type Page, test } from "@playwright/test";
import { shortPrompt } from "@/lib/shared/short-prompt";
import { expectSaid, watchAnnouncements } from "./fixtures/announce";
import { getTask, storedClip } from "./fixtures/clips";
import { createForm } from "./fixtures/create-form";
import { openStudio } from "./fixtures/gallery";
import { solidPng } from "./fixtures/images";
import { uniquePrompt } from "./fixtures/lineage";
import { openClipLink, viewerDialog } from "./fixtures/viewer";

/**
 * The whole journey a creator makes, twice: by keyboard alone from the address bar, and on a phone by
 * tapping alone. Compose with a start keyframe, generate, wait for the clip, open it in the viewer, go
 * to the next clip, extend it, share it and put it on a new board. Each step checks what the person
 * sees or hears: the focus ring on every stop, dialogs by name, sentences in live regions, focus coming
 * back to what opened a dialog, and (on the phone) every control tapped at least 40 px square.
 * The "next" clip is made through the API first: the step is moving to it, not making it.
 */

const shot = (name: string) => `test-results/artifacts/journey-${name}.png`;

/** The focused element shows a ring: an outline or a box-shadow, and it matches :focus-visible. */
async function focusRingShown(page: Page): Promise<string | true> {
  return page.evaluate(() => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) return true;
    const style = getComputedStyle(focused);
    const outline = style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== "none" && style.boxShadow !== "";
    if (focused.matches(":focus-visible") && (outline || shadow)) return true;
    const name = focused.getAttribute("aria-label") ?? focused.textContent?.trim().slice(0, 40) ?? "";
    return `${focused.tagName.toLowerCase()} “${name}” has no visible focus`;
  });
}

/** Tab (or Shift+Tab) until `target` has focus, at most `limit` stops, the focus ring checked at each. */
async function tabTo(page: Page, target: Locator, { limit = 40, back = false } = {}) {
  for (let stops = 0; stops < limit; stops++) {
    if (await target.evaluate((element) => element === document.activeElement)) break;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    expect(await focusRingShown(page)).toBe(true);
  }
  await expect(target).toBeFocused();
  expect(await focusRingShown(page)).toBe(true);
}

/** Arrow keys in an open menu until `item` is the highlighted (focused) one. */
async function arrowTo(page: Page, item: Locator, limit = 12) {
  for (let stops = 0; stops < limit; stops++) {
    if (await item.evaluate((element) => element === document.activeElement)) break;
    await page.keyboard.press("ArrowDown");
  }
  await expect(item).toBeFocused();
}

test.describe("the creator's journey", () => {
  test.setTimeout(240_000);

  test("by keyboard alone, from the address bar to a clip on a new board", async ({
    page,
    request,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.setViewportSize({ width: 1440, height: 900 });
    // The clip → moves to: finished before the journey's own, so it is the next one in gallery order.
    const next = await storedClip(request, uniquePrompt("Journey: a heron lifting off a misty pond"));
    const form = createForm(page);
    await watchAnnouncements(page);
    await openStudio(page);

    // From the address bar: the skip link comes first and leads into the page.
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
    expect(await focusRingShown(page)).toBe(true);
    await page.keyboard.press("Enter");

    // The start keyframe's tile: Enter opens the file chooser.
    await tabTo(page, form.startZone);
    const png = await solidPng("journey-start.png", { r: 60, g: 120, b: 200 });
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Enter")]);
    await chooser.setFiles(png);
    await expect(form.startZone).toHaveAccessibleDescription(/journey-start\.png · uploaded/);

    await tabTo(page, form.prompt);
    const prompt = uniquePrompt("Journey: a paper lantern rising over a dark lake");
    await page.keyboard.type(prompt);
    await page.screenshot({ path: shot("keyboard-1-composer") });

    // Generate, reached by Tab and pressed with Enter.
    await tabTo(page, form.generate);
    await page.keyboard.press("Enter");
    // Said, even if the quick simulator's "Clip ready" has replaced it by now.
    await expectSaid(page, /^Clip started: /);
    const card = page.getByRole("article", { name: `Clip: ${shortPrompt(prompt)}` });
    await expect(card).toBeVisible();
    const id = (await card.getAttribute("data-task-id")) ?? "";
    expect((await getTask(request, id)).startImage?.uploadId).toBeTruthy();

    // The simulator finishes it: the card says Ready and the gallery's live region says so in a sentence.
    await expect(card.getByTestId("task-state")).toHaveText("Ready", { timeout: 90_000 });
    await expect(page.getByTestId("result-announcement")).toHaveText(`Clip ready: “${shortPrompt(prompt)}”.`);

    // Into the viewer from the card's link (the newest card, first in the gallery).
    await tabTo(page, openClipLink(page, prompt));
    await page.screenshot({ path: shot("keyboard-2-card-focused") });
    await page.keyboard.press("Enter");
    await expect(viewerDialog(page, prompt)).toBeVisible();
    await expect(page).toHaveURL(`/clips/${id}`);

    // → is the next clip in gallery order.
    await page.keyboard.press("ArrowRight");
    const viewer = viewerDialog(page, next.prompt);
    await expect(viewer).toBeVisible();
    await expect(page).toHaveURL(`/clips/${next.id}`);
    const details = viewer.getByRole("complementary", { name: "Details and actions" });
    await expect(details.getByText(next.prompt, { exact: true })).toBeVisible();

    // Extend, from the viewer: the dialog is named, opens on the prompt, and gives focus back on closing.
    const extend = details.getByRole("button", { name: "Extend", exact: true });
    await tabTo(page, extend);
    await page.keyboard.press("Enter");
    const extendDialog = page.getByRole("dialog", { name: "Extend clip" });
    await expect(extendDialog).toBeVisible();
    await expect(extendDialog.getByRole("textbox", { name: "Prompt" })).toBeFocused();
    await page.keyboard.type("The heron glides low over the water and out of frame");
    await page.screenshot({ path: shot("keyboard-3-extend") });
    await tabTo(page, extendDialog.getByRole("button", { name: "Extend", exact: true }));
    await page.keyboard.press("Enter");
    await expect(extendDialog).toBeHidden();
    await expect(extend).toBeFocused();
    await expect(page.getByTestId("result-announcement")).toHaveText(/^Extension started\./);
    await expect
      .poll(async () => (await getTask(request, next.id)).extensionCount, { timeout: 15_000 })
      .toBeGreaterThan(0);

    // Share: the panel is named, the link appears and the copy is announced; Esc gives focus back.
    const shareButton = details.getByRole("button", { name: "Share", exact: true });
    await tabTo(page, shareButton);
    await page.keyboard.press("Enter");
    const sharePanel = page.getByRole("dialog", { name: "Share this clip" });
    await expect(sharePanel).toBeVisible();
    await expect(sharePanel.getByRole("textbox", { name: "Share link" })).toHaveValue(/\/s\/[\w-]+$/);
    await expect(page.getByTestId("result-announcement")).toHaveText(
      "The share link is copied to the clipboard.",
    );
    await page.screenshot({ path: shot("keyboard-4-share") });
    await page.keyboard.press("Escape");
    await expect(sharePanel).toBeHidden();
    await expect(shareButton).toBeFocused();
    await expect(viewer).toBeVisible();

    // Add to board: ⋯ → Add to board → New board…, named in place; the menu closes back on ⋯.
    const more = details.getByRole("button", { name: "More actions" });
    await tabTo(page, more);
    await page.keyboard.press("Enter");
    const menu = page.getByRole("menu").first();
    await expect(menu).toBeVisible();
    await arrowTo(page, page.getByRole("menuitem", { name: "Add to board" }));
    await page.keyboard.press("ArrowRight");
    const newBoard = page.getByRole("menuitem", { name: "New board…" });
    await expect(newBoard).toBeVisible();
    await page.keyboard.press("End");
    await expect(newBoard).toBeFocused();
    await page.keyboard.press("Enter");
    const boardName = page.getByRole("textbox", { name: "Board name" });
    await expect(boardName).toBeFocused();
    const name = uniquePrompt("Journey board");
    await page.keyboard.type(name);
    await page.keyboard.press("Enter");
    await expectSaid(page, `Added to “${name}”.`);
    const ticked = page.getByRole("menuitemcheckbox", { name });
    await expect(ticked).toHaveAttribute("aria-checked", "true");
    // The naming form gave way to the list: focus is on the new board, not lost to the page.
    await expect(ticked).toBeFocused();
    await page.screenshot({ path: shot("keyboard-5-board") });
    await expect.poll(async () => (await getTask(request, next.id)).boardIds).toHaveLength(1);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("menu")).toHaveCount(0);
    await expect(more).toBeFocused();

    // Esc closes the viewer: back in the gallery, on the card of the clip shown last.
    await page.keyboard.press("Escape");
    await expect(viewer).toBeHidden();
    // The skip link's #main stays in the address, as it was before the viewer opened.
    await expect(page).toHaveURL(/\/(#main)?$/);
    await expect(openClipLink(page, next.prompt)).toBeFocused();
    expect(await focusRingShown(page)).toBe(true);
  });
});

test.describe("the creator's journey on a phone", () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
  test.setTimeout(240_000);

  test("by tapping alone, from the studio to a clip on a new board", async ({ page, request, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const next = await storedClip(request, uniquePrompt("Phone journey: a red kite over the dunes"));
    const form = createForm(page);
    await watchAnnouncements(page);
    await openStudio(page);

    // Keyframes fold away on a phone: + shows them, a tap on the start tile opens the file chooser.
    await tap(page.getByRole("button", { name: "Add keyframes" }));
    await expect(form.startZone).toBeVisible();
    const png = await solidPng("phone-start.png", { r: 200, g: 90, b: 60 });
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), tap(form.startZone)]);
    await chooser.setFiles(png);
    await expect(form.startZone).toHaveAccessibleDescription(/phone-start\.png · uploaded/);
    await tap(form.prompt);
    const prompt = uniquePrompt("Phone journey: a paper boat on a rainy street");
    await page.keyboard.type(prompt);
    expect(await smallTargets(form.region)).toEqual([]);
    await page.screenshot({ path: shot("phone-1-composer") });
    await tap(form.generate);
    // Said, even if the quick simulator's "Clip ready" has replaced it by now.
    await expectSaid(page, /^Clip started: /);

    const card = page.getByRole("article", { name: `Clip: ${shortPrompt(prompt)}` });
    await expect(card.getByTestId("task-state")).toHaveText("Ready", { timeout: 90_000 });
    await expect(page.getByTestId("result-announcement")).toHaveText(`Clip ready: “${shortPrompt(prompt)}”.`);
    expect(await smallTargets(card)).toEqual([]);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);

    // The viewer from the card; the next clip by a tap on the arrow beside the count (a swipe's twin).
    await tap(openClipLink(page, prompt));
    await expect(viewerDialog(page, prompt)).toBeVisible();
    await page.screenshot({ path: shot("phone-2-viewer") });
    await tap(page.getByRole("button", { name: "Next clip" }));
    const viewer = viewerDialog(page, next.prompt);
    await expect(viewer).toBeVisible();
    await expect(page).toHaveURL(`/clips/${next.id}`);
    await page.screenshot({ path: shot("phone-2-next-clip") });
    // Close, the arrows and the count share one row at the top (nothing wraps at 375 px).
    const row = await Promise.all(
      [viewer.getByRole("button", { name: "Close the viewer" }), viewer.getByText(/^Clip \d+ of \d+$/)].map(
        (part) => part.boundingBox(),
      ),
    );
    expect(row.map((box) => Math.round(box?.height ?? 0))).toEqual([40, 20]);
    expect(await smallTargets(viewer)).toEqual([]);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    const details = viewer.getByRole("complementary", { name: "Details and actions" });
    // The details sheet's surface reaches under its last action (it once stopped at half the screen).
    const sheet = await details.boundingBox();
    const last = await details.getByRole("button", { name: "Delete", exact: true }).boundingBox();
    expect((sheet?.y ?? 0) + (sheet?.height ?? 0)).toBeGreaterThanOrEqual(
      (last?.y ?? 0) + (last?.height ?? 0),
    );

    // Extend.
    await tap(details.getByRole("button", { name: "Extend", exact: true }));
    const extendDialog = page.getByRole("dialog", { name: "Extend clip" });
    await expect(extendDialog).toBeVisible();
    expect(await smallTargets(extendDialog)).toEqual([]);
    await tap(extendDialog.getByRole("textbox", { name: "Prompt" }));
    await page.keyboard.type("The kite dips and climbs into the sun");
    await page.screenshot({ path: shot("phone-3-extend") });
    await tap(extendDialog.getByRole("button", { name: "Extend", exact: true }));
    await expect(extendDialog).toBeHidden();
    await expect(page.getByTestId("result-announcement")).toHaveText(/^Extension started\./);

    // Share: the link appears and the copy is said; a second tap on Share closes the panel.
    const shareButton = details.getByRole("button", { name: "Share", exact: true });
    await tap(shareButton);
    const sharePanel = page.getByRole("dialog", { name: "Share this clip" });
    await expect(sharePanel.getByRole("textbox", { name: "Share link" })).toHaveValue(/\/s\/[\w-]+$/);
    await expect(page.getByTestId("result-announcement")).toHaveText(
      "The share link is copied to the clipboard.",
    );
    expect(await smallTargets(sharePanel)).toEqual([]);
    // The toast that says so stays below the viewer's top bar: Close and the arrows can still be tapped.
    const toast = page.locator("[data-sonner-toast]").filter({ hasText: "Share link on the clipboard" });
    await expect(toast).toBeVisible();
    const bar = await viewer.getByRole("button", { name: "Close the viewer" }).boundingBox();
    // (polled: the toast slides in from above)
    await expect
      .poll(async () => (await toast.boundingBox())?.y ?? 0)
      .toBeGreaterThanOrEqual((bar?.y ?? 0) + (bar?.height ?? 0));
    await page.screenshot({ path: shot("phone-4-share") });
    await tap(shareButton);
    await expect(sharePanel).toBeHidden();

    // ⋯ → Add to board → New board…, named and made in place.
    await tap(details.getByRole("button", { name: "More actions" }));
    await tap(page.getByRole("menuitem", { name: "Add to board" }));
    await tap(page.getByRole("menuitem", { name: "New board…" }));
    const boardName = page.getByRole("textbox", { name: "Board name" });
    await tap(boardName);
    const name = uniquePrompt("Phone board");
    await page.keyboard.type(name);
    for (const menu of await page.getByRole("menu").all()) expect(await smallTargets(menu)).toEqual([]);
    await page.screenshot({ path: shot("phone-5-board") });
    await tap(page.getByRole("button", { name: "Create and add" }));
    await expectSaid(page, `Added to “${name}”.`);
    await expect(page.getByRole("menuitemcheckbox", { name })).toHaveAttribute("aria-checked", "true");
    await expect.poll(async () => (await getTask(request, next.id)).boardIds).toHaveLength(1);
    // A tap outside closes the menu, as on any phone: on the picture, above the details sheet.
    await page.touchscreen.tap(187, 120);
    await expect(page.getByRole("menu")).toHaveCount(0);

    await tap(viewer.getByRole("button", { name: "Close the viewer" }));
    await expect(viewer).toBeHidden();
    await expect(page.getByRole("article", { name: `Clip: ${shortPrompt(next.prompt)}` })).toBeInViewport();
  });
});

const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/**
 * Controls in `scope` a thumb could miss: shown and under 40 px either way. A text link inside a sentence
 * is exempt, and a checkbox counts its label's box when the label holds it.
 */
function smallTargets(scope: Locator): Promise<string[]> {
  return scope.evaluate((root) => {
    const selector =
      "button, a[href], input:not([type=hidden]), select, textarea, [role=button], [role=menuitem], [role=menuitemcheckbox], [role=tab], [role=switch], [role=checkbox], [role=slider], summary, video[controls]";
    return [...root.querySelectorAll<HTMLElement>(selector)].flatMap((element) => {
      const holder = element.matches("input") ? element.closest("label") : null;
      const box = (holder ?? element).getBoundingClientRect();
      const style = getComputedStyle(element);
      if (box.width === 0 || box.height === 0 || style.visibility === "hidden") return [];
      if (element.closest("[inert], [aria-hidden=true]")) return [];
      if (element.tagName === "A" && style.display === "inline") return [];
      if (box.width >= 40 && box.height >= 40) return [];
      const name = element.getAttribute("aria-label") ?? element.textContent?.trim().slice(0, 30) ?? "";
      return [
        `${element.tagName.toLowerCase()} “${name}” ${Math.round(box.width)}×${Math.round(box.height)}`,
      ];
    });
  });
}

/** A tap on a control a thumb can hit: at least 40 px square. */
async function tap(target: Locator) {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  expect(box, "the control is on screen").not.toBeNull();
  expect(
    { width: Math.round(box?.width ?? 0) >= 40, height: Math.round(box?.height ?? 0) >= 40 },
    `${await target.evaluate((element) => element.getAttribute("aria-label") ?? element.textContent)} is at least 40 px square`,
  ).toEqual({ width: true, height: true });
  await target.tap();
}
