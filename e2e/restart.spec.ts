import { expect, test } from "@playwright/test";
import { createForm } from "./fixtures/create-form";
import { type ExtraStudio, listTasks, simState, startExtraStudio } from "./fixtures/extra-studio";
import { clipCard, openStudio } from "./fixtures/gallery";
import { screenshotAll } from "./fixtures/lineage";

test.describe("restart while a clip renders", () => {
  let studio: ExtraStudio | undefined;
  test.afterEach(async () => {
    await studio?.remove();
    studio = undefined;
  });

  test("an open tab says it lost contact, then shows the finished clip without a reload", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    studio = await startExtraStudio(66, { SIMULATOR_SPEED: "0.5" });
    await openStudio(page, studio.url);
    await page.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });
    const form = createForm(page);
    const prompt = `A tram crossing a bridge at night ${Date.now().toString(36)}`;
    await form.prompt.fill(prompt);
    await form.generate.click();
    const card = clipCard(page, prompt);
    await expect(card.getByTestId("task-state")).toHaveText(/Queued|Rendering/);
    const notice = page.getByRole("status").filter({ hasText: "Reconnecting" });
    await expect(notice).toHaveCount(0);

    await studio.stop();
    // The tab notices on its own (its long poll breaks) and says so, politely.
    await expect(notice).toBeVisible({ timeout: 10_000 });
    await expect(notice).toHaveText(/Lost contact with the studio/);
    await screenshotAll(page, "reconnecting", notice);
    await expect(card.getByTestId("task-state")).toHaveText(/Queued|Rendering/);

    await studio.start();
    const answeredAt = Date.now();
    // The studio's watcher finishes the clip after the restart; the tab follows within 5 s of the
    // studio knowing, and within 5 s of it answering again if the clip was already done.
    await expect
      .poll(async () => (await listTasks(studio!.url)).find((task) => task.prompt === prompt)?.state, {
        timeout: 120_000,
        intervals: [250],
      })
      .toBe("completed");
    const knownAt = Date.now();
    await expect(card.getByTestId("task-state")).toHaveText("Ready", { timeout: 5_000 });
    await expect(card.locator("video")).toHaveCount(1);
    await expect(notice).toHaveCount(0);
    test.info().annotations.push({
      type: "catch-up",
      description: `studio answered → API completed ${knownAt - answeredAt} ms → card Ready ${Date.now() - knownAt} ms`,
    });
    // No reload happened: the same document followed the whole way.
    expect(
      await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBe(true);
  });

  test("stop the studio mid-render, start it again: the clip completes, once", async ({ page }) => {
    test.setTimeout(180_000);
    studio = await startExtraStudio(65, { SIMULATOR_SPEED: "0.5" });
    await openStudio(page, studio.url);
    const form = createForm(page);
    const prompt = `A lighthouse beam sweeping fog ${Date.now().toString(36)}`;
    await form.prompt.fill(prompt);
    await form.generate.click();
    const card = clipCard(page, prompt);
    await expect(card.getByTestId("task-state")).toHaveText(/Queued|Rendering/);
    const [running] = (await listTasks(studio.url)).filter((task) => task.prompt === prompt);
    expect(["queued", "running"]).toContain(running?.state);

    await studio.restart();
    await page.reload();
    await expect(card.getByTestId("task-state")).toHaveText("Ready", { timeout: 120_000 });
    await expect(card.locator("video")).toHaveCount(1);
    await expect(page.getByRole("article", { name: `Clip: ${prompt}` })).toHaveCount(1);

    const stored = (await listTasks(studio.url)).filter((task) => task.prompt === prompt);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.state).toBe("completed");
    // The upstream holds one task too: the restart did not submit it again.
    expect((await simState(studio.url)).tasks).toHaveLength(1);
  });
});
