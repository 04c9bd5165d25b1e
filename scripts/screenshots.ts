/**
 * `npm run screenshots`: regenerates the README's pictures from the real app. Builds if there is no
 * build, starts it with the simulator on a free port and throwaway data, makes a clip through the form,
 * shares it, and saves PNGs under docs/screenshots/ (light and dark, English and Chinese).
 */
import { execSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "../e2e/support/chromium";
import { spawnStudio, waitForHealth } from "../e2e/support/studio-server";

const OUT = path.resolve("docs/screenshots");
const DATA = path.resolve(".tmp/screenshots");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/** Chinese screenshots need a CJK font; Debian's Noto CJK is installed when missing and we are root. */
function ensureCjkFont() {
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

/** A few clips made through the API first, so the gallery looks lived in. */
async function seedClips(url: string, prompts: { prompt: string; aspectRatio: string }[]) {
  for (const [index, body] of prompts.entries()) {
    const response = await fetch(`${url}/api/generations`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "idempotency-key": `screenshots-${index}-${Date.now()}`,
      },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`seeding a clip answered ${response.status}: ${await response.text()}`);
  }
}

/** Waits until every card shows a video whose poster (the clip's thumbnail) has loaded. */
async function settle(page: Page) {
  await page.waitForFunction(
    async () => {
      const cards = [...document.querySelectorAll("article")];
      const posters = [...document.querySelectorAll("article video")].map((video) =>
        video.getAttribute("poster"),
      );
      if (cards.length === 0 || posters.length !== cards.length || posters.some((poster) => !poster))
        return false;
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
}

/**
 * Chromium's video controls draw a loading arc for a moment after layout, even with preload="none", and
 * expose nothing to wait on (it lives in a closed shadow root); a picture taken then shows it. This is a
 * picture script, not a test, so it simply lets that moment pass.
 */
async function letControlsSettle(page: Page) {
  await page.waitForTimeout(2500);
}

async function makeSharedClip(page: Page, prompt: string): Promise<string> {
  const form = page.getByRole("region", { name: "Create" });
  await form.getByRole("textbox", { name: "Prompt" }).fill(prompt);
  await form.getByRole("button", { name: "Generate" }).click();
  const card = page.getByRole("article", { name: `Clip: ${prompt}` });
  await card.getByTestId("task-state").getByText("Ready").waitFor({ timeout: 120_000 });
  await card.getByRole("button", { name: "Share" }).click();
  return card.getByRole("textbox", { name: "Share link" }).inputValue();
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) execSync("npx next build", { stdio: "inherit" });
  ensureCjkFont();
  rmSync(DATA, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const port = await freePort();
  const studio = spawnStudio(port, {
    DATABASE_URL: `pglite:${DATA}/db`,
    MEDIA_DIR: `${DATA}/media`,
    SIMULATOR_DIR: `${DATA}/simulator`,
    SIMULATOR_SPEED: "10",
    LUMA_PROVIDER: "simulator",
  });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const desktop = { width: 1280, height: 900 };
  try {
    await waitForHealth(studio.url);
    const context = await browser.newContext({ baseURL: studio.url, viewport: desktop });
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const page = await context.newPage();
    await page.goto("/");

    await seedClips(studio.url, [
      { prompt: "Northern lights rippling over a frozen lake, slow pan", aspectRatio: "16:9" },
      { prompt: "A hummingbird hovering at a red flower, macro, shallow focus", aspectRatio: "1:1" },
    ]);
    const link = await makeSharedClip(page, "A paper boat drifting down a rain-soaked street at dusk");
    await page.reload();
    await settle(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await letControlsSettle(page);
    await page.screenshot({ path: `${OUT}/studio.png` });
    await page
      .getByRole("article")
      .first()
      .screenshot({ path: `${OUT}/finished-clip.png` });
    await page.goto(link);
    await page
      .locator("video")
      .evaluate((video: HTMLVideoElement) =>
        video.readyState >= 2 ? undefined : new Promise((done) => video.addEventListener("loadeddata", done)),
      );
    await page.screenshot({ path: `${OUT}/share-page.png` });

    const zhDark = await browser.newContext({
      baseURL: studio.url,
      viewport: desktop,
      colorScheme: "dark",
      locale: "zh-CN",
      extraHTTPHeaders: { "accept-language": "zh-CN,zh;q=0.9" },
    });
    const zhPage = await zhDark.newPage();
    await zhPage.goto("/");
    await settle(zhPage);
    await letControlsSettle(zhPage);
    await zhPage.screenshot({ path: `${OUT}/studio-zh-dark.png` });

    const phone = await browser.newContext({
      baseURL: studio.url,
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
    });
    const phonePage = await phone.newPage();
    await phonePage.goto("/");
    await phonePage.getByRole("article").first().waitFor();
    await phonePage.screenshot({ path: `${OUT}/studio-phone.png` });
    console.log(`screenshots saved in ${path.relative(process.cwd(), OUT)}/`);
  } finally {
    await browser.close();
    await studio.stop();
  }
}

await main();
