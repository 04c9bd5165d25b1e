import { expect, test } from "@playwright/test";

/**
 * Keyboard only, from the address bar: Tab into the page, reach the prompt, type, and submit with the
 * keyboard; the mouse is never used. Focus must be visible at every stop on the way.
 */
test("a task can be submitted from the address bar without the mouse", async ({ page }) => {
  await page.goto("/");
  // Tab moves focus from the browser's chrome into the page: the skip link comes first.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");

  const prompt = page.getByRole("region", { name: "Create" }).getByRole("textbox", { name: "Prompt" });
  for (
    let stops = 0;
    stops < 10 && !(await prompt.evaluate((el) => el === document.activeElement));
    stops++
  ) {
    await page.keyboard.press("Tab");
    const outlined = await page.evaluate(() => {
      const focused = document.activeElement;
      if (!focused || focused === document.body) return true;
      const style = getComputedStyle(focused);
      return style.outlineStyle !== "none" && style.outlineWidth !== "0px";
    });
    expect(outlined, "every focused control shows a focus ring").toBe(true);
  }
  await expect(prompt).toBeFocused();

  const text = `Keyboard only: a lantern drifting on a dark lake ${Date.now().toString(36)}`;
  await page.keyboard.type(text);
  await page.keyboard.press("Control+Enter");
  await expect(page.getByText(/Clip started/)).toBeVisible();
  await expect(page.getByRole("article", { name: `Clip: ${text}` })).toBeVisible();
});
