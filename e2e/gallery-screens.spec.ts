import { expect, test } from "@playwright/test";
import { clipCard, openStudio } from "./fixtures/gallery";

const FAULTS = "/api/simulator/_sim/faults?merge=1";
const simAuth = { authorization: "Bearer e2e-simulator-token" };

/** Screenshots of the gallery with a finished, a failed and a waiting clip, wide and phone, light and dark. */
test("gallery screenshots: desktop and 375 px, light and dark", async ({ page, request }) => {
  test.setTimeout(90_000);
  const run = Date.now().toString(36);
  const create = (prompt: string, data: Record<string, unknown> = {}) =>
    request.post("/api/generations", {
      headers: { "idempotency-key": crypto.randomUUID() },
      data: { prompt, aspectRatio: "16:9", ...data },
    });
  await create(`A red fox crossing a frozen river at dawn ${run}`);
  await request.post(FAULTS, { headers: simAuth, data: { blockedWords: ["forbidden"] } });
  await create(`A forbidden door in a sunlit corridor ${run}`, { aspectRatio: "1:1" });
  await openStudio(page);
  await expect(
    clipCard(page, `A red fox crossing a frozen river at dawn ${run}`).getByTestId("task-state"),
  ).toHaveText("Ready", { timeout: 60_000 });
  await expect(
    clipCard(page, `A forbidden door in a sunlit corridor ${run}`).getByTestId("task-state"),
  ).toHaveText("Failed", { timeout: 30_000 });
  // Polls fail and webhooks are dropped, so the next clip stays waiting while the screenshots are taken.
  await request.post(FAULTS, {
    headers: simAuth,
    data: {
      blockedWords: [],
      hooks: { dropRate: 1 },
      rules: [{ kind: "http500", rate: 1, route: "relay.batch" }],
    },
  });
  try {
    await create(`Waves folding over black sand, slow motion ${run}`, { aspectRatio: "9:16" });
    await openStudio(page);
    await expect(
      clipCard(page, `A red fox crossing a frozen river at dawn ${run}`).getByTestId("task-state"),
    ).toHaveText("Ready", { timeout: 30_000 });
    await expect(
      clipCard(page, `A forbidden door in a sunlit corridor ${run}`).getByTestId("task-state"),
    ).toHaveText("Failed");
    await expect(
      clipCard(page, `Waves folding over black sand, slow motion ${run}`).getByTestId("task-timing"),
    ).toHaveText(/elapsed/);
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1440, height: 1000 });
      await page.screenshot({ path: `test-results/artifacts/gallery-desktop-${scheme}.png` });
      await page.setViewportSize({ width: 375, height: 812 });
      await page.getByRole("heading", { name: "Your clips" }).scrollIntoViewIfNeeded();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-results/artifacts/gallery-phone-${scheme}.png` });
    }
  } finally {
    await request.post(FAULTS, {
      headers: simAuth,
      data: { rules: [], hooks: { dropRate: 0 } },
    });
  }
});
