import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { shortPrompt } from "@/lib/shared/short-prompt";
import { expectAnnounced, toasts, watchAnnouncements } from "./fixtures/announce";
import { dropFile, pasteFile, recordUploadSizes, type UploadSizes } from "./fixtures/browser-files";
import { createForm } from "./fixtures/create-form";
import { hugePng, phonePhoto, solidPng, textRenamedPng, thirtyMegabytes } from "./fixtures/images";
import { expectColour, expectUpstreamImage } from "./fixtures/keyframe-checks";
import { mediaBytes, tasksWithPrompt, upstreamCreates, upstreamRequest } from "./fixtures/studio-api";

// Every result the page says is kept, so a test can ask what was said once.
test.beforeEach(({ page }) => watchAnnouncements(page));

const RED = { r: 220, g: 30, b: 40 };
const BLUE = { r: 30, g: 60, b: 220 };

const uniquePrompt = (what: string) => `${what} ${Date.now().toString(36)}`;

test.describe("create form", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto("/");
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
  });

  test("drop a start frame, paste an end frame, Ctrl+Enter: one clip, one upstream create", async ({
    page,
    request,
  }) => {
    const form = createForm(page);
    const start = await solidPng("start.png", RED);
    const end = await solidPng("end.png", BLUE);
    const createsBefore = await upstreamCreates(request);

    await dropFile(page, form.startZone, start);
    await expect(form.startZone).toHaveAccessibleDescription(/start\.png · uploaded/);
    await form.endZone.focus();
    await pasteFile(page, end);
    await expect(form.endZone).toHaveAccessibleDescription(/end\.png · uploaded/);

    const prompt = uniquePrompt("A red lantern drifting into a blue night");
    await form.prompt.fill(prompt);
    await expect(form.region.getByText(`${prompt.length} / 5,000`)).toBeVisible();
    await form.region.screenshot({ path: "test-results/artifacts/create-form.png" });
    await form.prompt.press("Control+Enter");

    await expectAnnounced(
      page,
      "Clip started",
      `Clip started: “${shortPrompt(prompt)}”. It will appear in Your clips.`,
    );
    // Said once: nothing stays in the composer.
    await expect(form.region).not.toContainText("Clip started");
    await expect(form.gallery.getByText(prompt)).toBeVisible();
    await expect(form.prompt).toHaveValue("");

    expect(await upstreamCreates(request)).toBe(createsBefore + 1);
    const [task, ...others] = await tasksWithPrompt(request, prompt);
    expect(others).toHaveLength(0);
    if (!task?.startImage || !task.endImage) throw new Error("the task lost its keyframes");
    const storedStart = await mediaBytes(request, task.startImage.url);
    const storedEnd = await mediaBytes(request, task.endImage.url);
    await expectColour(storedStart, RED);
    await expectColour(storedEnd, BLUE);
    const sent = await upstreamRequest(request, task);
    await expectUpstreamImage(request, task.upstreamId, "start", sent.image_url, storedStart, RED);
    await expectUpstreamImage(request, task.upstreamId, "end", sent.image_end_url, storedEnd, BLUE);
  });

  test("a double-click on Generate makes exactly one clip", async ({ page, request }) => {
    const form = createForm(page);
    const createsBefore = await upstreamCreates(request);
    const prompt = uniquePrompt("A paper boat on a rainy street");
    await form.prompt.fill(prompt);
    await form.generate.dblclick();
    await expect(form.gallery.getByText(prompt)).toBeVisible();
    await page.waitForTimeout(1_000);
    expect(await tasksWithPrompt(request, prompt)).toHaveLength(1);
    expect(await upstreamCreates(request)).toBe(createsBefore + 1);
  });

  test("a submit whose answer is lost is retried with the same key and makes one clip", async ({
    page,
    request,
  }) => {
    const form = createForm(page);
    const createsBefore = await upstreamCreates(request);
    const keys: string[] = [];
    await page.route("**/api/generations", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      keys.push((await route.request().headerValue("idempotency-key")) ?? "");
      if (keys.length > 1) return route.continue();
      await route.fetch(); // the server makes the task…
      await route.abort("connectionreset"); // …and the browser never hears back.
    });
    const prompt = uniquePrompt("A lighthouse beam sweeping over fog");
    await form.prompt.fill(prompt);
    await form.generate.click();
    await expect(form.gallery.getByText(prompt)).toBeVisible();
    // The live gallery can show the task before the form's retry has gone out.
    await expect.poll(() => keys.length).toBe(2);
    await expect(toasts(page).getByText("Clip started", { exact: true })).toHaveCount(1);
    expect(keys[1]).toBe(keys[0]);
    expect(await tasksWithPrompt(request, prompt)).toHaveLength(1);
    expect(await upstreamCreates(request)).toBe(createsBefore + 1);
  });

  test("bad input is explained next to its field and changes nothing", async ({ page, request }) => {
    const form = createForm(page);
    const createsBefore = await upstreamCreates(request);
    const sent: string[] = [];
    page.on("request", (req) => {
      if (req.method() === "POST" && /\/api\/(uploads|generations)/.test(req.url())) sent.push(req.url());
    });

    await form.generate.click();
    await expect(form.region.getByText("Prompt is required: describe the clip you want.")).toBeVisible();
    await expect(form.prompt).toBeFocused();

    await form.prompt.fill("x".repeat(5001));
    await expect(form.region.getByText("5,001 / 5,000")).toBeVisible();
    await form.prompt.press("Control+Enter");
    await expect(form.region.getByText("Prompt must be at most 5000 characters.")).toBeVisible();

    await form.region.getByLabel("Start keyframe file").setInputFiles(thirtyMegabytes());
    await expect(form.region.getByText("big.png is larger than 20 MB.")).toBeVisible();
    await dropFile(page, form.startZone, textRenamedPng());
    await expect(form.region.getByText("notes.png is not a PNG, JPEG or WebP image.")).toBeVisible();
    const huge = await hugePng();
    await dropFile(page, form.startZone, huge);
    await expect(
      form.region.getByText(
        "huge.png is 20000×20000 px (400 megapixels), over the 70-megapixel limit for keyframes.",
      ),
    ).toBeVisible();
    // Too large even for the browser to shrink: no downscale is offered.
    await expect(form.region.getByRole("button", { name: "Downscale and use it" })).toHaveCount(0);
    await expect(form.region.getByRole("button", { name: "Remove start keyframe" })).toHaveCount(0);
    expect(sent).toEqual([]);

    // The server checks again for callers that skip the browser.
    const rawHuge = await request.post("/api/uploads", {
      headers: { "content-type": "image/png" },
      data: huge.buffer,
    });
    expect(rawHuge.status()).toBe(400);
    expect((await rawHuge.json()).error.message).toMatch(/20000×20000 is too large; at most 8192 px/);
    const rawText = await request.post("/api/uploads", {
      headers: { "content-type": "image/png" },
      data: textRenamedPng().buffer,
    });
    expect(rawText.status()).toBe(415);
    const badRatio = await request.post("/api/generations", {
      headers: { "idempotency-key": `e2e-bad-ratio-${Date.now()}` },
      data: { prompt: "A wide shot of a desert", aspectRatio: "2:1" },
    });
    expect(badRatio.status()).toBe(400);
    const body = await badRatio.json();
    expect(body.error.fields.aspectRatio).toMatch(/must be one of .*16:9/);

    expect(await tasksWithPrompt(request, "A wide shot of a desert")).toHaveLength(0);
    expect(await upstreamCreates(request)).toBe(createsBefore);
  });

  test("a 12-megapixel photo from the picker goes up at most 1.5 MB, without EXIF", async ({
    page,
    request,
  }) => {
    await recordUploadSizes(page);
    await page.reload();
    const form = createForm(page);
    const photo = await phonePhoto();
    expect(photo.buffer.byteLength).toBeGreaterThan(1.5 * 1024 * 1024);
    expect((await sharp(photo.buffer).metadata()).exif).toBeDefined();
    // A slow uplink, so the progress bar has something to show.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 400 * 1024,
    });

    await form.startZone.focus();
    const chooser = page.waitForEvent("filechooser");
    await page.keyboard.press("Enter");
    const uploaded = page.waitForResponse((res) => res.url().endsWith("/api/uploads"), { timeout: 30_000 });
    await (await chooser).setFiles(photo);

    const progress = form.region.getByRole("progressbar", { name: "Uploading start keyframe" });
    await expect
      .poll(async () => Number((await progress.getAttribute("value")) ?? 0), { timeout: 10_000 })
      .toBeGreaterThan(0);
    const response = await uploaded;
    expect(response.status()).toBe(201);
    const sentSizes = await page.evaluate(() => {
      const recorded: UploadSizes = window;
      return recorded.__uploadBodySizes ?? [];
    });
    expect(sentSizes).toHaveLength(1);
    expect(sentSizes[0]).toBeLessThanOrEqual(1.5 * 1024 * 1024);
    const answer = await response.json();
    expect(Math.max(answer.width, answer.height)).toBeLessThanOrEqual(2048);
    expect(answer.width / answer.height).toBeCloseTo(4 / 3, 2);
    await expect(form.startZone).toHaveAccessibleDescription(
      /IMG_0001\.jpg · Resized to 2048×1536 · uploaded/,
    );

    const meta = await sharp(await mediaBytes(request, answer.url)).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.width).toBe(answer.width);
  });

  test("keeps the draft and the settings across a reload; loop and an end frame exclude each other", async ({
    page,
  }) => {
    const form = createForm(page);
    await form.prompt.fill("A draft I do not want to lose");
    await form.region.getByLabel("Aspect ratio").selectOption("9:16");
    await page.reload();
    await expect(form.prompt).toHaveValue("A draft I do not want to lose");
    await expect(form.region.getByLabel("Aspect ratio")).toHaveValue("9:16");

    const loop = form.region.getByRole("switch", { name: "Loop" });
    await loop.check();
    await expect(form.endZone).toHaveAttribute("aria-disabled", "true");
    await expect(form.endZone).toHaveAccessibleDescription("Turn off Loop to add an end keyframe.");
    await expect(
      form.region.locator("p", { hasText: "Turn off Loop to add an end keyframe." }),
    ).toBeVisible();
    await loop.uncheck();
    await form.endZone.focus();
    await pasteFile(page, await solidPng("end.png", BLUE));
    await expect(form.endZone).toHaveAccessibleDescription(/end\.png · uploaded/);
    await expect(loop).toBeDisabled();
    await expect(loop).toHaveAccessibleDescription(/Loop can't be combined with an end keyframe/);
    await expect(
      form.region.locator("p", { hasText: /Loop can't be combined with an end keyframe/ }),
    ).toBeVisible();

    await form.region.getByRole("button", { name: "Swap start and end" }).click();
    await expect(loop).toBeEnabled();
    await form.region.getByRole("button", { name: "Remove start keyframe" }).click();

    // Pasted anywhere else in the form, an image goes to the first empty zone.
    await form.prompt.focus();
    await pasteFile(page, await solidPng("pasted.png", RED));
    await expect(form.startZone).toHaveAccessibleDescription(/pasted\.png · uploaded/);
    await expect(form.region.getByRole("button", { name: "Remove start keyframe" })).toBeVisible();
    await expect(form.prompt).toHaveValue("A draft I do not want to lose");
  });

  test("fits a 375 px phone screen", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto("/");
    const form = createForm(page);
    await expect(form.prompt).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await form.region.screenshot({ path: "test-results/artifacts/create-form-phone.png" });
    await page.emulateMedia({ colorScheme: "dark" });
    await form.region.screenshot({ path: "test-results/artifacts/create-form-phone-dark.png" });
  });
});
