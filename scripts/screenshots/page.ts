/** Waiting helpers for the screenshots: fonts, posters, and the video controls' first moment. */
import { execSync } from "node:child_process";
import type { Page } from "@playwright/test";

/** Chinese screenshots need a CJK font; Debian's Noto CJK is installed when missing and we are root. */
export function ensureCjkFont() {
  const hasFont = () => {
    try {
      return (
        execSync("fc-list :lang=zh family", { stdio: ["ignore", "pipe", "ignore"] })
          .toString()
          .trim() !== ""
      );
    } catch {
      return false;
    }
  };
  if (hasFont()) return;
  if (process.getuid?.() === 0) {
    console.log("Installing fonts-noto-cjk for the Chinese screenshots…");
    execSync("apt-get update -qq && apt-get install -y -qq fonts-noto-cjk", { stdio: "inherit" });
  }
  if (!hasFont()) console.warn("No CJK font found: Chinese text in the screenshots will show as boxes.");
}

/** Waits until the page's cards are there and every poster image they name has loaded. */
export async function settle(page: Page) {
  await page.locator("article").first().waitFor({ timeout: 60_000 });
  await page.waitForFunction(
    async () => {
      const posters = [...document.querySelectorAll("article video[poster], article img")].map(
        (media) => media.getAttribute("poster") ?? media.getAttribute("src"),
      );
      if (posters.length === 0 || posters.some((poster) => !poster)) return false;
      const loads = posters.map(
        (poster) =>
          new Promise<boolean>((resolve) => {
            const image = new Image();
            image.onload = () => resolve(true);
            image.onerror = () => resolve(false);
            image.src = poster ?? "";
          }),
      );
      return (await Promise.all(loads)).every(Boolean);
    },
    undefined,
    { timeout: 120_000, polling: 500 },
  );
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * Chromium's video controls draw a loading arc for a moment after layout and expose nothing to wait on
 * (a closed shadow root); a picture taken then shows it. This is a picture script, not a test, so it
 * lets that moment pass.
 */
export async function letControlsSettle(page: Page) {
  await page.waitForTimeout(2500);
}
