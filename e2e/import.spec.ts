import { expect, test } from "@playwright/test";
import { z } from "zod";
import { toasts } from "./fixtures/announce";
import { type ExtraStudio, listTasks, SIM_TOKEN, setFaults, startExtraStudio } from "./fixtures/extra-studio";
import { clipCard, openStudio } from "./fixtures/gallery";

/**
 * "Import from my Luma account": clips made at the Dream Machine API behind the studio's back (here,
 * straight at the simulator speaking that API) come into the gallery with their prompts, are stored
 * like any finished clip, and a second import brings nothing twice. A relay studio offers no import.
 */

let studio: ExtraStudio;
const auth = { authorization: `Bearer ${SIM_TOKEN}` };
const PROMPTS = ["a heron lifting off a misty lake", "night market lanterns swaying in the wind"];
const REFUSED = "a forbidden harbour at noon";
const PICTURE = "a paper lantern glowing on dark water";

test.beforeAll(async () => {
  studio = await startExtraStudio(87, { SIMULATOR_API: "official", SIMULATOR_SPEED: "10" });
});
test.afterAll(async () => {
  await studio?.remove();
});

const GenerationSchema = z.object({ id: z.string(), state: z.string() });

/** A generation made at the upstream itself, as Luma's own site would: the studio never hears of it. */
async function createUpstream(prompt: string): Promise<string> {
  const response = await fetch(`${studio.url}/api/simulator/dream-machine/v1/generations/video`, {
    method: "POST",
    headers: { ...auth, "content-type": "application/json" },
    body: JSON.stringify({ prompt, aspect_ratio: "16:9" }),
  });
  expect(response.status).toBe(201);
  return GenerationSchema.parse(await response.json()).id;
}

/** A Photon image made at the upstream itself. */
async function createUpstreamImage(prompt: string): Promise<string> {
  const response = await fetch(`${studio.url}/api/simulator/dream-machine/v1/generations/image`, {
    method: "POST",
    headers: { ...auth, "content-type": "application/json" },
    body: JSON.stringify({ prompt, aspect_ratio: "1:1", model: "photon-flash-1" }),
  });
  expect(response.status).toBe(201);
  return GenerationSchema.parse(await response.json()).id;
}

async function upstreamState(id: string): Promise<string> {
  const response = await fetch(`${studio.url}/api/simulator/dream-machine/v1/generations/${id}`, {
    headers: auth,
  });
  expect(response.status).toBe(200);
  return GenerationSchema.parse(await response.json()).state;
}

test("clips and images made at the account come in with their prompts, stored, and only once", async ({
  page,
}) => {
  await setFaults(studio.url, { blockedWords: ["forbidden"] });
  const ids = [
    ...(await Promise.all(PROMPTS.map(createUpstream))),
    await createUpstream(REFUSED),
    await createUpstreamImage(PICTURE),
  ];
  await expect
    .poll(async () => (await Promise.all(ids.map(upstreamState))).join(" "), {
      timeout: 90_000,
      intervals: [500, 1000],
    })
    .toBe("completed completed failed completed");
  expect(await listTasks(studio.url)).toEqual([]);

  await openStudio(page, studio.url);
  // The gallery is empty: its first-visit panel offers the import.
  await expect(page.getByText("No clips yet")).toBeVisible();
  const importButton = page.getByRole("button", { name: "Import from my Luma account" });
  await expect(importButton).toHaveCount(1);
  const answered = page.waitForResponse((response) => response.url().endsWith("/api/account/import"));
  await importButton.click();
  const answer = await answered;
  expect(answer.status()).toBe(200);
  expect(await answer.json()).toEqual({ imported: 3, alreadyHere: 0, skipped: 1, complete: true });
  await expect(
    toasts(page).getByText(
      "Imported 3 clips from your Luma account. 1 was left out because it failed or is still rendering.",
      { exact: true },
    ),
  ).toBeVisible();

  for (const prompt of PROMPTS) await expect(clipCard(page, prompt)).toBeVisible();
  await expect(clipCard(page, REFUSED)).toHaveCount(0);
  // The image is an image in the gallery, not a clip without a video.
  await expect(clipCard(page, PICTURE).getByRole("img", { name: `Image: ${PICTURE}` })).toBeVisible();
  // Made elsewhere: the card's date says it was imported rather than guessing how long it took.
  await expect(clipCard(page, PROMPTS[0]!).locator("time")).toHaveAttribute("title", / · Imported$/);

  // Their media are copied to the studio's storage like any finished clip's.
  await expect
    .poll(
      async () =>
        (await listTasks(studio.url))
          .map((task) => {
            const stored = (task.kind === "image" ? task.image?.stored : task.video?.stored) ?? false;
            return `${task.prompt}|${task.kind}|${task.state}|${stored}|${task.imported}`;
          })
          .sort(),
      { timeout: 60_000, intervals: [500, 1000] },
    )
    .toEqual(
      [
        ...PROMPTS.map((prompt) => `${prompt}|generate|completed|true|true`),
        `${PICTURE}|image|completed|true|true`,
      ].sort(),
    );
  const everything = await listTasks(studio.url);
  const image = everything.find((task) => task.kind === "image")!;
  expect(image).toMatchObject({ aspectRatio: "1:1", model: "photon-flash-1", video: null });
  const picture = await fetch(`${studio.url}${image.image?.url}`);
  expect(picture.status).toBe(200);
  expect(picture.headers.get("content-type")).toMatch(/^image\//);
  const stored = everything.filter((task) => task.kind !== "image");
  for (const task of stored) {
    expect(task).toMatchObject({ provider: "simulator", kind: "generate", aspectRatio: "16:9" });
    expect(ids).toContain(task.upstreamId);
    const video = await fetch(`${studio.url}${task.video?.url}`);
    expect(video.status).toBe(200);
    expect(video.headers.get("content-type")).toContain("video/mp4");
  }

  // Again, now from the gallery's toolbar: nothing new.
  const again = page.waitForResponse((response) => response.url().endsWith("/api/account/import"));
  await page.getByRole("button", { name: "Import from my Luma account" }).click();
  expect(await (await again).json()).toEqual({ imported: 0, alreadyHere: 3, skipped: 1, complete: true });
  await expect(
    toasts(page).getByText(
      "There were no new clips to import. 3 were already here. 1 was left out because it failed or is still rendering.",
      { exact: true },
    ),
  ).toBeVisible();
  expect(await listTasks(studio.url)).toHaveLength(3);
});

test("a relay studio shows no import and refuses it by API", async ({ page, request }) => {
  await openStudio(page);
  // Whichever the gallery shows (its first-visit panel, or clips with their toolbar), no import.
  await expect(page.getByText("No clips yet").or(page.getByRole("searchbox"))).toBeVisible();
  await expect(page.getByTestId("import-account")).toHaveCount(0);
  const refused = await request.post("/api/account/import", { data: {} });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.message).toBe(
    "This provider does not list the clips of your account, so there is nothing to import. Importing works with Luma's official API.",
  );
});
