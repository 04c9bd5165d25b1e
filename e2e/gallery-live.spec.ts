import { expect, test } from "@playwright/test";
import { storedClip } from "./fixtures/clips";
import { createForm } from "./fixtures/create-form";
import { type ExtraStudio, startExtraStudio } from "./fixtures/extra-studio";
import {
  clipCard,
  clipMenuAction,
  openStudio,
  recordCardStates,
  recordedCardStates,
} from "./fixtures/gallery";
import { grow, openClipLink, viewerDialog } from "./fixtures/viewer";

const MAIN_SIM = "/api/simulator/_sim/faults?merge=1";
const mainAuth = { authorization: "Bearer e2e-simulator-token" };
const unique = (what: string) => `${what} ${Date.now().toString(36)}`;

test.describe("gallery follows a clip live", () => {
  let studio: ExtraStudio | undefined;
  test.afterEach(async () => {
    await studio?.remove();
    studio = undefined;
  });

  test("submit → the card shows queued, then rendering, then a playing video, without a reload", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    // Demo timings (1.5 s queued, 4 s or more rendering), so every stage lasts past a refresh interval.
    studio = await startExtraStudio(61, { SIMULATOR_SPEED: "1" });
    await openStudio(page, studio.url);
    await page.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });
    const form = createForm(page);
    const prompt = unique("A hot air balloon over a glacier");
    await recordCardStates(page, prompt);
    await form.prompt.fill(prompt);
    await form.generate.click();

    const card = clipCard(page, prompt);
    await expect(card.getByTestId("task-state")).toHaveText("Ready", { timeout: 90_000 });
    const states = await recordedCardStates(page);
    expect(states.at(0)).toMatch(/^(Sending|Queued)$/);
    expect(states).toContain("Rendering");
    expect(states.indexOf("Rendering")).toBeGreaterThan(0);
    expect(states.at(-1)).toBe("Ready");
    // How long it took is in the created time's tooltip; the media shows the clip's length.
    await expect(card.locator("time")).toHaveAttribute("title", /· took \d+ s$/);

    const video = card.locator("video");
    await expect(video).toHaveAttribute("preload", "none");
    await expect(video).toHaveAttribute("poster", /.+/);
    const src = await video.getAttribute("src");
    const response = await page.request.get(new URL(src ?? "", studio.url).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("video/mp4");
    const poster = await page.request.get(
      new URL((await video.getAttribute("poster")) ?? "", studio.url).toString(),
    );
    expect(poster.status()).toBe(200);

    await video.evaluate((element: HTMLVideoElement) => {
      element.muted = true;
      return element.play();
    });
    await expect
      .poll(() =>
        video.evaluate((element: HTMLVideoElement) => ({
          ready: element.readyState >= 2,
          duration: element.duration,
        })),
      )
      .toMatchObject({ ready: true, duration: expect.any(Number) });
    expect(await video.evaluate((element: HTMLVideoElement) => element.duration)).toBeGreaterThan(0);
    expect(
      await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBe(true);
  });

  test("a clip the upstream refuses shows the upstream's reason on its card", async ({ page, request }) => {
    await request.post(MAIN_SIM, { headers: mainAuth, data: { blockedWords: ["forbidden"] } });
    try {
      await openStudio(page);
      const form = createForm(page);
      const prompt = unique("A forbidden dance in the rain");
      await form.prompt.fill(prompt);
      await form.generate.click();
      const card = clipCard(page, prompt);
      await expect(card.getByTestId("task-state")).toHaveText("Failed", { timeout: 30_000 });
      await expect(card.getByTestId("failure-reason")).toHaveText(
        "The video service said: Contains blacklisted words",
      );
      await card.getByTestId("clip-menu").click();
      await expect(page.getByRole("menuitem", { name: "Retry" })).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(card.locator("video")).toHaveCount(0);
    } finally {
      await request.post(MAIN_SIM, { headers: mainAuth, data: { blockedWords: [] } });
    }
  });

  test("a clip deleted in one tab leaves another tab's gallery, its open viewer moves on, its extension says so", async ({
    page,
    context,
    request,
  }) => {
    test.setTimeout(150_000);
    const older = await storedClip(request, unique("A quiet harbour before the deleted clip"));
    const doomed = await storedClip(request, unique("A sandcastle that will be deleted"));
    const extension = await grow(request, doomed, "extend", unique("The tide reaches the sandcastle"));

    // This tab watches the clip in the viewer, over the gallery.
    await openStudio(page);
    await expect(clipCard(page, extension.prompt)).toContainText("Extended from");
    await openClipLink(page, doomed.prompt).click();
    await expect(viewerDialog(page, doomed.prompt)).toBeVisible();

    // Another tab deletes it.
    const other = await context.newPage();
    await openStudio(other);
    await clipMenuAction(other, clipCard(other, doomed.prompt), "Delete");
    await other
      .getByRole("dialog", { name: "Delete this clip?" })
      .getByRole("button", { name: "Delete clip" })
      .click();
    await expect(clipCard(other, doomed.prompt)).toHaveCount(0);

    // The viewer here moves on to the clip that took its place in the gallery, without a reload.
    await expect(viewerDialog(page, doomed.prompt)).toBeHidden({ timeout: 30_000 });
    await expect(page.getByRole("dialog", { name: /^Clip: / })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(clipCard(page, doomed.prompt)).toHaveCount(0);
    await expect(clipCard(page, older.prompt)).toBeVisible();
    await expect(clipCard(page, extension.prompt)).toContainText("Extended from a deleted clip");
    await other.close();
  });
});
