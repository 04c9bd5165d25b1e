import { expect, test } from "@playwright/test";
import { TaskSchema } from "@/lib/shared/task";
import { clipCard, clipMenuAction, openStudio } from "./fixtures/gallery";
import { clipIn, createClip, uniquePrompt } from "./fixtures/lineage";

/**
 * The gallery's cards as a creator meets them: media first, the two main actions on hover or focus,
 * the rest in one menu, results said once, and deleting a clip with extensions says what happens.
 */

test("a ready card: poster links to the viewer, chips name the form's settings, actions on hover and focus", async ({
  page,
  request,
}) => {
  const prompt = uniquePrompt("A glass of iced tea sweating in the sun");
  const clip = await clipIn(request, (await createClip(request, prompt)).id, "completed");
  await openStudio(page);
  const card = clipCard(page, prompt);
  const poster = card.getByRole("link", { name: `Open clip: ${prompt}` });
  await expect(poster).toHaveAttribute("href", `/clips/${clip.id}`);
  await expect(card.getByRole("list", { name: "Settings" }).getByRole("listitem")).toHaveText([
    /Ray 2/,
    /16:9/,
    /720p/,
    /5 s/,
    /ago|now/,
  ]);
  // The length sits on the media.
  await expect(card.getByText(/^0:0\d$/)).toBeVisible();

  const extend = card.getByRole("button", { name: "Extend", exact: true });
  const share = card.getByRole("button", { name: "Share", exact: true });
  const opacity = (locator: typeof extend) =>
    locator.evaluate((element) => Number(getComputedStyle(element.parentElement ?? element).opacity));
  await page.mouse.move(0, 0);
  await expect.poll(() => opacity(extend)).toBe(0);
  // Keyboard: focus on the poster shows the actions, and Tab reaches them in order.
  await poster.focus();
  await expect.poll(() => opacity(extend)).toBe(1);
  await page.keyboard.press("Tab");
  await expect(card.getByRole("button", { name: "Favourite" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(extend).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(share).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(card.getByTestId("clip-menu")).toBeFocused();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem")).toHaveText([
    "Download",
    "Continue from last frame",
    "Use these settings",
    "Add to board",
    "Delete",
  ]);
  await expect(menu.getByRole("menuitem").first()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(card.getByTestId("clip-menu")).toBeFocused();
  await page.mouse.move(0, 0);
  await card.hover();
  await expect.poll(() => opacity(share)).toBe(1);
});

test("a result is announced once, toasts sit bottom-right, and a new card is marked", async ({ page }) => {
  test.setTimeout(120_000);
  await openStudio(page);
  const prompt = uniquePrompt("A hummingbird hovering at a red flower");
  const form = page.getByRole("region", { name: "Create" });
  await form.getByRole("textbox", { name: "Prompt" }).fill(prompt);
  await form.getByRole("button", { name: "Generate" }).click();
  const card = clipCard(page, prompt);
  await expect(card).toHaveAttribute("data-fresh", "true");
  await expect(card.getByTestId("task-state")).toHaveText("Ready", { timeout: 90_000 });
  const announcement = page.getByTestId("result-announcement");
  await expect(announcement).toHaveText(`Clip ready: “${prompt}”.`);
  const toasts = page.getByRole("region", { name: /Notifications/ }).getByText("Your clip is ready.");
  await expect(toasts).toHaveCount(1);
  const box = await toasts.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error("no toast box");
  expect(box.x).toBeGreaterThan(viewport.width / 2);
  expect(box.y).toBeGreaterThan(viewport.height / 2);
  // It leaves, and the mark with it; a reload says nothing again.
  await expect(toasts).toHaveCount(0, { timeout: 15_000 });
  await expect(card).not.toHaveAttribute("data-fresh", "true");
  await page.reload();
  await expect(card.getByTestId("task-state")).toHaveText("Ready");
  await expect(page.getByTestId("result-announcement")).toHaveText("");
});

test("a fresh clip's time ticks every second", async ({ page, request }) => {
  const prompt = uniquePrompt("Rain on a tin roof at night");
  await createClip(request, prompt);
  await openStudio(page);
  const time = clipCard(page, prompt).locator("time");
  await expect(time).toHaveText(/sec|now/);
  const first = await time.textContent();
  await expect(time).not.toHaveText(first ?? "", { timeout: 3_000 });
});

test("deleting a clip with an extension says it stays, and the extension names its deleted parent", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const parentPrompt = uniquePrompt("A sailboat leaving the harbour");
  const parent = await clipIn(request, (await createClip(request, parentPrompt)).id, "completed");
  const childPrompt = uniquePrompt("The sailboat reaches open sea");
  const extended = await request.post(`/api/generations/${parent.id}/extend`, {
    data: { prompt: childPrompt },
    headers: { "idempotency-key": crypto.randomUUID() },
  });
  expect(extended.status()).toBe(201);
  const child = TaskSchema.parse(await extended.json());
  await clipIn(request, child.id, "completed");
  await openStudio(page);
  const parentCard = clipCard(page, parentPrompt);
  await expect(parentCard.getByText("1 extension")).toBeVisible();
  await clipMenuAction(page, parentCard, "Delete");
  const dialog = page.getByRole("dialog", { name: "Delete this clip?" });
  await expect(dialog).toContainText(
    "This clip has 1 extension; it stays, and will say it was extended from a deleted clip.",
  );
  await dialog.getByRole("button", { name: "Delete clip" }).click();
  await expect(parentCard).toHaveCount(0);
  const childCard = clipCard(page, childPrompt);
  await expect(childCard).toContainText("Extended from a deleted clip");
  const family = await (await request.get(`/api/generations/${child.id}/family`)).json();
  expect(family).toMatchObject({ rootId: child.id, originDeleted: true });
});

test("the ★ filter asks for favourites and combines with state and search", async ({ page }) => {
  await openStudio(page);
  const star = page.getByRole("button", { name: "Favourites" });
  const asked = page.waitForRequest((req) => {
    const url = new URL(req.url());
    return url.pathname === "/api/generations" && url.searchParams.get("favourite") === "true";
  });
  await page.getByRole("button", { name: "Ready", exact: true }).click();
  await star.click();
  await expect(star).toHaveAttribute("aria-pressed", "true");
  const url = new URL((await asked).url());
  expect(url.searchParams.get("state")).toBe("completed");
  await star.click();
  await expect(star).toHaveAttribute("aria-pressed", "false");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

  test("two columns, the ⋯ always there with Extend and Share, toasts at the top", async ({
    page,
    request,
  }) => {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    const prompt = uniquePrompt("A paper lantern floating on a pond");
    await clipIn(request, (await createClip(request, prompt)).id, "completed");
    await openStudio(page);
    const cards = page.getByRole("region", { name: "Your clips" }).getByRole("article");
    const [a, b] = [await cards.nth(0).boundingBox(), await cards.nth(1).boundingBox()];
    if (!a || !b) throw new Error("expected two cards");
    expect(a.width).toBeLessThan(375 / 2);
    expect(b.width).toBeLessThan(375 / 2);
    const card = clipCard(page, prompt);
    await card.scrollIntoViewIfNeeded();
    await expect(card.getByTestId("clip-menu")).toBeVisible();
    await card.getByTestId("clip-menu").tap();
    await expect(page.getByRole("menuitem")).toHaveText([
      "Extend",
      "Share",
      "Download",
      "Continue from last frame",
      "Use these settings",
      "Add to board",
      "Delete",
    ]);
    await page.getByRole("menuitem", { name: "Share" }).tap();
    const toast = page
      .getByRole("region", { name: /Notifications/ })
      .getByRole("listitem")
      .first();
    await expect(toast).toBeVisible();
    const box = await toast.boundingBox();
    expect(box?.y ?? 999).toBeLessThan(812 / 3);
  });
});
