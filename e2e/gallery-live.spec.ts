import { expect, test } from "@playwright/test";
import { createForm } from "./fixtures/create-form";
import { type ExtraStudio, startExtraStudio } from "./fixtures/extra-studio";
import { clipCard, openStudio, recordCardStates, recordedCardStates } from "./fixtures/gallery";

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
    await expect(card.getByTestId("task-timing")).toHaveText(/^took \d+ s$/);

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
      await expect(card.getByRole("button", { name: "Retry" })).toBeVisible();
      await expect(card.locator("video")).toHaveCount(0);
    } finally {
      await request.post(MAIN_SIM, { headers: mainAuth, data: { blockedWords: [] } });
    }
  });
});
