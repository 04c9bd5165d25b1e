import { expect, test } from "@playwright/test";
import { TaskPageSchema, TaskSchema } from "@/lib/shared/task";
import { createForm, failedFromComposer } from "./fixtures/create-form";
import { clipCard, clipMenuAction, openStudio } from "./fixtures/gallery";

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

    await clipMenuAction(page, card, "Delete");
    const dialog = page.getByRole("dialog", { name: "Delete this clip?" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    // No extensions: nothing to say about them.
    await expect(dialog).not.toContainText("extension");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    // Focus goes back to the menu button the dialog was opened from.
    await expect(card.getByTestId("clip-menu")).toBeFocused();
    await expect(card).toBeVisible();

    await clipMenuAction(page, card, "Delete");
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
    await clipMenuAction(page, clipCard(page, prompt), "Use these settings");
    await expect(form.prompt).toHaveValue(prompt);
    await expect(form.prompt).toBeFocused();
    await expect(form.region.getByLabel("Aspect ratio")).toHaveValue("9:16");
    await expect(form.region.getByLabel("Resolution")).toHaveValue("1080p");
    await expect(form.region.getByLabel("Model")).toHaveValue("ray-v1");
    await expect(form.region.getByRole("switch", { name: "Loop" })).toBeChecked();
  });

  test("Retry sends a failed clip's settings again as a new clip that takes its place", async ({
    page,
    request,
  }) => {
    const prompt = `a storm over the salt flats ${tag()}`;
    await openStudio(page);
    await failedFromComposer(page, request, prompt);
    const listed = async () =>
      TaskPageSchema.parse(
        await (await request.get(`/api/generations?q=${encodeURIComponent(prompt)}`)).json(),
      ).tasks;
    const [failed] = await listed();
    if (!failed) throw new Error("expected the failed clip");
    const failedCard = clipCard(page, prompt);
    // A failed clip offers only what can work.
    await failedCard.getByTestId("clip-menu").click();
    await expect(page.getByRole("menuitem")).toHaveText(["Use these settings", "Retry", "Delete"]);
    await page.keyboard.press("Escape");
    await expect(failedCard.getByRole("button", { name: "Extend" })).toHaveCount(0);
    await expect(failedCard.getByRole("button", { name: "Share" })).toHaveCount(0);
    // The clip was starred and put on a board (while it ran): the retry keeps both.
    const star = failedCard.getByRole("button", { name: "Favourite" });
    await failedCard.hover();
    await star.click();
    await expect(star).toHaveAttribute("aria-pressed", "true");
    const board = await request.post("/api/boards", { data: { name: `Storms ${tag()}` } });
    expect(board.status(), await board.text()).toBe(201);
    const boardId = ((await board.json()) as { id: string }).id;
    const added = await request.put(`/api/boards/${boardId}/clips/${failed.id}`);
    expect(added.ok(), await added.text()).toBe(true);

    const submitted = page.waitForRequest(
      (req) =>
        req.method() === "POST" && new URL(req.url()).pathname === `/api/generations/${failed.id}/retry`,
    );
    await clipMenuAction(page, failedCard, "Retry");
    const key = (await submitted).headers()["idempotency-key"];
    const cards = page
      .getByRole("region", { name: "Your clips" })
      .getByRole("article", { name: `Clip: ${prompt}` });
    // One card: the retry took the failed clip's place.
    await expect(cards.first().getByTestId("task-state")).toHaveText("Ready", { timeout: 60_000 });
    await expect(cards).toHaveCount(1);
    await expect(cards.first().getByRole("button", { name: "Favourite" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    expect(key).toMatch(/^[\x21-\x7e]{8,200}$/);
    const tasks = await listed();
    expect(tasks).toHaveLength(1);
    const [retried] = tasks;
    if (!retried) throw new Error("expected the retry");
    expect(retried.id).not.toBe(failed.id);
    expect((await request.get(`/api/generations/${failed.id}`)).status()).toBe(404);
    expect(retried).toMatchObject({
      aspectRatio: failed.aspectRatio,
      model: failed.model,
      resolution: failed.resolution,
      duration: failed.duration,
      loop: failed.loop,
      favourite: true,
      boardIds: [boardId],
    });
  });
});
