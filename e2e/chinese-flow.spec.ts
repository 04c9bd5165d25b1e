import { expect, test } from "@playwright/test";
import { shortPrompt } from "@/lib/shared/short-prompt";
import { expectAnnounced, watchAnnouncements } from "./fixtures/announce";
import { openStudio } from "./fixtures/gallery";

// Every result the page says is kept, so a test can ask what was said once.
test.beforeEach(({ page }) => watchAnnouncements(page));

/**
 * The whole generate → extend → share flow in Simplified Chinese, chosen by the browser's
 * Accept-Language alone (no cookie), with every control found by its Chinese name.
 */
test.use({ locale: "zh-CN", extraHTTPHeaders: { "accept-language": "zh-CN,zh;q=0.9" } });

test("generate, extend and share a clip with the studio in Chinese", async ({ page }) => {
  test.setTimeout(180_000);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await openStudio(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "我的片段" })).toBeVisible();

  const prompt = `雨中的灯塔，海浪拍打礁石 ${Date.now().toString(36)}`;
  const form = page.getByRole("region", { name: "创作" });
  await form.getByRole("textbox", { name: "提示词" }).fill(prompt);
  await form.getByRole("button", { name: "生成" }).click();
  await expectAnnounced(
    page,
    "片段已开始生成",
    `片段已开始生成：“${shortPrompt(prompt)}”。它会出现在“我的片段”中。`,
  );
  await expect(form).not.toContainText("片段已开始生成");

  const card = page.getByRole("article", { name: `片段：${prompt}` });
  await expect(card.getByTestId("task-state")).toHaveText("已完成", { timeout: 90_000 });
  await expect(card.locator("time")).toHaveAttribute("title", /用时/);
  await expect(card.locator("time")).toHaveText(/前|现在|秒/);

  await card.hover();
  await expect(card.getByRole("list", { name: "设置" })).toContainText("5 秒");
  await card.getByRole("button", { name: "延长", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "延长片段" });
  const childPrompt = `灯塔的光扫过夜空 ${Date.now().toString(36)}`;
  await dialog.getByRole("textbox", { name: "提示词" }).fill(childPrompt);
  await dialog.getByRole("button", { name: "延长", exact: true }).click();
  await expectAnnounced(page, "延长已开始", "已开始延长。它会出现在“我的片段”顶部。");

  const child = page.getByRole("article", { name: `片段：${childPrompt}` });
  await expect(child.getByTestId("task-state")).toHaveText("已完成", { timeout: 90_000 });
  await expect(child.getByText("延长自")).toBeVisible();
  // An extension names its length like any clip, in the page's words.
  await expect(child.getByRole("list", { name: "设置" })).toContainText("10 秒");

  await child.hover();
  await child.getByRole("button", { name: "分享" }).click();
  const panel = page.getByRole("dialog", { name: "分享这个片段" });
  await expectAnnounced(page, "分享链接已复制到剪贴板", "分享链接已复制到剪贴板。");
  const link = await panel.getByRole("textbox", { name: "分享链接" }).inputValue();
  await page.goto(link);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: childPrompt })).toBeVisible();
  await expect(page.getByRole("link", { name: "下载" })).toBeVisible();
  await expect(page.locator("script")).toHaveCount(0);
});
