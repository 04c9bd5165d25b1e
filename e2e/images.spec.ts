import { expect, type Page, test } from "@playwright/test";
import type { Task } from "@/lib/shared/task";
import { createForm } from "./fixtures/create-form";
import { type ExtraStudio, getTask, listTasks, SIM_TOKEN, startExtraStudio } from "./fixtures/extra-studio";
import { clipCard, clipMenuAction, openStudio } from "./fixtures/gallery";
import { solidPng } from "./fixtures/images";

/**
 * Photon images on the Dream Machine API (SIMULATOR_API=official): a keyframe made from text inside a
 * keyframe slot, images in the gallery with "Use as start / end keyframe", and the picture the upstream
 * receives for the new clip is byte for byte the one the studio stored. A relay studio makes no images.
 */

test.describe.configure({ mode: "serial" });

let studio: ExtraStudio;
const PICTURE = "a red fox sitting in fresh snow";
const CLIP = "the fox turns its head and runs into the forest";

test.beforeAll(async () => {
  studio = await startExtraStudio(91, { SIMULATOR_API: "official", SIMULATOR_SPEED: "10" });
});
test.afterAll(async () => {
  await studio?.remove();
});

async function bytesOf(url: string, headers: Record<string, string> = {}): Promise<Buffer> {
  const response = await fetch(url, { headers });
  expect(response.status, url).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

/** What the simulator kept of the start keyframe a create delivered, exactly as sent. */
function receivedStart(task: Task): Promise<Buffer> {
  return bytesOf(`${studio.url}/api/simulator/_sim/tasks/${task.upstreamId}/keyframes/start`, {
    authorization: `Bearer ${SIM_TOKEN}`,
  });
}

/** Opens the composer's Camera motion chip and picks these motions, then closes it. */
async function pickMotions(page: Page, names: string[]): Promise<void> {
  await createForm(page).region.getByRole("button", { name: "Camera motion" }).click();
  const chips = page.getByRole("group", { name: "Camera motions (up to 4)" });
  for (const name of names) await chips.getByRole("button", { name }).click();
  await expect(chips.getByRole("button", { name: names[0] })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Escape");
}

async function finished(prompt: string, kind: Task["kind"]): Promise<Task> {
  let found: Task | undefined;
  await expect
    .poll(
      async () => {
        found = (await listTasks(studio.url)).find((task) => task.prompt === prompt && task.kind === kind);
        const stored = kind === "image" ? found?.image?.stored : found?.video?.stored;
        return found ? `${found.state} ${stored ?? false}` : "none";
      },
      { timeout: 90_000, intervals: [250, 500, 1000] },
    )
    .toBe("completed true");
  return getTask(studio.url, found!.id);
}

test("a keyframe made from text goes into the slot, and the upstream receives exactly that picture", async ({
  page,
}) => {
  test.setTimeout(150_000);
  await openStudio(page, studio.url);
  const form = createForm(page);
  await form.region.getByRole("button", { name: "Start keyframe from an image URL" }).click();
  await page.getByRole("button", { name: "Or create one from text…" }).click();

  const dialog = page.getByRole("dialog", { name: "Create the start keyframe from text" });
  await expect(dialog.getByText("in this clip's aspect ratio (16:9)")).toBeVisible();
  // Too short a description is refused here, naming the limit, and nothing is made.
  await dialog.getByLabel("Describe the picture").fill("ok");
  await dialog.getByRole("button", { name: "Create picture" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Describe the picture in at least 3 characters.");
  expect((await listTasks(studio.url)).filter((task) => task.kind === "image")).toHaveLength(0);

  await dialog.getByLabel("Describe the picture").fill(PICTURE);
  await dialog.getByText("Photon Flash", { exact: true }).click();
  // A content reference and a style reference, uploaded like keyframes.
  await dialog
    .getByLabel("Add reference images")
    .setInputFiles(await solidPng("snowfield.png", { r: 235, g: 240, b: 250 }));
  await expect(dialog.getByRole("img", { name: "snowfield.png" })).toBeVisible();
  await dialog
    .getByLabel("Add a style image")
    .setInputFiles(await solidPng("ink.png", { r: 20, g: 20, b: 30 }));
  await expect(dialog.getByRole("img", { name: "ink.png" })).toBeVisible();
  await dialog
    .getByLabel("Add photos of a person")
    .setInputFiles(await solidPng("face.png", { r: 200, g: 160, b: 140 }));
  await expect(dialog.getByRole("img", { name: "face.png" })).toBeVisible();
  await expect(dialog.getByRole("radio", { name: "Photon Flash" })).toBeChecked();
  await dialog.getByRole("button", { name: "Create picture" }).click();
  await expect(dialog.getByText(/Waiting for the image service|Making the picture/)).toBeVisible();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await expect(page.getByText("The picture is in the start keyframe.").first()).toBeVisible();
  await expect(form.region.locator("[data-keyframe-slot=start]")).toContainText(PICTURE.slice(0, 8));

  // The image lives in the gallery as an image, in the composer's ratio, made with the model picked.
  const image = await finished(PICTURE, "image");
  expect(image).toMatchObject({ kind: "image", aspectRatio: "16:9", model: "photon-flash-1", video: null });
  const asked = await fetch(`${studio.url}/api/simulator/dream-machine/v1/generations/${image.upstreamId}`, {
    headers: { authorization: `Bearer ${SIM_TOKEN}` },
  });
  const request = ((await asked.json()) as { request: { image_ref?: unknown[]; style_ref?: unknown[] } })
    .request;
  expect([request.image_ref?.length, request.style_ref?.length]).toEqual([1, 1]);
  await expect(clipCard(page, PICTURE).getByRole("img", { name: `Image: ${PICTURE}` })).toBeVisible();

  await form.prompt.fill(CLIP);
  await form.generate.click();
  const clip = await finished(CLIP, "generate");
  expect(clip.startImage?.uploadId).toBeTruthy();
  const stored = await bytesOf(`${studio.url}${image.image!.url}`);
  expect((await receivedStart(clip)).equals(stored)).toBe(true);
});

test("an image's card offers it as a keyframe and nothing a clip alone can do; a clip is never its child", async ({
  page,
}) => {
  await openStudio(page, studio.url);
  const card = clipCard(page, PICTURE);
  await card.hover();
  await card.getByTestId("clip-menu").click();
  const items = page.getByRole("menu").getByRole("menuitem");
  await expect(items).toContainText(["Use as start keyframe", "Use as end keyframe", "Download"]);
  for (const absent of ["Extend", "Use these settings", "Modify…", "Upscale…", "Continue from last frame"]) {
    await expect(page.getByRole("menu").getByRole("menuitem", { name: absent, exact: true })).toHaveCount(0);
  }
  await page.keyboard.press("Escape");

  await clipMenuAction(page, card, "Use as end keyframe");
  await expect(page.getByText("The image is in the end keyframe.").first()).toBeVisible();
  const form = createForm(page);
  await expect(form.region.locator("[data-keyframe-slot=end]")).toContainText(PICTURE.slice(0, 8));
  await expect(form.endZone).toBeFocused();

  // The server refuses to treat an image as a clip, in words that say what to do instead.
  const image = (await listTasks(studio.url)).find((task) => task.kind === "image")!;
  const extend = await fetch(`${studio.url}/api/generations/${image.id}/extend`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": "e2e-extend-an-image" },
    body: JSON.stringify({ prompt: "more snow" }),
  });
  expect(extend.status).toBe(409);
  expect(await extend.text()).toContain("Use it as a keyframe of a new clip instead.");
  const download = await fetch(`${studio.url}/api/generations/${image.id}/download`);
  expect(download.status).toBe(200);
  expect(download.headers.get("content-disposition")).toMatch(/\.jpg/);
});

test("bad image requests are refused naming the field, and a relay makes no images", async ({ page }) => {
  const before = (await listTasks(studio.url)).length;
  for (const [body, field] of [
    [{ prompt: "a fox", aspectRatio: "2:1" }, "aspectRatio"],
    [{ prompt: "a fox", model: "photon-9" }, "model"],
    [{ prompt: "a fox", format: "gif" }, "format"],
  ] as const) {
    const answer = await fetch(`${studio.url}/api/images`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain(field);
  }
  expect((await listTasks(studio.url)).length).toBe(before);

  // The main e2e studio talks to the relay simulator: its URL popover offers no "create from text".
  await openStudio(page);
  const form = createForm(page);
  await form.region.getByRole("button", { name: "Start keyframe from an image URL" }).click();
  await expect(page.getByLabel("Image URL for the start keyframe")).toBeVisible();
  await expect(page.getByRole("button", { name: "Or create one from text…" })).toHaveCount(0);
  const refused = await fetch(`${new URL(page.url()).origin}/api/images`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ prompt: "a fox in snow" }),
  });
  expect(refused.status).toBe(400);
  expect(await refused.text()).toContain("this provider makes no images");
  // Nor camera motions: no chip, and a create that names one is refused.
  await page.keyboard.press("Escape");
  await expect(form.region.getByRole("button", { name: "Camera motion" })).toHaveCount(0);
  const concepts = await fetch(`${new URL(page.url()).origin}/api/generations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ prompt: "a fox in snow", concepts: ["pan_left"] }),
  });
  expect(concepts.status).toBe(400);
  expect(await concepts.text()).toContain("concepts: is not supported by this provider");
});

test("camera motions picked as chips reach the upstream as concepts; unknown or too many are refused", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openStudio(page, studio.url);
  const form = createForm(page);
  await pickMotions(page, ["Orbit left", "Crane up"]);
  await expect(
    form.region.getByRole("button", { name: "Camera motion: Orbit left, Crane up" }),
  ).toBeVisible();

  const prompt = "a slow reveal of a valley at sunrise";
  await form.prompt.fill(prompt);
  await form.generate.click();
  let clip: Task | undefined;
  await expect
    .poll(async () => {
      clip = (await listTasks(studio.url)).find((task) => task.prompt === prompt);
      return clip?.upstreamId ?? null;
    })
    .not.toBeNull();
  expect(clip?.concepts).toEqual(["orbit_left", "crane_up"]);
  const upstream = await fetch(
    `${studio.url}/api/simulator/dream-machine/v1/generations/${clip!.upstreamId}`,
    {
      headers: { authorization: `Bearer ${SIM_TOKEN}` },
    },
  );
  expect(upstream.status).toBe(200);
  expect(((await upstream.json()) as { request: { concepts: unknown } }).request.concepts).toEqual([
    { key: "orbit_left" },
    { key: "crane_up" },
  ]);

  const before = (await listTasks(studio.url)).length;
  for (const [concepts, words] of [
    [["moonwalk"], '"moonwalk" is not a camera motion this provider offers'],
    [["pan_left", "pan_right", "tilt_up", "tilt_down", "static"], "must be at most 4 camera motions"],
  ] as const) {
    const answer = await fetch(`${studio.url}/api/generations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ prompt: "a fox in snow", concepts }),
    });
    expect(answer.status).toBe(400);
    const { error } = (await answer.json()) as { error: { message: string; fields: Record<string, string> } };
    expect(error.message).toContain(words);
    expect(Object.keys(error.fields)[0]).toMatch(/^concepts/);
  }
  expect((await listTasks(studio.url)).length).toBe(before);
});

