import { type Browser, expect, type Page, test } from "@playwright/test";
import sharp from "sharp";
import { z } from "zod";
import type { ExtraStudio } from "./fixtures/extra-studio";
import { solidPng } from "./fixtures/images";
import { PASSCODE, sessionCookie, startPasscodeStudio } from "./fixtures/passcode-studio";

/** The installable app: its manifest and icons, and the share target a phone shares a photo into. */

const ManifestSchema = z.object({
  name: z.string().min(1),
  short_name: z.string().min(1).max(12),
  start_url: z.literal("/"),
  display: z.literal("standalone"),
  theme_color: z.string().regex(/^#[0-9a-f]{6}$/i),
  background_color: z.string().regex(/^#[0-9a-f]{6}$/i),
  icons: z.array(z.object({ src: z.string(), sizes: z.string(), type: z.string(), purpose: z.string() })),
  share_target: z.object({
    action: z.literal("/share-target"),
    method: z.literal("POST"),
    enctype: z.literal("multipart/form-data"),
    params: z.object({
      files: z.array(z.object({ name: z.literal("image"), accept: z.array(z.string()) })),
    }),
  }),
});

/** Submits a form to the share target from the page, as the share sheet does: a top-level POST of `bytes` named beach.png. */
async function shareFromPage(page: Page, png: Buffer) {
  await page.evaluate(
    (bytes) => {
      const form = document.createElement("form");
      form.method = "post";
      form.action = "/share-target";
      form.enctype = "multipart/form-data";
      const input = document.createElement("input");
      input.type = "file";
      input.name = "image";
      const files = new DataTransfer();
      files.items.add(new File([new Uint8Array(bytes)], "beach.png", { type: "image/png" }));
      input.files = files.files;
      form.append(input);
      document.body.append(form);
      form.submit();
    },
    [...png],
  );
}

test("the manifest parses as an installable app and every icon it names is a real image of its size", async ({
  page,
  request,
}) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("/manifest.webmanifest");
  const answer = await request.get(href!);
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toContain("application/manifest+json");
  const manifest = ManifestSchema.parse(await answer.json());
  expect(manifest.share_target.params.files[0]?.accept).toEqual(["image/png", "image/jpeg", "image/webp"]);
  // Chromium's install criteria: a 192 px and a 512 px PNG icon (and a maskable one for Android).
  for (const size of ["192x192", "512x512"]) {
    expect(manifest.icons.some((icon) => icon.sizes === size && icon.type === "image/png")).toBe(true);
  }
  expect(manifest.icons.some((icon) => icon.purpose === "maskable")).toBe(true);
  for (const icon of manifest.icons) {
    const file = await request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()["content-type"], icon.src).toBe(icon.type);
    if (icon.type === "image/png") {
      const { width, height } = await sharp(await file.body()).metadata();
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    }
  }
  for (const path of ["/favicon.ico", "/apple-touch-icon.png"]) {
    expect((await request.get(path)).status(), path).toBe(200);
  }
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/apple-touch-icon.png");

  // Chromium itself reads the manifest without an error (DevTools' own view of installability).
  const cdp = await page.context().newCDPSession(page);
  const { errors, url } = await cdp.send("Page.getAppManifest");
  expect(url).toContain("/manifest.webmanifest");
  expect(errors).toEqual([]);
});

test("a photo shared to the app is stored like an upload and the studio opens with it as ?start=", async ({
  page,
  request,
}) => {
  const photo = await solidPng("beach.png", { r: 30, g: 140, b: 220 });
  await page.goto("/");
  await shareFromPage(page, photo.buffer);
  await expect(page).toHaveURL(/\/\?start=u_[A-Za-z0-9_-]+$/);
  const id = new URL(page.url()).searchParams.get("start")!;
  const stored = await request.get(`/api/media/uploads/${id}.png`);
  expect(stored.status()).toBe(200);
  expect((await sharp(await stored.body()).metadata()).width).toBe(640);

  // What the phone's share sheet sends: a POST the browser makes itself, with Origin null.
  const sheet = await request.post("/share-target", {
    multipart: { image: photo },
    headers: { origin: "null", "sec-fetch-site": "none" },
    maxRedirects: 0,
  });
  expect(sheet.status()).toBe(303);
  expect(sheet.headers().location).toMatch(/^\/\?start=u_[A-Za-z0-9_-]+$/);
});

