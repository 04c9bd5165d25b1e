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
  try {
    await waitForHealth(studio.url);
    const context = await browser.newContext({ baseURL: studio.url, viewport: { width: 1280, height: 860 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const page = await context.newPage();
    await page.goto("/");
    await page.screenshot({ path: `${OUT}/studio-empty.png` });
    const link = await makeSharedClip(page, "A paper boat drifting down a rain-soaked street at dusk");
    await page.screenshot({ path: `${OUT}/studio.png` });
    await page
      .getByRole("article")
      .first()
      .screenshot({ path: `${OUT}/finished-clip.png` });
    await page.goto(link);
    await page.screenshot({ path: `${OUT}/share-page.png` });

    const zhDark = await browser.newContext({
      baseURL: studio.url,
      viewport: { width: 1280, height: 860 },
      colorScheme: "dark",
      extraHTTPHeaders: { "accept-language": "zh-CN,zh;q=0.9" },
    });
    const zhPage = await zhDark.newPage();
    await zhPage.goto("/");
    await zhPage.getByRole("article").first().waitFor();
    await zhPage.screenshot({ path: `${OUT}/studio-zh-dark.png` });
    const phone = await browser.newContext({ baseURL: studio.url, viewport: { width: 375, height: 812 } });
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
