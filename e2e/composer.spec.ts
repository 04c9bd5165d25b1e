import { expect, type Page, test } from "@playwright/test";
import sharp from "sharp";
import { dropFile } from "./fixtures/browser-files";
import { getTask } from "./fixtures/clips";
import { createForm } from "./fixtures/create-form";
import { clipCard } from "./fixtures/gallery";
import { solidPng } from "./fixtures/images";

const GREEN = { r: 40, g: 180, b: 90 };

async function expectInViewport(page: Page, locator: ReturnType<Page["locator"]>) {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  expect(box).not.toBeNull();
  expect(viewport).not.toBeNull();
  if (!box || !viewport) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
}

test.describe("composer", () => {
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1024, height: 768 },
  ]) {
    test(`Generate is in view without scrolling at ${size.width}×${size.height}; the composer is at most 220 px tall`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ viewport: size });
      const page = await context.newPage();
      await page.goto("/");
      const form = createForm(page);
      await expect(form.generate).toBeVisible();
      await expectInViewport(page, form.generate);
      await expectInViewport(page, form.prompt);
      await expectInViewport(page, form.startZone);
      const composer = await form.region.boundingBox();
      expect(composer?.height ?? 999).toBeLessThanOrEqual(220);
      // Still there after the gallery scrolls: the composer is sticky.
      await page.mouse.wheel(0, 2000);
      await expectInViewport(page, form.generate);
      await context.close();
    });
  }

  test("Generate is in view at 375×812 on a touch phone; settings live in a sheet, keyframes behind ➕, no drop wording", async ({
    browser,
  }) => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto("/");
    const form = createForm(page);
    await expectInViewport(page, form.generate);
    await expectInViewport(page, form.prompt);
    await expect(form.startZone).toBeHidden();
    await form.region.getByRole("button", { name: "Add keyframes" }).tap();
    await expect(form.startZone).toBeVisible();
    await expect(form.startZone).toHaveAccessibleDescription(/^Choose an image for the first frame\./);
    await expect(form.region.getByText(/drop/i)).toHaveCount(0);
    await expect(page.getByText(/Ctrl/)).toHaveCount(0);

    await form.region.getByRole("button", { name: /^Settings/ }).tap();
    const sheet = page.getByRole("dialog", { name: "Clip settings" });
    await expect(sheet).toBeVisible();
    const ratio = sheet.getByRole("combobox", { name: "Aspect ratio" });
    await ratio.selectOption("9:16");
    await page.keyboard.press("Escape");
    await expect(sheet).toBeHidden();
    await expect(form.region.getByRole("button", { name: /^Settings/ })).toContainText("9:16");
    await context.close();
  });

  test("a keyframe URL is checked as it is entered: the problem is a whole sentence and the URL stays", async ({
    page,
  }) => {
    await page.goto("/");
    const form = createForm(page);
    await form.region.getByRole("button", { name: "Start keyframe from an image URL" }).click();
    const field = page.getByRole("textbox", { name: "Image URL for the start keyframe" });
    await field.fill("http://127.0.0.1:9/frame.png");
    const checked = page.waitForResponse((res) => res.url().endsWith("/api/keyframes/check"));
    await field.press("Tab");
    expect((await checked).status()).toBe(400);
    const sentence =
      "The start keyframe's URL points at a private or local address, which the studio does not fetch.";
    await expect(page.getByRole("dialog").getByText(sentence)).toBeVisible();
    await expect(field).toHaveValue("http://127.0.0.1:9/frame.png");
    // Closed, the problem stays under the composer, tied to the tile.
    await page.keyboard.press("Escape");
    await expect(form.region.getByText(sentence)).toBeVisible();
    await expect(form.startZone).toHaveAttribute("aria-invalid", "true");

    // A URL that is not http(s) is refused in the browser, without asking the studio.
    await form.region.getByRole("button", { name: "Start keyframe from an image URL" }).click();
    let asked = false;
    page.on("request", (req) => {
      if (req.url().endsWith("/api/keyframes/check")) asked = true;
    });
    await field.fill("ftp://example.com/frame.png");
    await field.press("Enter");
    await expect(page.getByRole("dialog").getByText(/must be an http\(s\) link/)).toBeVisible();
    expect(asked).toBe(false);
  });

  test("in Chinese the keyframe URL problem is all Chinese", async ({ browser }) => {
    const context = await browser.newContext({
      locale: "zh-CN",
      extraHTTPHeaders: { "accept-language": "zh-CN" },
    });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("button", { name: "用图片链接作为起始关键帧" }).click();
    const field = page.getByRole("textbox", { name: "起始关键帧的图片链接" });
    await field.fill("http://10.0.0.1/a.png");
    await field.press("Enter");
    await expect(
      page.getByRole("dialog").getByText("起始关键帧的链接指向私有或本地地址，工作室不会访问这类地址。"),
    ).toBeVisible();
    await context.close();
  });

  test("?start=<uploadId> fills the start slot from the stored upload, then leaves the address", async ({
    page,
    request,
  }) => {
    const image = await solidPng("shared.png", GREEN);
    const upload = await request.post("/api/uploads", {
      headers: { "content-type": "image/png" },
      data: image.buffer,
    });
    expect(upload.status()).toBe(201);
    const { id } = (await upload.json()) as { id: string };
    await page.goto(`/?start=${id}`);
    const form = createForm(page);
    await expect(form.startZone).toHaveAccessibleDescription(/Shared image · uploaded/);
    await expect(page).toHaveURL(/\/$/);

    const prompt = `Shared into the composer ${Date.now().toString(36)}`;
    await form.prompt.fill(prompt);
    await form.generate.click();
    const card = page.getByRole("article", { name: `Clip: ${prompt}` });
    await expect(card).toBeVisible();
    const task = await getTask(request, (await card.getAttribute("data-task-id")) ?? "");
    expect(task.startImage?.uploadId).toBe(id);
  });

  test("an unknown ?end= upload says so in a whole sentence", async ({ page }) => {
    await page.goto("/?end=u_doesnotexist");
    await expect(
      createForm(page).region.getByText(
        "The shared image is no longer stored; share it again or choose a file.",
      ),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
  });

  test("an image dropped anywhere on the composer fills the first empty slot", async ({ page }) => {
    await page.goto("/");
    const form = createForm(page);
    await dropFile(page, form.prompt, await solidPng("anywhere.png", GREEN));
    await expect(form.startZone).toHaveAccessibleDescription(/anywhere\.png · uploaded/);
  });

  test("an image over the megapixel limit names the limit and is downscaled on request", async ({ page }) => {
    await page.goto("/");
    const form = createForm(page);
    const buffer = await sharp({
      create: { width: 9000, height: 8400, channels: 3, background: GREEN },
      limitInputPixels: false,
    })
      .png({ compressionLevel: 9 })
      .toBuffer();
    await form.region
      .getByLabel("Start keyframe file")
      .setInputFiles({ name: "poster.png", mimeType: "image/png", buffer });
    await expect(
      form.region.getByText(
        "poster.png is 9000×8400 px (75.6 megapixels), over the 70-megapixel limit for keyframes.",
      ),
    ).toBeVisible();
    await form.region.getByRole("button", { name: "Downscale and use it" }).click();
    await expect(form.startZone).toHaveAccessibleDescription(/poster\.png · Resized to \d+×\d+ · uploaded/, {
      timeout: 60_000,
    });
  });

  test("POST /api/keyframes/check names the url field and never fetches a private address", async ({
    request,
  }) => {
    const bad = await request.post("/api/keyframes/check", { data: { url: "ftp://example.com/a.png" } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.fields.url).toBe("must be an http(s) image URL");
    for (const url of ["http://127.0.0.1:9/a.png", "http://169.254.169.254/latest/meta-data/"]) {
      const answer = await request.post("/api/keyframes/check", { data: { url } });
      expect(answer.status(), url).toBe(400);
      expect((await answer.json()).error.fields.url, url).toBe(
        "the image URL points at a private or local address, which the studio does not fetch",
      );
    }
  });

  test("a prompt typed while the previous one is still sending is kept when that one starts", async ({
    page,
  }) => {
    const stamp = Date.now().toString(36);
    const first = `A lighthouse at dusk, waves below ${stamp}`;
    const second = `A paper boat drifting down a gutter ${stamp}`;
    // The first create's answer is held (a slow network) until the next prompt is typed.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let sending = () => {};
    const sent = new Promise<void>((resolve) => {
      sending = resolve;
    });
    await page.route(
      (url) => url.pathname === "/api/generations",
      async (route) => {
        if (route.request().method() === "POST") {
          sending();
          await held;
        }
        await route.continue();
      },
    );
    await page.goto("/");
    const form = createForm(page);
    await form.prompt.fill(first);
    await form.generate.click();
    await sent;
    await form.prompt.fill(second);
    release();

    const started = clipCard(page, first);
    await expect(started).toBeVisible();
    await expect(form.prompt, "the prompt typed meanwhile is still there").toHaveValue(second);
    // And it is what the next Generate sends.
    await form.generate.click();
    await expect(clipCard(page, second)).toBeVisible();
    await expect(form.prompt, "a prompt that was sent is emptied").toHaveValue("");
  });
});
