import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { share, storedClip } from "./fixtures/clips";
import { openStudio } from "./fixtures/gallery";

/**
 * axe-core on every public screen, in both languages and both colour schemes: no serious or critical
 * violation (colour contrast is one of axe's serious rules). The sign-in page is added by the security
 * work (issue 9) and gets its case when that lands.
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
  acceptLanguage: string,
  colorScheme: "light" | "dark",
) {
  const context = await browser.newContext({
    baseURL,
    colorScheme,
    extraHTTPHeaders: { "accept-language": acceptLanguage },
  });
  return { context, page: await context.newPage() };
}

test.describe("accessibility (axe-core)", () => {
  test.setTimeout(150_000);
  let shareUrl = "";

  test.beforeAll(async ({ request }) => {
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
        const { context, page } = await newPage(browser, baseURL, language.acceptLanguage, scheme);
        await openStudio(page);
        await expect(page.locator("html")).toHaveAttribute("lang", language.lang);
        await expect(page.getByRole("article").first()).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
        await context.close();
      });

      test(`share page in ${language.name}, ${scheme}: no serious or critical violations`, async ({
        browser,
        baseURL,
      }) => {
        const { context, page } = await newPage(browser, baseURL, language.acceptLanguage, scheme);
        await page.goto(shareUrl);
        await expect(page.locator("html")).toHaveAttribute("lang", language.lang);
        expect(await seriousViolations(page)).toEqual([]);
        await context.close();
      });
    }
  }
});
