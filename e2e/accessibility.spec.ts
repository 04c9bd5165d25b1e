import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContextOptions, expect, type Page, test } from "@playwright/test";
import { shortPrompt } from "@/lib/shared/short-prompt";
import en from "@/messages/en.json" with { type: "json" };
import zh from "@/messages/zh-CN.json" with { type: "json" };
import { share, stopSharing, storedClip } from "./fixtures/clips";
import type { ExtraStudio } from "./fixtures/extra-studio";
import { openStudio } from "./fixtures/gallery";
import { solidPng } from "./fixtures/images";
import { uniquePrompt } from "./fixtures/lineage";
import { startPasscodeStudio } from "./fixtures/passcode-studio";
import { activeVideoPlaying, grow } from "./fixtures/viewer";

/**
 * axe-core on every screen a visitor can reach, in both languages and both colour schemes: no serious
 * or critical violation (colour contrast is one of axe's serious rules). One table of screens; each
 * language and scheme visits all of them in one browser context, so the clips are made once and a
 * failure names the screen. Screenshots of each under test-results/artifacts/ to look at.
 */

const LANGUAGES = [
  { name: "English", acceptLanguage: "en-US,en;q=0.9", lang: "en", messages: en },
  { name: "Chinese", acceptLanguage: "zh-CN,zh;q=0.9", lang: "zh-CN", messages: zh },
] as const;
type Language = (typeof LANGUAGES)[number];
const SCHEMES = ["light", "dark"] as const;
const PHONE: BrowserContextOptions = {
  viewport: { width: 375, height: 812 },
  isMobile: true,
  hasTouch: true,
};

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
  language: Language,
  colorScheme: "light" | "dark",
  options: BrowserContextOptions = {},
) {
  // Chromium sends the context's locale as Accept-Language on navigations; the header covers the rest.
  const context = await browser.newContext({
    baseURL,
    colorScheme,
    locale: language.lang,
    extraHTTPHeaders: { "accept-language": language.acceptLanguage },
    ...options,
  });
  return { context, page: await context.newPage() };
}

interface Made {
  clip: { id: string; prompt: string };
  family: string;
  board: string;
  shareUrl: string;
  offUrl: string;
}

interface Screen {
  name: string;
  context?: BrowserContextOptions;
  /** Opens the screen and waits until what axe should see is there. */
  open: (page: Page, made: Made, language: Language) => Promise<void>;
}

const SCREENS: Screen[] = [
  {
    name: "studio",
    open: async (page) => {
      await openStudio(page);
      await expect(page.getByRole("article").first()).toBeVisible();
    },
  },
  {
    name: "composer with keyframes",
    open: async (page, _made, { messages }) => {
      await openStudio(page);
      const files = page.locator("form input[type=file]");
      await files.nth(0).setInputFiles(await solidPng("start.png", { r: 210, g: 120, b: 40 }));
      await files.nth(1).setInputFiles(await solidPng("end.png", { r: 40, g: 90, b: 200 }));
      for (const slot of ["start", "end"] as const) {
        const label = slot === "start" ? messages.Form.startKeyframe : messages.Form.endKeyframe;
        await expect(page.getByRole("button", { name: label, exact: true })).toHaveAccessibleDescription(
          new RegExp(`${slot}\\.png · ${messages.Keyframe.uploaded}`),
        );
      }
    },
  },
  {
    name: "viewer over the gallery",
    open: async (page, { clip }, { messages }) => {
      await openStudio(page);
      await page
        .getByRole("link", { name: messages.Cards.openClip.replace("{prompt}", shortPrompt(clip.prompt)) })
        .click();
      await expect(
        page.getByRole("dialog", {
          name: messages.Viewer.dialogTitle.replace("{prompt}", shortPrompt(clip.prompt)),
        }),
      ).toBeVisible();
      await expect(page.locator("video[data-active]")).toBeVisible();
    },
  },
  {
    name: "family playing in the viewer",
    open: async (page, { family }) => {
      await page.goto(`/clips/${family}`);
      await expect(page.getByTestId("viewer-settings")).toBeVisible();
      await expect.poll(() => activeVideoPlaying(page)).toBe(true);
    },
  },
  {
    name: "board page",
    open: async (page, { board }) => {
      await openStudio(page, `/boards/${board}`);
      await expect(page.getByRole("article")).toHaveCount(1);
    },
  },
  {
    name: "studio at phone width",
    context: PHONE,
    open: async (page) => {
      await openStudio(page);
      await expect(page.getByRole("article").first()).toBeVisible();
    },
  },
  {
    name: "share page",
    open: async (page, { shareUrl }) => {
      await page.goto(shareUrl);
      await expect(page.locator("video")).toBeVisible();
    },
  },
  {
    name: "turned-off share page",
    open: async (page, { offUrl }, { messages }) => {
      expect((await page.goto(offUrl))?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(messages.Shell.share.offHeading);
    },
  },
];

test.describe("accessibility (axe-core)", () => {
  test.setTimeout(150_000);
  let made: Made | undefined;
  let locked: ExtraStudio | undefined;

  test.afterAll(async () => {
    await locked?.remove();
  });

  test.beforeAll(async ({ request }) => {
    test.setTimeout(240_000);
    locked = await startPasscodeStudio(72);
    const clip = await storedClip(request, uniquePrompt("A lighthouse beam sweeping over a calm sea"));
    const child = await grow(request, clip, "extend", uniquePrompt("The beam lands on a passing boat"));
    const board = await request.post("/api/boards", { data: { name: uniquePrompt("Harbour") } });
    expect(board.status()).toBe(201);
    const boardId = ((await board.json()) as { id: string }).id;
    expect((await request.put(`/api/boards/${boardId}/clips/${clip.id}`)).status()).toBeLessThan(300);
    const shareUrl = (await share(request, clip.id)).url;
    const offUrl = (await share(request, child.id)).url;
    await stopSharing(request, child.id);
    made = { clip, family: child.id, board: boardId, shareUrl, offUrl };
  });

  for (const language of LANGUAGES) {
    for (const scheme of SCHEMES) {
      test(`every screen in ${language.name}, ${scheme}: no serious or critical violations`, async ({
        browser,
        baseURL,
      }) => {
        if (!made) throw new Error("the clips were not made");
        const contexts = new Map<BrowserContextOptions | undefined, Page>();
        for (const screen of SCREENS) {
          let page = contexts.get(screen.context);
          if (!page) {
            page = (await newPage(browser, baseURL, language, scheme, screen.context)).page;
            contexts.set(screen.context, page);
          }
          await test.step(screen.name, async () => {
            if (!page || !made) return;
            await screen.open(page, made, language);
            await expect(page.locator("html")).toHaveAttribute("lang", language.lang);
            const file = screen.name.replaceAll(" ", "-");
            await page.screenshot({
              path: `test-results/artifacts/axe-${file}-${language.lang}-${scheme}.png`,
            });
            expect.soft(await seriousViolations(page), screen.name).toEqual([]);
          });
        }
        for (const page of contexts.values()) await page.context().close();
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
    }
  }
});
