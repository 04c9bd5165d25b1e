import { expect, type Page, test } from "@playwright/test";
import { shortPrompt } from "@/lib/shared/short-prompt";
import { expectAnnounced, watchAnnouncements } from "./fixtures/announce";
import { getTask, storedClip } from "./fixtures/clips";
import { openStudio } from "./fixtures/gallery";

// Every result the page says is kept, so a test can ask what was said once.
test.beforeEach(({ page }) => watchAnnouncements(page));

const tag = () => Date.now().toString(36);
const card = (page: Page, prompt: string) =>
  page.getByRole("article", { name: `Clip: ${shortPrompt(prompt)}` });

test.describe("boards and favourites", () => {
  test("make a board from the header, rename it, add a clip from its menu, star and filter, delete the board", async ({
    page,
    request,
  }) => {
    const run = tag();
    const fox = await storedClip(request, `a red fox on a board ${run}`);
    const owl = await storedClip(request, `an owl left off the board ${run}`);
    const taken = await request.post("/api/boards", { data: { name: `Taken ${run}` } });
    expect(taken.status()).toBe(201);

    await openStudio(page);
    // The header's Boards menu names a new board in place and opens its page.
    await page.getByRole("button", { name: "Boards" }).click();
    await page.getByRole("menuitem", { name: "New board…" }).click();
    const name = page.getByRole("textbox", { name: "Board name" });
    await expect(name).toBeFocused();
    await name.press("Enter");
    await expect(page.getByRole("menu").getByRole("alert")).toHaveText("Give the board a name.");
    await name.fill(`Trailer ${run}`);
    await name.press("Enter");
    await expect(page).toHaveURL(/\/boards\/b_[\w-]+$/);
    const boardUrl = page.url();
    await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveText(`Trailer ${run}`);
    await expect(page.getByText("This board has no clips yet.")).toBeVisible();

    // Rename in place: a taken name is refused under the field, then a free one is kept.
    await page.getByRole("button", { name: "Rename" }).click();
    const field = page.getByRole("textbox", { name: "Rename board" });
    await field.fill(`taken ${run}`);
    await field.press("Enter");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      `A board named “taken ${run}” already exists. Choose another name.`,
    );
    await field.fill(`Night trailer ${run}`);
    await field.press("Enter");
    await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveText(
      `Night trailer ${run}`,
    );
    await expect(page.getByRole("button", { name: "Rename" })).toBeFocused();

    // Add the fox from its card's menu; the tick shows at once and stays.
    await page.getByRole("link", { name: "All clips" }).click();
    await expect(card(page, fox.prompt)).toBeVisible();
    await card(page, fox.prompt).getByRole("button", { name: "More actions" }).click();
    // By keyboard, as the menu is meant to be used: → opens the boards, Space ticks one.
    await page.getByRole("menuitem", { name: "Add to board" }).focus();
    await page.keyboard.press("ArrowRight");
    const tick = page.getByRole("menuitemcheckbox", { name: `Night trailer ${run}` });
    await expect(tick).toBeVisible();
    await tick.focus();
    await page.keyboard.press("Space");
    await expect(tick).toHaveAttribute("aria-checked", "true");
    await expectAnnounced(page, `Added to “Night trailer ${run}”.`, `Added to “Night trailer ${run}”.`);
    await page.keyboard.press("Escape");
    await expect.poll(async () => (await getTask(request, fox.id)).boardIds).toHaveLength(1);

    // The header lists it with its count and links to its page, which shows the fox and not the owl.
    await page.getByRole("button", { name: "Boards" }).click();
    const entry = page.getByRole("menuitem", { name: new RegExp(`Night trailer ${run}`) });
    await expect(entry).toContainText("1 clip");
    await entry.click();
    await expect(page).toHaveURL(boardUrl);
    await expect(card(page, fox.prompt)).toBeVisible();
    await expect(card(page, owl.prompt)).toHaveCount(0);
    await expect(page.getByText("1 clip", { exact: true })).toBeVisible();

    // Star the owl in the studio and filter by ★: only starred clips stay, and the star survives a reload.
    await page.goto("/");
    const star = card(page, owl.prompt).getByRole("button", { name: "Favourite" });
    await star.click();
    await expect(star).toHaveAttribute("aria-pressed", "true");
    await expect.poll(async () => (await getTask(request, owl.id)).favourite).toBe(true);
    await page.getByRole("button", { name: "Favourites", exact: true }).click();
    await expect(card(page, owl.prompt)).toBeVisible();
    await expect(card(page, fox.prompt)).toHaveCount(0);
    await page.reload();
    await expect(card(page, owl.prompt).getByRole("button", { name: "Favourite" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );

    // Delete the board from its page: confirm, back to the studio, the fox is still there.
    await page.goto(boardUrl);
    await page.getByRole("button", { name: "Delete board" }).click();
    const dialog = page.getByRole("dialog", { name: `Delete “Night trailer ${run}”?` });
    await expect(dialog).toContainText("Its clip stays in Your clips.");
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await dialog.getByRole("button", { name: "Delete board" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(card(page, fox.prompt)).toBeVisible();
    expect((await getTask(request, fox.id)).boardIds).toEqual([]);
    expect((await request.get(boardUrl.replace(/.*\/boards\//, "/api/boards/"))).status()).toBe(404);
    expect((await page.request.get(boardUrl)).status()).toBe(404);
  });

  test("a star set in one tab reaches another through the live feed, and un-starring leaves the ★ list", async ({
    page,
    context,
    request,
  }) => {
    const run = tag();
    const clip = await storedClip(request, `a heron starred elsewhere ${run}`);
    await openStudio(page);
    await page.getByRole("button", { name: "Favourites", exact: true }).click();
    await expect(card(page, clip.prompt)).toHaveCount(0);

    const other = await context.newPage();
    await openStudio(other);
    await card(other, clip.prompt).getByRole("button", { name: "Favourite" }).click();
    await expect(card(page, clip.prompt)).toBeVisible({ timeout: 30_000 });
    await expect(card(page, clip.prompt).getByRole("button", { name: "Favourite" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    // Un-starring under the ★ filter takes it out of that list.
    await card(page, clip.prompt).getByRole("button", { name: "Favourite" }).click();
    await expect(card(page, clip.prompt)).toHaveCount(0);
  });
});
