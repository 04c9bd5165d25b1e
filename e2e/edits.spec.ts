import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ffprobe from "@ffprobe-installer/ffprobe";
import { expect, type Page, test } from "@playwright/test";
import { z } from "zod";
import type { Task } from "@/lib/shared/task";
import {
  type ExtraStudio,
  getTask,
  listTasks,
  SIM_TOKEN,
  simState,
  startExtraStudio,
} from "./fixtures/extra-studio";
import { clipCard, clipMenuAction, openClipMenu, openStudio } from "./fixtures/gallery";
import { solidPng } from "./fixtures/images";

/**
 * The Dream Machine API's tools on a finished clip, against the simulator speaking that API
 * (SIMULATOR_API=official): each is picked from the card's menu or the viewer, makes a new clip linked
 * to its source, and ffprobe reads what the tool did in the file the studio stored. A relay studio (the
 * main e2e server) offers none of them.
 */

// The tests build on each other's clips (a bridge needs two finished ones), so they run in order.
test.describe.configure({ mode: "serial" });

let studio: ExtraStudio;
const SOURCE = "a lighthouse on a cliff at dusk";

test.beforeAll(async () => {
  studio = await startExtraStudio(85, { SIMULATOR_API: "official", SIMULATOR_SPEED: "10" });
});
test.afterAll(async () => {
  await studio?.remove();
});

const StreamsSchema = z.object({
  streams: z.array(
    z.object({ codec_type: z.string(), width: z.number().optional(), height: z.number().optional() }),
  ),
});

