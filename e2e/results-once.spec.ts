import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { shortPrompt } from "@/lib/shared/short-prompt";
import { expectAnnounced, toasts, watchAnnouncements } from "./fixtures/announce";
import { storedClip } from "./fixtures/clips";
import { createForm, failedFromComposer } from "./fixtures/create-form";
import { clipCard, clipMenuAction, openStudio } from "./fixtures/gallery";
import { tasksWithPrompt } from "./fixtures/studio-api";
import { openClipLink, viewerDialog } from "./fixtures/viewer";

// Every result the page says is kept, so a test can ask what was said once.
test.beforeEach(({ page }) => watchAnnouncements(page));

/**
 * Every result is said once: one toast, one sentence in the live region a screen reader hears, and no
 * line left behind where the action was (composer, card, share panel, viewer); then both leave.
 */

const tag = () => Date.now().toString(36);

/**
 * Waits until the clip with this prompt has finished and its card shows it (so its own "ready" has been
 * said and cannot speak over the next result under test). The card may sit behind the viewer, hidden
 * from assistive technology, so it is found by its label rather than its role.
 */
async function finished(page: Page, request: APIRequestContext, prompt: string): Promise<void> {
  await expect
    .poll(async () => (await tasksWithPrompt(request, prompt)).map((task) => task.state).join(), {
      timeout: 90_000,
    })
    .toBe("completed");
  const card = page.locator(`article[aria-label="Clip: ${shortPrompt(prompt)}"]`);
  await expect(card.getByTestId("task-state")).toHaveText("Ready", { timeout: 30_000 });
}

test.describe("results are said once", () => {
  test("a started clip: a toast and the live region, nothing in the composer, and both leave", async ({
    page,
  }) => {
    await openStudio(page);
    const form = createForm(page);
    const prompt = `a paper boat on a puddle ${tag()}`;
    await form.prompt.fill(prompt);
    await form.generate.click();
    await expectAnnounced(
      page,
      "Clip started",
      `Clip started: “${shortPrompt(prompt)}”. It will appear in Your clips.`,
    );
    await expect(form.region).not.toContainText("Clip started");
    // Then it leaves: the toast after a few seconds, the region's sentence soon after. The clip may
    // finish meanwhile (the simulator is quick), and "Clip ready" then takes the region: it leaves too.
    await expect(toasts(page).getByText("Clip started", { exact: true })).toHaveCount(0, { timeout: 10_000 });
    const region = page.getByTestId("result-announcement");
    await expect(region).not.toHaveText(/^Clip started/, { timeout: 10_000 });
    await expect(region).toHaveText("", { timeout: 30_000 });
  });

  test("continue from a card, retry, and extend and delete in the viewer: each said once, nothing lingers", async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    const run = tag();
    const parent = await storedClip(request, `a lantern on a jetty ${run}`);
    const neighbour = await storedClip(request, `a heron in the reeds ${run}`);
    await openStudio(page);

    // Continue, from the card's menu: the dialog closes and the card holds no "started" line.
    await clipMenuAction(page, clipCard(page, parent.prompt), "Continue from last frame");
    const dialog = page.getByRole("dialog", { name: "Continue from last frame" });
    const continued = `the lantern drifts off ${run}`;
    await dialog.getByRole("textbox", { name: "Prompt" }).fill(continued);
    await dialog.getByRole("button", { name: "Start new clip" }).click();
    await expect(dialog).toBeHidden();
    await expectAnnounced(
      page,
      "New clip on its way from the last frame",
      "New clip started from the last frame. It appears at the top of Your clips.",
    );
    await expect(clipCard(page, parent.prompt)).not.toContainText("started");
    await finished(page, request, continued);

    // Retry a failed clip from its menu.
    const blocked = `a storm that fails at first ${run}`;
    await failedFromComposer(page, request, blocked);
    await clipMenuAction(page, clipCard(page, blocked), "Retry");
    await expectAnnounced(
      page,
      "Retry started",
      "Retry started; the new clip takes the failed clip's place.",
    );
    await finished(page, request, blocked);

    // Extend from the viewer: said once over the viewer, and its details keep no line about it.
    await openClipLink(page, neighbour.prompt).click();
    const viewer = viewerDialog(page, neighbour.prompt);
    await expect(viewer).toBeVisible();
    await viewer.getByRole("button", { name: "Extend", exact: true }).click();
    const extend = page.getByRole("dialog", { name: "Extend clip" });
    const extended = `the heron takes off ${run}`;
    await extend.getByRole("textbox", { name: "Prompt" }).fill(extended);
    await extend.getByRole("button", { name: "Extend", exact: true }).click();
    await expect(extend).toBeHidden();
    await expectAnnounced(
      page,
      "Extension on its way",
      "Extension started. It appears at the top of Your clips.",
    );
    await expect(viewer).not.toContainText("Extension started");
    await finished(page, request, extended);

    // Delete from the viewer: the confirmation closes (it must not ask about the next clip), the
    // viewer moves on, and the result is said once.
    await viewer.getByRole("button", { name: "Delete", exact: true }).click();
    const confirm = page.getByRole("dialog", { name: "Delete this clip?" });
    await confirm.getByRole("button", { name: "Delete clip" }).click();
    await expect(confirm).toBeHidden();
    await expect(viewer).toBeHidden();
    await expect(page.getByRole("dialog", { name: /^Clip: / })).toBeVisible();
    await expectAnnounced(page, "Clip deleted", `Clip deleted: “${shortPrompt(neighbour.prompt)}”.`);
  });
});
