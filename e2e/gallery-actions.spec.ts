import { expect, test } from "@playwright/test";
import { TaskPageSchema, TaskSchema } from "@/lib/shared/task";
import { createForm } from "./fixtures/create-form";
import { clipCard, openStudio } from "./fixtures/gallery";

const FAULTS = "/api/simulator/_sim/faults?merge=1";
const simAuth = { authorization: "Bearer e2e-simulator-token" };
const tag = () => Date.now().toString(36);

test.describe("gallery actions and filters", () => {
  test("filter by state and a debounced prompt search ask the API with state and q", async ({
    page,
    request,
  }) => {
    const run = tag();
    await request.post(FAULTS, { headers: simAuth, data: { blockedWords: ["scorched"] } });
    try {
      const decoy = `unrelated harbour ${run}`;
      for (const prompt of [decoy, `teal lagoon ${run}`, `amber lagoon ${run}`, `scorched lagoon ${run}`]) {
        const created = await request.post("/api/generations", {
          headers: { "idempotency-key": crypto.randomUUID() },
          data: { prompt, aspectRatio: "1:1" },
        });
        expect(created.ok()).toBe(true);
      }
      // The word is checked when the render starts, so the fault stays until the clip has failed.
      await expect
        .poll(
          async () =>
            (await request.get(`/api/generations?state=failed&q=scorched%20lagoon%20${run}`)).json(),
          // It waits its turn in the render queue behind the other three clips.
          { timeout: 60_000 },
        )
        .toMatchObject({ tasks: [{ state: "failed" }] });
    } finally {
      await request.post(FAULTS, { headers: simAuth, data: { blockedWords: [] } });
    }
    await openStudio(page);
    await expect(clipCard(page, `teal lagoon ${run}`).getByTestId("task-state")).toHaveText("Ready", {
      timeout: 30_000,
    });
    const searches: string[] = [];
    page.on("request", (req) => {
      const url = new URL(req.url());
      if (url.pathname === "/api/generations" && url.searchParams.has("q")) searches.push(url.search);
    });
    const search = page.getByRole("searchbox", { name: "Search prompts" });
    await search.pressSequentially(`lagoon ${run}`, { delay: 20 });
    const cards = page.getByRole("region", { name: "Your clips" }).getByRole("article");
    await expect(cards).toHaveCount(3);
    await expect(clipCard(page, `unrelated harbour ${run}`)).toHaveCount(0);
    // Typing paused once: one request for the whole text, not one per key.
    expect(searches).toHaveLength(1);
    expect(new URLSearchParams(searches[0]).get("q")).toBe(`lagoon ${run}`);

    await page.getByRole("button", { name: "Failed", exact: true }).click();
    await expect(cards).toHaveCount(1);
    await expect(clipCard(page, `scorched lagoon ${run}`)).toBeVisible();
    expect(new URLSearchParams(searches.at(-1)).get("state")).toBe("failed");
    await page.getByRole("button", { name: "Ready", exact: true }).click();
    await expect(cards).toHaveCount(2);
    await search.fill(`amber lagoon ${run}`);
    await expect(cards).toHaveCount(1);
    await search.fill(`nothing like this ${run}`);
    await expect(page.getByText("No clips match these filters.")).toBeVisible();
  });

  test("Delete asks first, keeps focus sensible, and removes the clip and its media", async ({
    page,
    request,
  }) => {
    const prompt = `a paper crane to delete ${tag()}`;
    const created = TaskSchema.parse(
      await (
        await request.post("/api/generations", {
          headers: { "idempotency-key": crypto.randomUUID() },
          data: { prompt, aspectRatio: "1:1" },
        })
      ).json(),
    );
    await openStudio(page);
    const card = clipCard(page, prompt);
    await expect(card.getByTestId("task-state")).toHaveText("Ready", { timeout: 30_000 });

    const remove = card.getByRole("button", { name: "Delete" });
    await remove.click();
    const dialog = page.getByRole("dialog", { name: "Delete this clip?" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(remove).toBeFocused();
    await expect(card).toBeVisible();

    await remove.click();
    await page.screenshot({ path: "test-results/artifacts/gallery-delete-dialog.png" });
    await dialog.getByRole("button", { name: "Delete clip" }).click();
    await expect(card).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Your clips" })).toBeFocused();
    expect((await request.get(`/api/generations/${created.id}`)).status()).toBe(404);
    // Stored copies are removed by the same call (lib/server/tasks/delete.test.ts); this clip's video is
    // still the upstream's link, which the upstream keeps.
  });

  test("Use these settings fills the create form with the clip's prompt and settings", async ({
    page,
    request,
  }) => {
    const prompt = `a neon koi pond, portrait ${tag()}`;
    // Failed on purpose: the settings are what matters, and a 1080p render would only cost time.
    await request.post(FAULTS, { headers: simAuth, data: { failureRate: 1 } });
    try {
      const created = await request.post("/api/generations", {
        headers: { "idempotency-key": crypto.randomUUID() },
        data: { prompt, aspectRatio: "9:16", resolution: "1080p", model: "ray-v1", loop: true },
      });
      expect(created.ok()).toBe(true);
    } finally {
      await request.post(FAULTS, { headers: simAuth, data: { failureRate: 0 } });
    }
    await openStudio(page);
    const form = createForm(page);
    await clipCard(page, prompt).getByRole("button", { name: "Use these settings" }).click();
    await expect(form.prompt).toHaveValue(prompt);
    await expect(form.prompt).toBeFocused();
    await expect(form.region.getByLabel("Aspect ratio")).toHaveValue("9:16");
    await expect(form.region.getByLabel("Resolution")).toHaveValue("1080p");
    await expect(form.region.getByLabel("Model")).toHaveValue("ray-v1");
    await expect(form.region.getByRole("switch", { name: "Loop" })).toBeChecked();
  });

  test("Retry sends a failed clip's settings again as a new clip", async ({ page, request }) => {
    const prompt = `a storm over the salt flats ${tag()}`;
    await request.post(FAULTS, { headers: simAuth, data: { failureRate: 1 } });
    try {
      await openStudio(page);
      const form = createForm(page);
      await form.prompt.fill(prompt);
      await form.generate.click();
      await expect(clipCard(page, prompt).getByTestId("task-state")).toHaveText("Failed", {
        timeout: 30_000,
      });
    } finally {
      await request.post(FAULTS, { headers: simAuth, data: { failureRate: 0 } });
    }
    const submitted = page.waitForRequest(
      (req) => req.method() === "POST" && new URL(req.url()).pathname === "/api/generations",
    );
    await clipCard(page, prompt).getByRole("button", { name: "Retry" }).click();
    const key = (await submitted).headers()["idempotency-key"];
    const cards = page
      .getByRole("region", { name: "Your clips" })
      .getByRole("article", { name: `Clip: ${prompt}` });
    await expect(cards).toHaveCount(2);
    await expect(cards.first().getByTestId("task-state")).toHaveText("Ready", { timeout: 60_000 });
    await expect(cards.nth(1).getByTestId("task-state")).toHaveText("Failed");
    expect(key).toMatch(/^[\x21-\x7e]{8,200}$/);
    const list = TaskPageSchema.parse(
      await (await request.get(`/api/generations?q=${encodeURIComponent(prompt)}`)).json(),
    );
    const [retried, failed] = list.tasks;
    if (!retried || !failed) throw new Error("expected the failed clip and its retry");
    expect(retried.id).not.toBe(failed.id);
    expect(retried).toMatchObject({
      aspectRatio: failed.aspectRatio,
      model: failed.model,
      resolution: failed.resolution,
      duration: failed.duration,
      loop: failed.loop,
    });
  });
});
