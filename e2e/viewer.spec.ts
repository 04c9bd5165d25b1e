import { expect, test } from "@playwright/test";
import { storedClip } from "./fixtures/clips";
import { openStudio } from "./fixtures/gallery";
import { uniquePrompt } from "./fixtures/lineage";
import { activeVideoPlaying, openClipLink, viewerDialog } from "./fixtures/viewer";

test.describe("the clip viewer", () => {
  test("opens over the gallery, moves with ← and →, plays with Space, and Esc gives focus back to the card", async ({
    page,
    request,
  }) => {
    test.setTimeout(240_000);
    const olderPrompt = uniquePrompt("A lighthouse in a storm, tall");
    const older = await storedClip(request, olderPrompt, { aspectRatio: "9:16" });
    const newerPrompt = uniquePrompt("A fox running through snow, wide");
    const newer = await storedClip(request, newerPrompt);

    await page.setViewportSize({ width: 1440, height: 900 });
    await openStudio(page);
    const link = openClipLink(page, newerPrompt);
    await link.focus();
    await page.keyboard.press("Enter");
    const viewer = viewerDialog(page, newerPrompt);
    await expect(viewer).toBeVisible();
    await expect(page).toHaveURL(`/clips/${newer.id}`);
    // The details panel: the prompt in full, the settings with the form's names, the share state.
    const details = viewer.getByRole("complementary", { name: "Details and actions" });
    await expect(details.getByText(newerPrompt, { exact: true })).toBeVisible();
    await expect(details.getByTestId("viewer-settings")).toHaveText(/^Ray 2 · 16:9 · 720p · 5 s$/);
    await expect(details.getByText("Not shared.")).toBeVisible();
    for (const name of ["Extend", "Continue from last frame", "Share", "Delete", "More actions"]) {
      await expect(details.getByRole("button", { name, exact: true })).toBeVisible();
    }
    // The clip is large: most of the stage's height (a 16:9 clip at 1440×900 is limited by width).
    const box = await viewer.locator("video[data-active]").boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(900);

    // It plays on opening; Space pauses and plays again.
    await expect.poll(() => activeVideoPlaying(page)).toBe(true);
    await page.keyboard.press(" ");
    await expect.poll(() => activeVideoPlaying(page)).toBe(false);
    await page.keyboard.press(" ");
    await expect.poll(() => activeVideoPlaying(page)).toBe(true);

    // → is the next clip in gallery order (newest first), ← back again.
    await page.keyboard.press("ArrowRight");
    await expect(page).toHaveURL(`/clips/${older.id}`);
    const olderViewer = viewerDialog(page, olderPrompt);
    await expect(olderViewer).toBeVisible();
    // A 9:16 clip is tall: its picture is higher than wide.
    await expect
      .poll(async () => {
        const tall = await olderViewer.locator("video[data-active]").boundingBox();
        return tall ? tall.height / tall.width : 0;
      })
      .toBeGreaterThan(1.5);
    await page.keyboard.press("ArrowLeft");
    await expect(page).toHaveURL(`/clips/${newer.id}`);
    await expect(viewer).toBeVisible();
    await page.keyboard.press("ArrowRight");
    await expect(olderViewer).toBeVisible();

    // Esc closes: back to the gallery, focus on the card of the clip shown last.
    await page.keyboard.press("Escape");
    await expect(olderViewer).toBeHidden();
    await expect(page).toHaveURL("/");
    await expect(openClipLink(page, olderPrompt)).toBeFocused();

    // Opened and closed again without moving: focus returns to the same card's link.
    await page.keyboard.press("Enter");
    await expect(olderViewer).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(olderViewer).toBeHidden();
    await expect(openClipLink(page, olderPrompt)).toBeFocused();
  });

  test("the page behind keeps its width and its place while the viewer is open", async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    const prompts = [uniquePrompt("A pier at noon"), uniquePrompt("A kite over dunes")];
    for (const prompt of prompts) await storedClip(request, prompt);
    // Short enough that the gallery scrolls, so the page has a scrollbar the lock could take away.
    await page.setViewportSize({ width: 1024, height: 420 });
    await openStudio(page);
    await page.mouse.wheel(0, 120);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    const before = await page.evaluate(() => ({ width: document.body.clientWidth, y: window.scrollY }));
    const link = openClipLink(page, prompts[1] ?? "");
    await link.focus();
    await page.keyboard.press("Enter");
    const viewer = viewerDialog(page, prompts[1] ?? "");
    await expect(viewer).toBeVisible();
    // The scroll lock does not change the page's width (which laid the whole gallery out again) ...
    expect(await page.evaluate(() => document.body.clientWidth)).toBe(before.width);
    // ... and still keeps the wheel inside the viewer: the gallery behind does not move.
    const stage = viewer.getByRole("region", { name: /^Player:/ });
    await stage.hover();
    await page.mouse.wheel(0, 400);
    await page.keyboard.press("Escape");
    await expect(viewer).toBeHidden();
    expect(await page.evaluate(() => window.scrollY)).toBe(before.y);
  });

  test("a clip's URL opened directly shows the viewer full page; ← → move, Esc goes to the studio", async ({
    page,
    request,
  }) => {
    test.setTimeout(240_000);
    const firstPrompt = uniquePrompt("Paper boats on a canal");
    const first = await storedClip(request, firstPrompt);
    const secondPrompt = uniquePrompt("Hot air balloons at dawn");
    const second = await storedClip(request, secondPrompt);

    const response = await page.goto(`/clips/${first.id}`);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(new RegExp(`^${firstPrompt}`));
    const details = page.getByRole("complementary", { name: "Details and actions" });
    await expect(details.getByText(firstPrompt, { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to your clips" })).toBeVisible();
    await expect.poll(() => activeVideoPlaying(page)).toBe(true);

    await page.keyboard.press("ArrowLeft");
    await expect(page).toHaveURL(`/clips/${second.id}`);
    await expect(details.getByText(secondPrompt, { exact: true })).toBeVisible();
    await page.keyboard.press("ArrowRight");
    await expect(page).toHaveURL(`/clips/${first.id}`);

    await page.keyboard.press("Escape");
    await expect(page).toHaveURL("/");
    await expect(page.getByRole("heading", { name: "Your clips" })).toBeVisible();
  });

  test("an unknown clip is a proper not-found page", async ({ page }) => {
    const response = await page.goto("/clips/t_nosuchclipatall000000");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: /studio|clips/i })).toBeVisible();
    const tooLong = await page.goto(`/clips/${"x".repeat(500)}`);
    expect(tooLong?.status()).toBe(404);
  });
});
