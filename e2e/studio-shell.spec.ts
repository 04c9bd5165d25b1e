import { expect, test } from "@playwright/test";

test.describe("studio shell", () => {
  test("shows the header, the simulator badge, the form and the gallery", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle(/Luma Studio/);
    await expect(page.getByRole("heading", { level: 1, name: "Luma Studio" })).toBeVisible();
    await expect(page.getByText("Simulator mode")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Your clips" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Create" })).toBeVisible();
    await page.screenshot({ path: "test-results/artifacts/studio-shell.png", fullPage: true });
  });

  test("fits a phone screen without horizontal scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto("/");
    // The badge says just "Simulator" on a phone, so the header fits on one line.
    await expect(page.getByText("Simulator", { exact: true })).toBeVisible();
    await expect(page.getByText("Simulator mode")).toBeHidden();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: "test-results/artifacts/studio-shell-phone.png", fullPage: true });
  });

  test("offers a skip link as the first tab stop", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  });
});

test("an unknown page answers 404 in the visitor's language, with a way back", async ({
  browser,
  baseURL,
  request,
}) => {
  // Rendered per request, so its scripts carry this answer's CSP nonce (a prerendered page could not).
  const raw = await request.get("/no/such/page");
  expect(raw.status()).toBe(404);
  const nonce = /'nonce-([^']+)'/.exec(raw.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  const scripts = [...(await raw.text()).matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  for (const [locale, heading, back] of [
    ["en", "Page not found", "Back to the studio"],
    ["zh-CN", "找不到页面", "返回工作室"],
  ] as const) {
    const context = await browser.newContext({ baseURL, locale });
    const page = await context.newPage();
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { name: heading })).toBeVisible();
    await page.getByRole("link", { name: back }).click();
    await expect(page).toHaveURL(`${baseURL}/`);
    await context.close();
  }
});

test("with reduced motion asked for, nothing animates or eases", async ({ browser, baseURL }) => {
  const durations = async (reducedMotion: "reduce" | "no-preference") => {
    const context = await browser.newContext({ baseURL, reducedMotion });
    const page = await context.newPage();
    await page.goto("/");
    // The drop zone eases its colours on hover (transition-colors); every element is checked.
    const longest = await page.evaluate(() =>
      Math.max(
        ...[...document.querySelectorAll("*")].flatMap((element) => {
          const style = getComputedStyle(element);
          return [style.transitionDuration, style.animationDuration]
            .flatMap((value) => value.split(","))
            .map((value) => Number.parseFloat(value) * (value.trim().endsWith("ms") ? 1 : 1000));
        }),
      ),
    );
    await context.close();
    return longest;
  };
  expect(await durations("no-preference")).toBeGreaterThanOrEqual(100);
  expect(await durations("reduce")).toBeLessThan(1);
});