test("the share target refuses another site's form, a wrong field and a non-image, with a page that says why", async ({
  browser,
  request,
  baseURL,
}) => {
  const photo = await solidPng("beach.png", { r: 30, g: 140, b: 220 });
  const crossSite = await request.post("/share-target", {
    multipart: { image: photo },
    headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBe(403);
  expect(await crossSite.text()).toContain("This request came from another site, so the studio refused it.");

  const wrongField = await request.post("/share-target", { multipart: { file: photo }, maxRedirects: 0 });
  expect(wrongField.status()).toBe(400);
  expect(wrongField.headers()["x-error-message"]).toBe("image: attach an image as the `image` field");

  const text = { name: "notes.png", mimeType: "image/png", buffer: Buffer.from("just words, not a picture") };
  const notImage = await request.post("/share-target", { multipart: { image: text }, maxRedirects: 0 });
  expect(notImage.status()).toBe(415);
  expect(notImage.headers()["x-error-message"]).toBe("image: must be a PNG, JPEG or WebP image");
  expect(await notImage.text()).toContain("Only PNG, JPEG and WebP photos can be added.");

  // The refusal is a page in the visitor's language with the way back, not a JSON dead end.
  const context = await browser.newContext({
    locale: "zh-CN",
    extraHTTPHeaders: { "accept-language": "zh-CN" },
  });
  const page = await context.newPage();
  await page.goto(`${baseURL}/`);
  await shareFromPage(page, Buffer.from("not a picture"));
  await expect(page.getByRole("heading", { name: "这张照片未能添加" })).toBeVisible();
  await expect(page.getByText("只能添加 PNG、JPEG 或 WebP 格式的照片。")).toBeVisible();
  await expect(page.getByRole("link", { name: "返回工作室" })).toHaveAttribute("href", "/");
  await page.screenshot({ path: "test-results/artifacts/share-target-refused-zh.png" });
  await context.close();
});

test.describe("with a passcode", () => {
  let studio: ExtraStudio;
  test.beforeAll(async () => {
    studio = await startPasscodeStudio(51);
  });
  test.afterAll(async () => {
    await studio?.remove();
  });

  async function pageOn(browser: Browser, signedIn: boolean) {
    const context = await browser.newContext();
    if (signedIn) {
      await context.addCookies([
        { name: "luma_session", value: await sessionCookie(studio), url: studio.url },
      ]);
    }
    return { context, page: await context.newPage() };
  }

  test("a signed-in share lands in the studio; a signed-out one is kept through the sign-in", async ({
    browser,
  }) => {
    const photo = await solidPng("beach.png", { r: 200, g: 90, b: 40 });
    const signedIn = await pageOn(browser, true);
    await signedIn.page.goto(studio.url);
    await shareFromPage(signedIn.page, photo.buffer);
    await expect(signedIn.page).toHaveURL(new RegExp(`^${studio.url}/\\?start=u_[A-Za-z0-9_-]+$`));
    await signedIn.context.close();

    // The manifest and icons are public: the browser fetches them without cookies.
    expect((await fetch(`${studio.url}/manifest.webmanifest`)).status).toBe(200);
    expect((await fetch(`${studio.url}/icons/icon-192.png`)).status).toBe(200);

    const signedOut = await pageOn(browser, false);
    await signedOut.page.goto(`${studio.url}/sign-in`);
    await shareFromPage(signedOut.page, photo.buffer);
    await expect(signedOut.page).toHaveURL(/\/sign-in\?next=%2F%3Fstart%3Du_/);
    await signedOut.page.getByLabel("Passcode").fill(PASSCODE);
    await signedOut.page.getByLabel("Passcode").press("Enter");
    await expect(signedOut.page).toHaveURL(new RegExp(`^${studio.url}/\\?start=u_[A-Za-z0-9_-]+$`));
    const id = new URL(signedOut.page.url()).searchParams.get("start");
    const stored = await signedOut.page.request.get(`${studio.url}/api/media/uploads/${id}.png`);
    expect(stored.status()).toBe(200);
    // Before the sign-in the stored photo was nobody's to see.
    expect((await fetch(`${studio.url}/api/media/uploads/${id}.png`, { redirect: "manual" })).status).toBe(
      401,
    );
    await signedOut.context.close();
  });

  test("the header stays one calm row on a phone, in English and Chinese, with 40 px targets", async ({
    browser,
  }) => {
    for (const locale of ["en", "zh-CN"]) {
      const context = await browser.newContext({
        viewport: { width: 375, height: 812 },
        hasTouch: true,
        locale,
      });
      await context.addCookies([
        { name: "luma_session", value: await sessionCookie(studio), url: studio.url },
      ]);
      const page = await context.newPage();
      await page.goto(studio.url);
      const header = page.locator("header").first();
      const signOut = header.getByRole("button", { name: locale === "en" ? "Sign out" : "退出登录" });
      await expect(signOut).toBeVisible();
      expect((await header.boundingBox())!.height).toBeLessThanOrEqual(57);
      for (const control of [signOut, header.getByRole("combobox")]) {
        const box = (await control.boundingBox())!;
        expect(box.height).toBeGreaterThanOrEqual(40);
        expect(box.width).toBeGreaterThanOrEqual(40);
      }
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
      await header.screenshot({ path: `test-results/artifacts/header-375-${locale}.png` });
      await page.setViewportSize({ width: 1440, height: 900 });
      await header.screenshot({ path: `test-results/artifacts/header-1440-${locale}.png` });
      await context.close();
    }
  });
});
