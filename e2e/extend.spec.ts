import { expect, test } from "@playwright/test";
import { z } from "zod";
import { expectAnnounced, watchAnnouncements } from "./fixtures/announce";
import { cardMainAction } from "./fixtures/gallery";
import {
  clipCard,
  clipIn,
  createClip,
  screenshotAll,
  setFaults,
  uniquePrompt,
  upstreamLog,
  videoSeconds,
} from "./fixtures/lineage";
import { tasksWithPrompt } from "./fixtures/studio-api";
import { viewerDialog } from "./fixtures/viewer";

// Every result the page says is kept, so a test can ask what was said once.
test.beforeEach(({ page }) => watchAnnouncements(page));

const ErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

test.describe("extend", () => {
  test("extend a finished clip, then its extension: each is one segment longer, linked and listed as a family", async ({
    page,
    request,
  }) => {
    test.setTimeout(300_000);
    const originalPrompt = uniquePrompt("A kite over a windy beach");
    const original = await clipIn(request, (await createClip(request, originalPrompt)).id, "completed");
    const segment = await videoSeconds(request, original);

    await page.goto("/");
    const originalCard = clipCard(page, originalPrompt);
    await cardMainAction(originalCard, "Extend");
    const dialog = page.getByRole("dialog", { name: "Extend clip" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("textbox", { name: "Prompt" })).toBeFocused();
    // The composer's own pieces: the clip's end → an optional end keyframe tile, the prompt, the settings.
    await expect(
      dialog.getByRole("img", { name: "Where the extension starts: the end of this clip" }),
    ).toBeVisible();
    await expect(dialog.getByRole("button", { name: "End keyframe (optional)", exact: true })).toBeVisible();
    await expect(dialog.getByRole("switch", { name: "Enhance prompt" })).not.toBeChecked();
    await expect(
      dialog.getByText("The model, aspect ratio and resolution stay those of the original clip."),
    ).toBeVisible();
    await expect(dialog.getByText("16:9", { exact: true })).toBeVisible();
    const childPrompt = uniquePrompt("The kite string snaps and it flies away");
    await dialog.getByRole("textbox", { name: "Prompt" }).fill(childPrompt);
    await screenshotAll(page, "extend-dialog");
    await dialog.getByRole("button", { name: "Extend", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expectAnnounced(
      page,
      "Extension on its way",
      "Extension started. It appears at the top of Your clips.",
    );

    const [childTask] = await tasksWithPrompt(request, childPrompt);
    if (!childTask) throw new Error("the extension was not listed");
    expect(childTask).toMatchObject({ kind: "extend", parentId: original.id, aspectRatio: "16:9" });
    const child = await clipIn(request, childTask.id, "completed");
    const childSeconds = await videoSeconds(request, child);
    expect(Math.abs(childSeconds - (segment + segment))).toBeLessThan(0.3);

    // The upstream was asked to extend the parent's own upstream id.
    const extendCalls = (await upstreamLog(request)).filter((entry) => entry.route === "relay.extend");
    expect(extendCalls.map((entry) => entry.path)).toContain(
      `/luma/generations/${original.upstreamId}/extend`,
    );

    // The child's card links to its parent, which opens in the viewer; the parent counts its extension.
    const childCard = clipCard(page, childPrompt);
    await childCard.hover();
    await expect(childCard.getByRole("button", { name: "Extend", exact: true })).toBeVisible();
    await expect(childCard.getByLabel(/^Video: /)).toBeVisible();
    const parentLink = childCard.getByRole("link", { name: `“${originalPrompt}”` });
    await expect(parentLink).toHaveAttribute("href", `/clips/${original.id}`);
    await expect(childCard.getByText("Extended from")).toBeVisible();
    // Its settings name its length like any clip's (an extension asks for no duration of its own).
    await expect(childCard.getByRole("list", { name: "Settings" })).toContainText(
      `${Math.round(childSeconds)} s`,
    );
    await parentLink.click();
    const parentViewer = viewerDialog(page, originalPrompt);
    await expect(parentViewer.getByText("Grew into")).toBeVisible();
    await expect(parentViewer.getByRole("button", { name: `“${childPrompt}”` })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(parentViewer).toBeHidden();
    await expect(originalCard.getByText("1 extension")).toBeVisible();

    // The family plays as one film in the viewer: a segment per clip, original first.
    await childCard.getByRole("link", { name: "Watch the family as one film" }).click();
    const family = viewerDialog(page, childPrompt);
    const versions = family.getByRole("list", { name: "Segments, in film order" }).getByRole("button");
    await expect(versions).toHaveCount(2);
    await expect(versions.nth(0)).toHaveAccessibleName(`Segment 1: ${originalPrompt}`);
    await expect(versions.nth(1)).toHaveAccessibleName(new RegExp(`^Segment 2: ${childPrompt}`));
    const scrubber = family.getByRole("slider", { name: "Position in the film" });
    expect(Math.abs(Number(await scrubber.getAttribute("max")) - childSeconds)).toBeLessThan(0.3);
    await page.keyboard.press("Escape");
    await expect(family).toBeHidden();

    // Extending the extension: a third generation, one more segment.
    await cardMainAction(childCard, "Extend");
    const grandPrompt = uniquePrompt("The kite lands in the sea");
    await dialog.getByRole("textbox", { name: "Prompt" }).fill(grandPrompt);
    await dialog.getByRole("button", { name: "Extend", exact: true }).click();
    await expect(dialog).toBeHidden();
    const [grandTask] = await tasksWithPrompt(request, grandPrompt);
    if (!grandTask) throw new Error("the second extension was not listed");
    const grand = await clipIn(request, grandTask.id, "completed");
    expect(grand).toMatchObject({ kind: "extend", parentId: child.id });
    expect(Math.abs((await videoSeconds(request, grand)) - (childSeconds + segment))).toBeLessThan(0.3);
    expect((await upstreamLog(request)).map((entry) => entry.path)).toContain(
      `/luma/generations/${child.upstreamId}/extend`,
    );

    const grandCard = clipCard(page, grandPrompt);
    await expect(grandCard.getByLabel(/^Video: /)).toBeVisible();
    await grandCard.getByRole("link", { name: "Watch the family as one film" }).click();
    const grandFamily = viewerDialog(page, grandPrompt);
    const segments = grandFamily.getByRole("list", { name: "Segments, in film order" }).getByRole("button");
    await expect(segments).toHaveCount(3);
    await expect(segments.nth(0)).toContainText(originalPrompt);
    await expect(segments.nth(1)).toContainText(childPrompt);
    await expect(segments.nth(2)).toContainText(grandPrompt);
    // A run of extensions plays from the last one's file, which holds the whole chain.
    await expect(grandFamily.locator("video")).toHaveCount(1);
    await screenshotAll(page, "family-view");
    await page.keyboard.press("Escape");
    await screenshotAll(page, "lineage-cards", grandCard);
  });

  test("the dialog keeps focus inside, closes on Escape and gives focus back to Extend", async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    const prompt = uniquePrompt("Lanterns rising over a lake");
    await clipIn(request, (await createClip(request, prompt)).id, "completed");
    await page.goto("/");
    const card = clipCard(page, prompt);
    await cardMainAction(card, "Extend");
    const extend = card.getByRole("button", { name: "Extend", exact: true });
    const dialog = page.getByRole("dialog", { name: "Extend clip" });
    await expect(dialog).toBeVisible();
    for (let step = 0; step < 14; step++) {
      await page.keyboard.press("Tab");
      await expect(dialog.locator(":focus")).toHaveCount(1);
    }
    for (let step = 0; step < 4; step++) {
      await page.keyboard.press("Shift+Tab");
      await expect(dialog.locator(":focus")).toHaveCount(1);
    }
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(extend).toBeFocused();
  });
});

test.describe("extend API refusals", () => {
  test("refused with a clear reason for a running clip, a failed clip and an unknown id", async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const blocked = `blockedword${Date.now().toString(36)}`;
    // Media that never arrives keeps a clip running; a blocked word makes the render fail.
    await setFaults(request, { urlDelayMs: 600_000, blockedWords: [blocked] });
    try {
      const runningPrompt = uniquePrompt("A clip that is still rendering");
      const running = await createClip(request, runningPrompt);
      const failedPrompt = uniquePrompt(`A clip with ${blocked}`);
      const failed = await clipIn(request, (await createClip(request, failedPrompt)).id, "failed");

      const extend = (id: string) =>
        request.post(`/api/generations/${id}/extend`, { data: { prompt: "and then it rains" } });

      const whileRunning = await extend(running.id);
      expect(whileRunning.status()).toBe(409);
      expect(ErrorSchema.parse(await whileRunning.json()).error).toMatchObject({
        code: "conflict",
        message: expect.stringMatching(/still rendering .*can be extended once it is finished/),
      });
      const afterFailure = await extend(failed.id);
      expect(afterFailure.status()).toBe(409);
      expect(ErrorSchema.parse(await afterFailure.json()).error).toMatchObject({
        code: "conflict",
        message: expect.stringMatching(/failed, so it has no video to be extended/),
      });
      const unknown = await extend("t_no-such-clip");
      expect(unknown.status()).toBe(404);
      expect(ErrorSchema.parse(await unknown.json()).error.code).toBe("not_found");
      const continued = await request.post(`/api/generations/${failed.id}/continue`, {
        data: { prompt: "from the last frame" },
      });
      expect(continued.status()).toBe(409);

      // The cards agree without a request: neither offers Extend, on the card or in its menu.
      await page.goto("/");
      for (const prompt of [runningPrompt, failedPrompt]) {
        const card = clipCard(page, prompt);
        await card.hover();
        await expect(card.getByRole("button", { name: "Extend", exact: true })).toHaveCount(0);
        await card.getByTestId("clip-menu").click();
        await expect(page.getByRole("menu")).toBeVisible();
        await expect(page.getByRole("menuitem", { name: "Extend", exact: true })).toHaveCount(0);
        await expect(page.getByRole("menuitem", { name: "Continue from last frame" })).toHaveCount(0);
        await page.keyboard.press("Escape");
      }
      await screenshotAll(page, "extend-unavailable", clipCard(page, failedPrompt));
    } finally {
      await setFaults(request, { urlDelayMs: 0, blockedWords: [] });
    }
  });
});
