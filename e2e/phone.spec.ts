import { expect, test } from "@playwright/test";
import { expectAnnounced, watchAnnouncements } from "./fixtures/announce";
import { openStudio } from "./fixtures/gallery";

// Every result the page says is kept, so a test can ask what was said once.
test.beforeEach(({ page }) => watchAnnouncements(page));

/** A phone, 375×812: generate and share work, nothing scrolls sideways. Screenshots are kept. */
test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

const noSidewaysScroll = () => document.documentElement.scrollWidth - window.innerWidth;

test("on a 375 px phone a clip can be generated and shared", async ({ page }) => {
  test.setTimeout(150_000);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await openStudio(page);
  expect(await page.evaluate(noSidewaysScroll)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/artifacts/phone-studio.png", fullPage: true });

  const prompt = `A kite dancing over a windy beach ${Date.now().toString(36)}`;
  const form = page.getByRole("region", { name: "Create" });
  await form.getByRole("textbox", { name: "Prompt" }).fill(prompt);
  await form.getByRole("button", { name: "Generate" }).tap();
  const card = page.getByRole("article", { name: `Clip: ${prompt}` });
  await expect(card.getByTestId("task-state")).toHaveText("Ready", { timeout: 90_000 });
  await card.scrollIntoViewIfNeeded();
  // No hover on a phone: the ⋯ is always there and holds Share and Extend too.
  const more = card.getByTestId("clip-menu");
  await expect(more).toBeVisible();
  await expect(card.getByRole("button", { name: "Share", exact: true })).toHaveCount(0);
  const box = await more.boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(40);
  expect(box?.height).toBeGreaterThanOrEqual(40);
  await more.tap();
  await expect(page.getByRole("menuitem", { name: "Extend", exact: true })).toBeVisible();
  await page.getByRole("menuitem", { name: "Share", exact: true }).tap();
  const panel = page.getByRole("dialog", { name: "Share this clip" });
  await expectAnnounced(page, "Share link on the clipboard", "The share link is copied to the clipboard.");
  expect(await page.evaluate(noSidewaysScroll)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/artifacts/phone-shared-card.png" });

  await page.goto(await panel.getByRole("textbox", { name: "Share link" }).inputValue());
  await expect(page.getByRole("heading", { name: prompt })).toBeVisible();
  expect(await page.evaluate(noSidewaysScroll)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/artifacts/phone-share-page.png", fullPage: true });
});