/** What ffprobe reads in the file the studio serves for this clip. */
async function streamsOf(task: Task) {
  if (!task.video?.stored) throw new Error(`clip ${task.id} is not stored`);
  const response = await fetch(`${studio.url}${task.video.url}`);
  expect(response.status).toBe(200);
  const dir = await mkdtemp(path.join(os.tmpdir(), "e2e-edit-"));
  try {
    const file = path.join(dir, "clip.mp4");
    await writeFile(file, Buffer.from(await response.arrayBuffer()));
    const { stdout } = await promisify(execFile)(ffprobe.path, [
      "-v",
      "error",
      "-show_entries",
      "stream=codec_type,width,height",
      "-of",
      "json",
      file,
    ]);
    return StreamsSchema.parse(JSON.parse(stdout)).streams;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function durationOf(task: Task): Promise<number> {
  const response = await fetch(`${studio.url}${task.video!.url}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), "e2e-edit-"));
  try {
    const file = path.join(dir, "clip.mp4");
    await writeFile(file, Buffer.from(await response.arrayBuffer()));
    const { stdout } = await promisify(execFile)(ffprobe.path, [
      "-v",
      "error",
      "-show_entries",
      "format=duration",
      "-of",
      "csv=p=0",
      file,
    ]);
    return Number.parseFloat(stdout);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The one new clip of this kind made from `source`, once it is finished and stored. */
async function finishedChild(source: Task, kind: Task["kind"]): Promise<Task> {
  let child: Task | undefined;
  await expect
    .poll(
      async () => {
        child = (await listTasks(studio.url)).find(
          (task) => task.parentId === source.id && task.kind === kind,
        );
        return child ? `${child.state} ${child.video?.stored ?? false}` : "none";
      },
      { timeout: 90_000, intervals: [250, 500, 1000] },
    )
    .toBe("completed true");
  return getTask(studio.url, child!.id);
}

async function submitDialog(page: Page, button: string, toast: RegExp) {
  const dialog = page.getByTestId("edit-dialog");
  await dialog.getByRole("button", { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(toast).first()).toBeVisible();
}

test("modify, upscale and add audio each make a linked clip whose file shows what the tool did", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const created = await fetch(`${studio.url}/api/generations`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": "e2e-edits-source" },
    body: JSON.stringify({ prompt: SOURCE, aspectRatio: "16:9", resolution: "540p" }),
  });
  expect(created.status).toBe(201);
  const sourceId = ((await created.json()) as { id: string }).id;
  await expect
    .poll(async () => (await getTask(studio.url, sourceId)).video?.stored ?? false, { timeout: 60_000 })
    .toBe(true);
  const source = await getTask(studio.url, sourceId);

  await openStudio(page, studio.url);
  // The upscaled clip keeps the prompt and comes first in the gallery: the source is the oldest card.
  const card = clipCard(page, SOURCE).last();
  await card.hover();
  const menu = await openClipMenu(page, card);
  await expect(menu.getByRole("menuitem")).toContainText(["Modify…", "Upscale…", "Add audio…"]);
  await page.keyboard.press("Escape");

  // Modify: the prompt first, then how far from the original (the slider speaks in words).
  await clipMenuAction(page, card, "Modify…");
  const dialog = page.getByRole("dialog", { name: "Modify clip" });
  await expect(dialog.getByLabel("How should it change?")).toBeFocused();
  await dialog.getByLabel("How should it change?").fill("as a watercolour painting");
  const strength = dialog.getByRole("slider", { name: "How far from the original" });
  await strength.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
  await expect(strength).toHaveAttribute("aria-valuetext", "Reimagined (reimagine_2)");
  // An optional first frame the restyle starts from, uploaded like a keyframe.
  await dialog
    .getByLabel("First frame image for the modified clip")
    .setInputFiles(await solidPng("first.png", { r: 30, g: 160, b: 90 }));
  await expect(dialog.getByText("first.png")).toBeVisible();
  await submitDialog(page, "Modify", /Modified clip on its way/);

  // Upscale: only resolutions above the clip's own; 4K is the default, 1080p picked here.
  await clipMenuAction(page, card, "Upscale…");
  const upscale = page.getByRole("dialog", { name: "Upscale clip" });
  await expect(upscale.getByRole("radio")).toHaveCount(2);
  await upscale.getByText("1080p", { exact: true }).click();
  await submitDialog(page, "Upscale", /Upscaled clip on its way/);

  // Add audio, from the viewer this time.
  await card.getByRole("link").first().click();
  await page.waitForURL(/\/clips\//);
  await page.getByRole("group", { name: "Tools" }).getByRole("button", { name: "Add audio" }).click();
  const audio = page.getByRole("dialog", { name: "Add audio" });
  await audio.getByLabel("What should it sound like? (optional)").fill("waves and gulls");
  await audio.getByLabel("Leave out (optional)").fill("music");
  await submitDialog(page, "Add audio", /Clip with sound on its way/);
  await page.keyboard.press("Escape");

  const modified = await finishedChild(source, "modify");
  const upscaled = await finishedChild(source, "upscale");
  const withAudio = await finishedChild(source, "audio");

  expect(modified.edit).toEqual({ tool: "modify", mode: "reimagine_2", prompt: "as a watercolour painting" });
  expect(modified.startImage?.uploadId).toBeTruthy();
  const modifyUpstream = await fetch(
    `${studio.url}/api/simulator/dream-machine/v1/generations/${modified.upstreamId}`,
    { headers: { authorization: `Bearer ${SIM_TOKEN}` } },
  );
  const modifyRequest = ((await modifyUpstream.json()) as { request: { first_frame?: { url: string } } })
    .request;
  expect(modifyRequest.first_frame?.url).toMatch(/^data:image\/png|^https?:/);
  expect(modified.prompt).toBe("as a watercolour painting");
  expect(upscaled).toMatchObject({ resolution: "1080p", edit: { tool: "upscale", resolution: "1080p" } });
  expect(withAudio.edit).toEqual({ tool: "audio", prompt: "waves and gulls", negativePrompt: "music" });

  const [sourceStreams, modifiedStreams, upscaledStreams, audioStreams] = await Promise.all([
    streamsOf(source),
    streamsOf(modified),
    streamsOf(upscaled),
    streamsOf(withAudio),
  ]);
  expect(sourceStreams.map((stream) => stream.codec_type)).toEqual(["video"]);
  expect(modifiedStreams).toEqual([expect.objectContaining({ codec_type: "video", height: 540 })]);
  expect(modified.video?.sha256).not.toBe(source.video?.sha256);
  expect(upscaledStreams).toEqual([expect.objectContaining({ codec_type: "video", height: 1080 })]);
  expect(audioStreams.map((stream) => stream.codec_type).sort()).toEqual(["audio", "video"]);

  // What the upstream was sent: the modify got the source's own video and the chosen mode.
  const routes = (await simState(studio.url)).counters.routes;
  expect([routes["official.modify"], routes["official.upscale"], routes["official.audio"]]).toEqual([
    1, 1, 1,
  ]);

  // The new cards say where they came from; the viewer says what was done.
  await page.goto(`${studio.url}/clips/${encodeURIComponent(upscaled.id)}`);
  await expect(page.getByText("Upscaled from")).toBeVisible();
  await page.goto(`${studio.url}/clips/${encodeURIComponent(modified.id)}`);
  await expect(page.getByTestId("viewer-settings")).toContainText("Modified · Reimagined");
});

test("extend backward leads into the clip; a bridge joins one clip's end to another's start", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const tasks = await listTasks(studio.url);
  const source = tasks.find((task) => task.kind === "generate" && task.prompt === SOURCE)!;
  const modified = tasks.find((task) => task.kind === "modify")!;
  const createsBefore = (await simState(studio.url)).counters.routes["official.create"] ?? 0;

  await openStudio(page, studio.url);
  const card = clipCard(page, SOURCE).last();
  await card.hover();
  await card.getByRole("button", { name: "Extend", exact: true }).click();
  const extend = page.getByRole("dialog", { name: "Extend clip" });
  await extend.getByText("Before the clip", { exact: true }).click();
  await expect(extend.getByText("leads into the start of this clip")).toBeVisible();
  await expect(extend.getByRole("button", { name: /end keyframe/i })).toHaveCount(0);
  await extend.getByRole("textbox").fill("a ship sails towards the cliff");
  await extend.getByRole("button", { name: "Extend", exact: true }).click();
  await expect(extend).toBeHidden();

  await clipMenuAction(page, card, "Bridge to another clip…");
  const bridge = page.getByTestId("edit-dialog");
  await bridge.getByRole("button", { name: "Make the bridge" }).click();
  await expect(bridge.getByRole("alert")).toHaveText("Pick the clip the bridge leads to.");
  await bridge.getByText("as a watercolour painting", { exact: true }).click();
  await expect(bridge.getByRole("radio", { name: "as a watercolour painting" })).toBeChecked();
  await bridge.getByLabel("What happens on the way?").fill("the light turns to watercolour");
  await bridge.getByRole("button", { name: "Make the bridge" }).click();
  await expect(bridge).toBeHidden();
  await expect(page.getByText("Bridge on its way").first()).toBeVisible();

  const reversed = await finishedChild(source, "reverse");
  const bridged = await finishedChild(source, "bridge");
  expect(reversed.prompt).toBe("a ship sails towards the cliff");
  expect(bridged.edit).toEqual({
    tool: "interpolate",
    toId: modified.id,
    toPrompt: "as a watercolour painting",
  });
  expect((await simState(studio.url)).counters.routes["official.create"] ?? 0).toBe(createsBefore + 2);
  // The reverse extension's file is the new segment and then the clip; the bridge is a clip of its own.
  const [sourceSeconds, reversedSeconds, bridgeSeconds] = await Promise.all([
    durationOf(source),
    durationOf(reversed),
    durationOf(bridged),
  ]);
  expect(reversedSeconds).toBeGreaterThan(sourceSeconds + 1);
  expect(bridgeSeconds).toBeGreaterThan(1);

  await page.goto(`${studio.url}/clips/${encodeURIComponent(bridged.id)}`);
  await expect(page.getByText("Bridge from")).toBeVisible();
  await expect(page.getByTestId("viewer-settings")).toContainText("Bridge to “as a watercolour painting”");
});

test("reframe 16:9 → 9:16: the clip placed on the new canvas by keyboard, the file in the new ratio", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const source = (await listTasks(studio.url)).find(
    (task) => task.kind === "generate" && task.prompt === SOURCE,
  )!;
  await openStudio(page, studio.url);
  const card = clipCard(page, SOURCE).last();
  await card.hover();
  await clipMenuAction(page, card, "Reframe…");
  const dialog = page.getByTestId("edit-dialog");
  await expect(dialog.getByRole("radio", { name: "9:16" })).toBeChecked();
  await expect(dialog.getByRole("radio", { name: "16:9" })).toHaveCount(0);
  const placed = dialog.getByRole("button", { name: /The clip on the new 9:16 canvas/ });
  await expect(placed).toHaveAccessibleDescription("100 % wide, 0 % from the left, 34 % from the top");
  await placed.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("-");
  await page.keyboard.press("Shift+ArrowUp");
  await expect(placed).toHaveAccessibleDescription("94 % wide, 3 % from the left, 25 % from the top");
  await dialog.getByLabel("What lies around it? (optional)").fill("more sky above the lighthouse");
  await dialog.getByRole("button", { name: "Reframe", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Reframed clip on its way").first()).toBeVisible();

  const reframed = await finishedChild(source, "reframe");
  expect(reframed).toMatchObject({
    aspectRatio: "9:16",
    edit: { tool: "reframe", aspectRatio: "9:16", prompt: "more sky above the lighthouse" },
  });
  const [video] = (await streamsOf(reframed)).filter((stream) => stream.codec_type === "video");
  expect(video!.height! / video!.width!).toBeCloseTo(16 / 9, 1);
  await page.goto(`${studio.url}/clips/${encodeURIComponent(reframed.id)}`);
  await expect(page.getByText("Reframed from")).toBeVisible();
  await expect(page.getByTestId("viewer-settings")).toContainText("Reframed to 9:16");
});

test("a tool that cannot apply is refused with the reason, and nothing goes upstream", async () => {
  const tasks = await listTasks(studio.url);
  const upscaled = tasks.find((task) => task.kind === "upscale" && task.resolution === "1080p");
  expect(upscaled).toBeDefined();
  const before = (await simState(studio.url)).counters.routes["official.upscale"] ?? 0;
  const lower = await fetch(`${studio.url}/api/generations/${upscaled!.id}/upscale`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ resolution: "720p" }),
  });
  expect(lower.status).toBe(400);
  expect(await lower.json()).toMatchObject({
    error: {
      code: "validation_failed",
      message: "resolution: must be one of 4k (above the clip's own 1080p)",
    },
  });
  const badMode = await fetch(`${studio.url}/api/generations/${upscaled!.id}/modify`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ mode: "wild" }),
  });
  expect(badMode.status).toBe(400);
  expect((await badMode.json()).error.message).toContain("mode: must be one of adhere_1");
  expect((await simState(studio.url)).counters.routes["official.upscale"] ?? 0).toBe(before);
  expect((await listTasks(studio.url)).length).toBe(tasks.length);
});

test("a relay studio offers no tools in the menu and refuses them by API", async ({ page, request }) => {
  const created = await request.post("/api/generations", {
    data: { prompt: "relay clip for the tools check", aspectRatio: "16:9" },
  });
  expect(created.status()).toBe(201);
  const id = ((await created.json()) as { id: string }).id;
  await expect
    .poll(async () => ((await (await request.get(`/api/generations/${id}`)).json()) as Task).state, {
      timeout: 60_000,
    })
    .toBe("completed");
  await openStudio(page);
  const card = clipCard(page, "relay clip for the tools check").first();
  await card.hover();
  const menu = await openClipMenu(page, card);
  await expect(menu.getByRole("menuitem", { name: "Download" })).toBeVisible();
  await expect(menu.getByRole("menuitem", { name: /Modify|Upscale|Add audio/ })).toHaveCount(0);
  const refused = await request.post(`/api/generations/${id}/upscale`, { data: { resolution: "1080p" } });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.message).toBe(
    "Upscale is not offered by this studio's video service; Luma's Dream Machine API offers it.",
  );
});
