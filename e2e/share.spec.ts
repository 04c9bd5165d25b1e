import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectAnnounced, watchAnnouncements } from "./fixtures/announce";
import { getTask, share, stopSharing, storedClip, unknownToken } from "./fixtures/clips";
import { cardMainAction, openStudio } from "./fixtures/gallery";
import { expectPlays } from "./fixtures/playback";

// Every result the page says is kept, so a test can ask what was said once.
test.beforeEach(({ page }) => watchAnnouncements(page));

const uniquePrompt = (what: string) => `${what} ${Date.now().toString(36)}`;

/** Opens a share page in a fresh context: no cookies, nothing from the studio. */
async function visit(browser: Browser, url: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const requested: string[] = [];
  const videoAnswers: { status: number; type: string }[] = [];
  page.on("request", (req) => requested.push(new URL(req.url()).pathname));
  page.on("response", (res) => {
    if (new URL(res.url()).pathname.endsWith("/video.mp4"))
      videoAnswers.push({ status: res.status(), type: res.headers()["content-type"] ?? "" });
  });
  const response = await page.goto(url);
  return { context, page, response, requested, videoAnswers };
}

async function ogTags(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll("meta[property], meta[name]")].map((meta) => [
        meta.getAttribute("property") ?? meta.getAttribute("name") ?? "",
        meta.getAttribute("content") ?? "",
      ]),
    ),
  );
}

