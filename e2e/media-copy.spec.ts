import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { TaskSchema } from "@/lib/shared/task";
import { getTask, simulatorFaults } from "./fixtures/clips";
import { screenshotAll } from "./fixtures/lineage";

/**
 * A finished clip the studio could not copy says so on its card: the provider's links expire, so the
 * creator must know it will stop playing. The simulator's links here expire as soon as they are issued
 * (403), which the studio takes as final on the second try, about 10 s after the first.
 */
test.describe("a clip that is not saved", () => {
  test.setTimeout(150_000);

  test("says 'not saved yet · retrying', then why it could not be saved, in English and Chinese", async ({
    page,
    request,
  }) => {
    await simulatorFaults(request, { mediaTtlMs: 1 });
    try {
      const prompt = `A paper boat on a puddle ${Date.now().toString(36)}`;
      const created = await request.post("/api/generations", {
        headers: { "idempotency-key": `e2e-copy-${randomBytes(8).toString("hex")}` },
        data: { prompt, aspectRatio: "16:9" },
      });
      expect(created.status()).toBe(201);
      const { id } = TaskSchema.parse(await created.json());
      await expect
        .poll(async () => (await getTask(request, id)).copy?.status ?? "none", { timeout: 90_000 })
        .toBe("retrying");

      await page.goto("/");
      const note = page.getByRole("article", { name: `Clip: ${prompt}` }).getByTestId("copy-status");
      await expect(note).toHaveText("Not saved yet · retrying");
      // The second refusal ends it; the open page hears of it without a reload.
      await expect(note).toHaveText(/^Could not be saved: video: upstream answered HTTP 403/, {
        timeout: 60_000,
      });
      await screenshotAll(page, "copy-not-saved", note);
      expect(await getTask(request, id)).toMatchObject({
        copy: { status: "failed" },
        video: { stored: false },
      });

      await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: page.url() }]);
      await page.reload();
      await expect(page.locator(`[data-task-id="${id}"]`).getByTestId("copy-status")).toHaveText(
        /^无法保存：video: upstream answered HTTP 403/,
      );
    } finally {
      await simulatorFaults(request, { mediaTtlMs: null });
    }
  });
});
