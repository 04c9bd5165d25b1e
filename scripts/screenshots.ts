/**
 * `npm run screenshots`: regenerates the README's pictures from the real app. Builds if there is no
 * build, starts it with the simulator on a free port and throwaway data, makes clips, a family, a share
 * and (when the build has boards) a board through the API, and saves PNGs under docs/screenshots/:
 * studio, viewer, board, a family playing, composer with keyframes, phone, Chinese dark, share page.
 * A shot whose page this build does not have (its route answers 404) is skipped with a message.
 */
import { execSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "../e2e/support/chromium";
import { spawnStudio, waitForHealth } from "../e2e/support/studio-server";
import { ensureCjkFont, letControlsSettle, settle } from "./screenshots/page";
import {
  type Clip,
  createClip,
  extendClip,
  makeBoard,
  shareClip,
  uploadKeyframe,
  waitReady,
} from "./screenshots/seed";

// SCREENSHOTS_DIR puts them elsewhere (a trial run that must not touch the committed pictures).
const OUT = path.resolve(process.env.SCREENSHOTS_DIR ?? "docs/screenshots");
const DATA = path.resolve(".tmp/screenshots");
const DESKTOP = { width: 1440, height: 900 };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

interface Shot {
  file: string;
  /** Where the shot is taken, or null to skip it (with the reason). */
  path: string | null;
  skipReason?: string;
  context?: BrowserContextOptions;
  /** Makes the page what the shot shows once it has loaded. */
  prepare?: (page: Page) => Promise<void>;
}

const saved: string[] = [];
const skipped: string[] = [];

async function take(browser: Browser, baseURL: string, shot: Shot): Promise<void> {
  if (!shot.path) {
    skipped.push(`${shot.file}: ${shot.skipReason}`);
    return;
  }
  const context = await browser.newContext({ baseURL, viewport: DESKTOP, ...shot.context });
  try {
    const page = await context.newPage();
    const answer = await page.goto(shot.path);
    if (answer?.status() === 404) {
      skipped.push(`${shot.file}: ${shot.path} answers 404 in this build`);
      return;
    }
    await shot.prepare?.(page);
    await page.screenshot({ path: `${OUT}/${shot.file}` });
    saved.push(shot.file);
  } catch (error) {
    skipped.push(`${shot.file}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  } finally {
    await context.close();
  }
}

async function seed(url: string) {
  const clips: Clip[] = [];
  for (const [prompt, ratio] of [
    ["Northern lights rippling over a frozen lake, slow pan", "16:9"],
    ["A hummingbird hovering at a red flower, macro, shallow focus", "1:1"],
    ["A lighthouse beam sweeping through sea fog at night", "9:16"],
    ["Koi drifting under lotus leaves, top-down, soft rain", "4:3"],
    ["A paper boat drifting down a rain-soaked street at dusk", "16:9"],
  ] as const) {
    clips.push(await createClip(url, prompt, ratio));
  }
  for (const clip of clips) await waitReady(url, clip);
  // A family of three: the paper boat, extended twice.
  const root = clips[4]!;
  const second = await extendClip(url, root, "The boat slips into a glowing storm drain");
  await waitReady(url, second);
  const third = await extendClip(url, second, "It surfaces in a candlelit canal");
  await waitReady(url, third);
  const link = await shareClip(url, root);
  const board = await makeBoard(url, "Night water", [clips[0]!, clips[2]!, clips[3]!, root]);
  const keyframe = await uploadKeyframe(url);
  return { clips, root, third, link, board, keyframe };
}

/** Plays the viewer's film with its Play button unless it plays already, and lets a second of it run. */
async function playing(page: Page) {
  // The viewer may already be playing on its own; Space would then pause it.
  const running = await page.evaluate(() =>
    [...document.querySelectorAll("video")].some((video) => !video.paused),
  );
  if (!running) await page.getByRole("button", { name: "Play", exact: true }).click();
  await page.waitForFunction(
    () => [...document.querySelectorAll("video")].some((video) => !video.paused),
    undefined,
    {
      timeout: 10_000,
    },
  );
  await page.waitForTimeout(1200);
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
  try {
    await waitForHealth(studio.url);
    console.log("Making clips, a family of three, a share and a board through the API…");
    const made = await seed(studio.url);
    const gallery = async (page: Page) => {
      await settle(page);
      await letControlsSettle(page);
    };
    const shots: Shot[] = [
      { file: "studio.png", path: "/", prepare: gallery },
      {
        file: "viewer.png",
        path: `/clips/${made.clips[0]!.id}`,
        context: { colorScheme: "dark" },
        prepare: letControlsSettle,
      },
      made.board
        ? { file: "board.png", path: `/boards/${made.board}`, prepare: gallery }
        : {
            file: "board.png",
            path: null,
            skipReason: "this build has no boards (POST /api/boards answers 404)",
          },
      {
        file: "family-playing.png",
        path: `/clips/${made.third.id}`,
        context: { colorScheme: "dark" },
        prepare: playing,
      },
      {
        file: "composer-keyframes.png",
        // The composer fills its start slot from ?start=<uploadId> (the share target's landing).
        path: `/?start=${made.keyframe}`,
        prepare: async (page) => {
          await page
            .waitForURL((url) => !url.searchParams.has("start"), { timeout: 15_000 })
            .catch(() => {
              console.warn(
                "  composer-keyframes.png: the composer did not take ?start= (not in this build yet)",
              );
            });
          await letControlsSettle(page);
        },
      },
      {
        file: "studio-phone.png",
        path: "/",
        context: {
          viewport: { width: 375, height: 812 },
          isMobile: true,
          hasTouch: true,
          deviceScaleFactor: 2,
        },
        prepare: gallery,
      },
      {
        file: "studio-zh-dark.png",
        path: "/",
        context: {
          colorScheme: "dark",
          locale: "zh-CN",
          extraHTTPHeaders: { "accept-language": "zh-CN,zh;q=0.9" },
        },
        prepare: gallery,
      },
      {
        file: "share-page.png",
        path: made.link,
        context: { colorScheme: "dark" },
        prepare: async (page) => {
          await page
            .locator("video")
            .evaluate((video: HTMLVideoElement) =>
              video.readyState >= 2
                ? undefined
                : new Promise((done) => video.addEventListener("loadeddata", done)),
            );
          await letControlsSettle(page);
        },
      },
    ];
    for (const shot of shots) await take(browser, studio.url, shot);
    console.log(`Saved in ${path.relative(process.cwd(), OUT)}/: ${saved.join(", ") || "nothing"}`);
    for (const line of skipped) console.log(`Skipped ${line}`);
  } finally {
    await browser.close();
    await studio.stop();
  }
}

await main();
