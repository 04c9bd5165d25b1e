import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { share, storedClip } from "./fixtures/clips";
import type { ExtraStudio } from "./fixtures/extra-studio";
import { openStudio } from "./fixtures/gallery";
import { startPasscodeStudio } from "./fixtures/passcode-studio";

/**
 * axe-core on every screen a visitor can reach (the studio, the sign-in page of a studio with a
 * passcode, a share page), in both languages and both colour schemes: no serious or critical violation
 * (colour contrast is one of axe's serious rules).
 */

const LANGUAGES = [
  { name: "English", acceptLanguage: "en-US,en;q=0.9", lang: "en" },
  { name: "Chinese", acceptLanguage: "zh-CN,zh;q=0.9", lang: "zh-CN" },
] as const;
const SCHEMES = ["light", "dark"] as const;

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
}

async function newPage(
  browser: Browser,
  baseURL: string | undefined,
  language: (typeof LANGUAGES)[number],
  colorScheme: "light" | "dark",
) {
  // Chromium sends the context's locale as Accept-Language on navigations; the header covers the rest.
  const context = await browser.newContext({
    baseURL,
    colorScheme,
    locale: language.lang,
    extraHTTPHeaders: { "accept-language": language.acceptLanguage },
  });
  return { context, page: await context.newPage() };
}

test.describe("accessibility (axe-core)", () => {
  test.setTimeout(150_000);
  let shareUrl = "";
  let locked: ExtraStudio | undefined;

  test.afterAll(async () => {
    await locked?.remove();
  });

  test.beforeAll(async ({ request }) => {
    locked = await startPasscodeStudio(72);
    const clip = await storedClip(
      request,
      `A lighthouse beam sweeping over a calm sea ${Date.now().toString(36)}`,
    );
    shareUrl = (await share(request, clip.id)).url;
  });

  for (const language of LANGUAGES) {
    for (const scheme of SCHEMES) {
      test(`studio in ${language.name}, ${scheme}: no serious or critical violations`, async ({
        browser,
        baseURL,
      }) => {
        const { context, page } = await newPage(browser, baseURL, language, scheme);
        await openStudio(page);
        await expect(page.locator("html")).toHaveAttribute("lang", language.lang);
        await expect(page.getByRole("article").first()).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
        await context.close();
      });

      test(`sign-in page in ${language.name}, ${scheme}: no serious or critical violations`, async ({
        browser,
      }) => {
        const { context, page } = await newPage(browser, locked?.url, language, scheme);
        await page.goto("/");
        await expect(page).toHaveURL(/\/sign-in$/);
        await expect(page.locator("html")).toHaveAttribute("lang", language.lang);
        // The page with a refusal on it too: the error text must also meet contrast.
        await page.getByRole("button", { name: language.lang === "en" ? "Sign in" : "登录" }).click();
        await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
        await context.close();
      });

      test(`share page in ${language.name}, ${scheme}: no serious or critical violations`, async ({
        browser,
        baseURL,
      }) => {
        const { context, page } = await newPage(browser, baseURL, language, scheme);
        await page.goto(shareUrl);
        await expect(page.locator("html")).toHaveAttribute("lang", language.lang);
        expect(await seriousViolations(page)).toEqual([]);
        await context.close();
      });
    }
  }
});