test("the Dream Machine composer, with camera motions picked, stays one compact bar with Generate in view", async ({
  browser,
}) => {
  for (const size of [
    { width: 1024, height: 768 },
    { width: 1440, height: 900 },
  ]) {
    const context = await browser.newContext({ viewport: size });
    const page = await context.newPage();
    await openStudio(page, studio.url);
    const form = createForm(page);
    await pickMotions(page, ["Orbit left", "Crane up"]);
    await expect(form.region.getByRole("button", { name: /^Camera motion: / })).toBeVisible();
    // More settings than the relay's (a fourth model option row, camera motion) and still ≤ 220 px.
    const composer = await form.region.boundingBox();
    expect(composer?.height ?? 999, `${size.width}×${size.height}`).toBeLessThanOrEqual(220);
    const generate = await form.generate.boundingBox();
    expect((generate?.y ?? 999) + (generate?.height ?? 0)).toBeLessThanOrEqual(size.height);
    await context.close();
  }
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

  test("camera motions are picked in the settings sheet and its ⚙ button counts them", async ({ page }) => {
    await openStudio(page, studio.url);
    const settings = createForm(page).region.getByRole("button", { name: /^Settings/ });
    await settings.tap();
    const sheet = page.getByRole("dialog", { name: "Clip settings" });
    const chips = sheet.getByRole("group", { name: "Camera motions (up to 4)" });
    await chips.getByRole("button", { name: "Orbit left" }).tap();
    await chips.getByRole("button", { name: "Crane up" }).tap();
    await page.keyboard.press("Escape");
    await expect(sheet).toBeHidden();
    await expect(settings).toHaveAccessibleName(/, 2 camera motions$/);
  });
});

