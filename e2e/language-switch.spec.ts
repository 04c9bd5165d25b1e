import { expect, test } from "@playwright/test";
import { share, storedClip } from "./fixtures/clips";
import { openStudio } from "./fixtures/gallery";

/** An English browser picks Chinese in the header: the page follows at once, and the choice is kept. */
test.use({ locale: "en-US" });

test("the header's language switch changes the studio and is remembered across visits", async ({
  page,
  request,
  context,
}) => {
  const clip = await storedClip(request, `A quiet harbour at dawn ${Date.now().toString(36)}`);
  const { url: shareUrl } = await share(request, clip.id);

  await openStudio(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  await expect(page.getByRole("heading", { name: "我的片段" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  // The form's client-side strings follow too, not only the server-rendered ones.
  await expect(
    page.getByRole("region", { name: "创作" }).getByRole("button", { name: "生成" }),
  ).toBeVisible();

  await page.reload();
  await expect(page.getByRole("heading", { name: "我的片段" })).toBeVisible();
  const cookie = (await context.cookies()).find((entry) => entry.name === "NEXT_LOCALE");
  expect(cookie?.value).toBe("zh-CN");
  await page.goto(shareUrl);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("link", { name: "下载" })).toBeVisible();

  await openStudio(page);
  await page.getByRole("combobox", { name: "语言" }).selectOption("en");
  await expect(page.getByRole("heading", { name: "Your clips" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