test.describe("share links", () => {
  test.setTimeout(150_000);

  test("Share → a fresh visitor plays the clip with OG tags; Stop sharing → 404 like a never-issued token; re-share → new token", async ({
    page,
    browser,
    baseURL,
    request,
  }) => {
    const prompt = uniquePrompt("A red fox trotting through fresh snow");
    const clip = await storedClip(request, prompt);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    // Every link the page asks the server to make: one per Share on an unshared clip, never more.
    const shareRequests: string[] = [];
    page.on("request", (req) => {
      if (req.method() === "POST" && new URL(req.url()).pathname.endsWith("/share"))
        shareRequests.push(req.url());
    });
    // Clicked only once React has hydrated: an earlier click on Share does nothing.
    await openStudio(page);
    const card = page.getByRole("article", { name: `Clip: ${prompt}` });
    // The share panel is a popover over the gallery, opened from the card's Share.
    const panel = page.getByRole("dialog", { name: "Share this clip" });
    await cardMainAction(card, "Share");
    await expectAnnounced(page, "Share link on the clipboard", "The share link is copied to the clipboard.");
    // Said once, by the toast and the live region: the panel keeps only the link.
    await expect(panel.getByRole("status")).toHaveCount(0);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(new RegExp(`^${baseURL}/s/[A-Za-z0-9_-]{24}$`));
    await expect(panel.getByRole("textbox", { name: "Share link" })).toHaveValue(link);
    const token = link.split("/s/")[1]!;
    expect(token).not.toContain(clip.id.slice(2, 10));

    const visitor = await visit(browser, link);
    expect(visitor.response?.status()).toBe(200);
    await expect(visitor.page.getByRole("heading", { name: prompt })).toBeVisible();
    await expect(visitor.page.getByText(`${Math.round(clip.video!.durationSeconds!)} s`)).toBeVisible();
    await expect(visitor.page.getByRole("link", { name: "Download" })).toBeVisible();
    await expect(visitor.page.getByRole("link", { name: "Luma Studio, home" })).toHaveAttribute("href", "/");
    await expectPlays(visitor.page);
    const tags = await ogTags(visitor.page);
    expect(tags["og:title"]).toBe(prompt);
    expect(tags["og:description"]).toBe(
      `“${prompt}” A ${Math.round(clip.video!.durationSeconds!)}-second 16:9 video made with Luma Studio.`,
    );
    const media = `${baseURL}/api/media/share/${token}`;
    expect(tags).toMatchObject({
      "og:url": link,
      "og:video": `${media}/video.mp4`,
      "og:video:type": "video/mp4",
      "og:video:width": String(clip.video!.width),
      "og:video:height": String(clip.video!.height),
      "og:image": `${media}/poster.jpg`,
      "twitter:card": "summary_large_image",
    });
    // The visitor got no cookie, ran no script and touched nothing of the studio.
    expect(await visitor.context.cookies()).toEqual([]);
    expect(await visitor.page.locator("script").count()).toBe(0);
    for (const path of visitor.requested) expect(path).toMatch(/^\/(s|api\/media\/share)\//);
    await visitor.context.close();

    await page.reload();
    await cardMainAction(card, "Share");
    await expect(panel.getByText("1 view")).toBeVisible();
    await page.screenshot({ path: "test-results/artifacts/card-shared.png" });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: "test-results/artifacts/card-shared-dark.png" });
    await page.emulateMedia({ colorScheme: "light" });

    // The gallery refreshes after Stop sharing; the clip it brings back is unshared, and the panel
    // (still open) must not take that for a new request to share it.
    const refreshed = page.waitForResponse(
      (response) => new URL(response.url()).pathname === "/api/generations" && response.ok(),
    );
    await panel.getByRole("button", { name: "Stop sharing" }).click();
    await expectAnnounced(
      page,
      "The share link is switched off",
      "Sharing stopped; the link no longer works",
    );
    await refreshed;
    await expect(panel.getByRole("textbox", { name: "Share link" })).toHaveCount(0);
    await expect(panel.getByRole("button", { name: "Copy link" })).toHaveCount(0);
    expect((await getTask(request, clip.id)).share ?? null).toBeNull();
    await page.keyboard.press("Escape");
    await expect(panel).toBeHidden();
    await expect(card.getByRole("button", { name: "Share" })).toBeFocused();

    const never = unknownToken();
    const [revokedPage, unknownPage] = await Promise.all([request.get(link), request.get(`/s/${never}`)]);
    expect(revokedPage.status()).toBe(404);
    expect(unknownPage.status()).toBe(404);
    expect(await revokedPage.text()).toBe(await unknownPage.text());
    expect(revokedPage.headers()["content-type"]).toBe(unknownPage.headers()["content-type"]);
    // A visitor of the turned-off link sees a designed page in their language, with the way home.
    for (const [language, heading, colorScheme] of [
      ["en", "This link was turned off", "light"],
      ["zh-CN", "此链接已停用", "dark"],
    ] as const) {
      const context = await browser.newContext({ locale: language, colorScheme });
      const off = await context.newPage();
      expect((await off.goto(link))?.status()).toBe(404);
      await expect(off.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(off.locator("a.brand")).toHaveAttribute("href", "/");
      expect(await off.locator("script").count()).toBe(0);
      const { violations } = await new AxeBuilder({ page: off })
        .withTags(["wcag2a", "wcag2aa", "wcag21aa"])
        .analyze();
      expect(
        violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
      ).toEqual([]);
      await off.screenshot({ path: `test-results/artifacts/share-off-${language}.png` });
      await context.close();
    }
    for (const file of ["video.mp4", "poster.jpg", "video.mp4?download=1"]) {
      const [revoked, unknown] = await Promise.all([
        request.get(`/api/media/share/${token}/${file}`),
        request.get(`/api/media/share/${never}/${file}`),
      ]);
      expect(revoked.status()).toBe(404);
      expect(unknown.status()).toBe(404);
      const { requestId: _a, ...revokedError } = (await revoked.json()).error;
      const { requestId: _b, ...unknownError } = (await unknown.json()).error;
      expect(revokedError).toEqual(unknownError);
    }

    await cardMainAction(card, "Share");
    await expect(panel.getByRole("textbox", { name: "Share link" })).not.toHaveValue(link);
    const again = await page.evaluate(() => navigator.clipboard.readText());
    expect(again).not.toBe(link);
    expect((await request.get(again)).status()).toBe(200);
    expect((await request.get(link)).status()).toBe(404);
    expect(shareRequests).toHaveLength(2);
    await page.screenshot({ path: "test-results/artifacts/studio-with-share.png" });
  });

  test("the share page plays with JavaScript disabled, fits a phone, and can hide the prompt", async ({
    browser,
    baseURL,
    request,
  }) => {
    const prompt = uniquePrompt("Paper lanterns rising over a dark lake");
    const clip = await storedClip(request, prompt, { aspectRatio: "9:16" });
    const link = await share(request, clip.id);
    const visitor = await visit(browser, new URL(link.url, baseURL).href, { javaScriptEnabled: false });
    await expect.poll(() => visitor.videoAnswers.length).toBeGreaterThan(0);
    for (const answer of visitor.videoAnswers) {
      expect([200, 206]).toContain(answer.status);
      expect(answer.type).toBe("video/mp4");
    }
    await expect(visitor.page.locator("video source")).toHaveAttribute("type", "video/mp4");
    await expect(visitor.page.locator("video")).toHaveAttribute("poster", /\/poster\.jpg$/);
    await expect(visitor.page.getByRole("heading", { name: prompt })).toBeVisible();
    await expect(visitor.page.getByRole("link", { name: "Download" })).toBeVisible();
    await expect
      .poll(() => visitor.page.locator("video").evaluate((v: HTMLVideoElement) => v.readyState))
      .toBeGreaterThanOrEqual(1);
    // The clip at its own aspect ratio: a 9:16 clip is a tall frame, not a letterboxed wide one.
    const box = (await visitor.page.locator("video").boundingBox())!;
    expect(box.height / box.width).toBeCloseTo(16 / 9, 1);
    expect(box.height).toBeLessThanOrEqual(760);
    await visitor.page.screenshot({ path: "test-results/artifacts/share-page.png" });
    await visitor.page.emulateMedia({ colorScheme: "dark" });
    await visitor.page.screenshot({ path: "test-results/artifacts/share-page-dark.png" });
    await visitor.page.setViewportSize({ width: 375, height: 812 });
    await visitor.page.emulateMedia({ colorScheme: "light" });
    const overflow = await visitor.page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await visitor.page.screenshot({ path: "test-results/artifacts/share-page-phone.png", fullPage: true });
    await visitor.page.emulateMedia({ colorScheme: "dark" });
    await visitor.page.screenshot({
      path: "test-results/artifacts/share-page-phone-dark.png",
      fullPage: true,
    });

    // Hiding the prompt keeps the same link and removes the prompt from the page and the download name.
    expect((await share(request, clip.id, false)).token).toBe(link.token);
    await visitor.page.reload();
    await expect(visitor.page.getByText(prompt)).toHaveCount(0);
    await expect(visitor.page.getByRole("heading", { level: 1, name: "A video clip" })).toBeVisible();
    expect((await ogTags(visitor.page))["og:description"]).toMatch(
      /^A \d+-second 9:16 video made with Luma Studio\.$/,
    );
    expect(await visitor.page.content()).not.toContain("lanterns");
    const download = await request.get(`/api/media/share/${link.token}/video.mp4?download=1`);
    expect(download.headers()["content-disposition"]).toMatch(
      /^attachment; filename="luma-clip-[0-9a-f]{6}\.mp4"/,
    );
    await visitor.context.close();
    expect((await getTask(request, clip.id)).share?.views).toBe(2);
    await stopSharing(request, clip.id);
  });
});