test("a shared image has its own page: the picture, its prompt, a download, and image tags for unfurlers", async ({
  browser,
}) => {
  const image = (await listTasks(studio.url)).find((task) => task.kind === "image" && task.image?.stored)!;
  const shared = await fetch(`${studio.url}/api/generations/${image.id}/share`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ showPrompt: true }),
  });
  expect(shared.status).toBe(201);
  const { url } = (await shared.json()) as { url: string };
  const html = await (await fetch(new URL(url, studio.url))).text();
  expect(html).toContain('<meta property="og:type" content="website">');
  expect(html).toMatch(/<meta property="og:image" content="[^"]+\/poster\.jpg">/);
  expect(html).not.toContain("<video");

  // Without JavaScript, as an unfurler or a careful visitor sees it.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(new URL(url, studio.url).toString());
  const picture = page.getByRole("img", { name: `Image: ${PICTURE}` });
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.getByRole("heading", { name: PICTURE })).toBeVisible();
  const href = await page.getByRole("link", { name: "Download" }).getAttribute("href");
  const download = await fetch(new URL(href!, studio.url));
  expect(download.headers.get("content-disposition")).toMatch(/attachment.*\.jpg/);
  const stored = await bytesOf(`${studio.url}${image.image!.url}`);
  expect(Buffer.from(await download.arrayBuffer()).equals(stored)).toBe(true);
  await context.close();
});
