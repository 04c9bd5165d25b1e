import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { storedClip } from "./fixtures/clips";
import { uniquePrompt } from "./fixtures/lineage";
import { grow } from "./fixtures/viewer";

const SIZES = [
  ["desktop", 1440, 900],
  ["laptop", 1024, 768],
  ["phone", 375, 812],
] as const;

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
}

/**
 * The viewer on a 16:9 clip, a 9:16 clip and a family, at three sizes, light and dark, in English and
 * Chinese: screenshots under test-results/artifacts/ to look at, and axe finds nothing serious.
 */
test("viewer screens: sizes, themes and languages, with no serious axe violation", async ({
  browser,
  request,
}) => {
  test.setTimeout(900_000);
  const wide = await storedClip(
    request,
    uniquePrompt("A red fox crossing a frozen river at dawn, wide shot"),
  );
  const tall = await storedClip(request, uniquePrompt("Waves folding over black sand, slow motion"), {
    aspectRatio: "9:16",
  });
  const child = await grow(
    request,
    wide,
    "extend",
    uniquePrompt("The fox stops and looks back at the camera"),
  );
  const clips = { wide: wide.id, tall: tall.id, family: child.id };
  for (const locale of ["en", "zh-CN"] as const) {
    for (const scheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ locale, colorScheme: scheme });
      const page = await context.newPage();
      for (const [name, id] of Object.entries(clips)) {
        for (const [size, width, height] of SIZES) {
          await page.setViewportSize({ width, height });
          await page.goto(`/clips/${id}`);
          await expect(page.locator("video[data-active]")).toBeVisible();
          await page.locator("video[data-active]").evaluate((video: HTMLVideoElement) => video.pause());
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow).toBeLessThanOrEqual(0);
          await page.screenshot({
            path: `test-results/artifacts/viewer-${name}-${size}-${scheme}-${locale}.png`,
          });
        }
        expect(await seriousViolations(page)).toEqual([]);
      }
      await context.close();
    }
  }
});
