import { expect, test } from "@playwright/test";
import { createForm } from "./fixtures/create-form";
import { type ExtraStudio, listTasks, simState, startExtraStudio } from "./fixtures/extra-studio";
import { clipCard, openStudio } from "./fixtures/gallery";

test.describe("restart while a clip renders", () => {
  let studio: ExtraStudio | undefined;
  test.afterAll(async () => {
    await studio?.remove();
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
