import { expect, test } from "@playwright/test";
import { shortPrompt } from "@/lib/shared/short-prompt";
import { expectAnnounced, watchAnnouncements } from "./fixtures/announce";
import { createForm } from "./fixtures/create-form";
import { type ExtraStudio, startExtraStudio } from "./fixtures/extra-studio";
import { clipCard } from "./fixtures/gallery";

// Every result the page says is kept, so a test can ask what was said once.
test.beforeEach(({ page }) => watchAnnouncements(page));

/**
 * What a creator sees on a first visit and while a clip renders, on a studio of its own (an empty
 * gallery, and a simulator slow enough to watch): example prompts that fill the form, a toast for the
 * action, a render progress bar that moves, and a relative time once the clip is ready.
 */

let studio: ExtraStudio;

test.beforeAll(async () => {
  // Slow enough to watch: the bar follows the upstream's estimate, which it gives only while the clip
  // is queued (6 s here), and the live feed shows the start of rendering as soon as it happens.
  studio = await startExtraStudio(73, { SIMULATOR_SPEED: "0.25" });
});
test.afterAll(async () => {
  await studio?.remove();
});

test("an example prompt fills the form; the clip's toast, progress bar and relative time follow", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const form = createForm(page);
  await page.goto(studio.url);

  const examples = form.gallery.getByRole("list");
  await expect(form.gallery.getByText("Try an example")).toBeVisible();
  const example = examples.getByRole("button").first();
  const text = (await example.textContent())?.trim() ?? "";
  expect(text.length).toBeGreaterThan(20);
  await example.click();
  await expect(form.prompt).toHaveValue(text);
  await expect(form.prompt).toBeFocused();

  await form.generate.click();
  // A toast for the eye and one sentence in the live region for the ear; the form keeps nothing.
  await expectAnnounced(
    page,
    "Clip started",
    `Clip started: “${shortPrompt(text)}”. It will appear in Your clips.`,
  );
  await expect(form.region).not.toContainText("Clip started");

  const card = clipCard(page, text);
  const bar = card.getByRole("progressbar", { name: "Render progress" });
  await expect(bar).toBeVisible();
  const value = () =>
    bar.evaluate((element: HTMLProgressElement) => (element.position >= 0 ? element.value : -1));
  await expect.poll(value, { timeout: 60_000 }).toBeGreaterThan(0);
  const first = await value();
  await expect.poll(value, { timeout: 60_000 }).toBeGreaterThan(first);

  await expect(card.getByTestId("task-state")).toHaveText("Ready", { timeout: 120_000 });
  await expect(card.getByRole("progressbar")).toHaveCount(0);
  await expect(card.locator("time")).toHaveText(/now|sec\. ago|min\. ago/);
  await expect(card.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
});
