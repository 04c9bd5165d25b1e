import { expect, test } from "@playwright/test";
import { clipCard, openStudio } from "./fixtures/gallery";

const FAULTS = "/api/simulator/_sim/faults?merge=1";
const simAuth = { authorization: "Bearer e2e-simulator-token" };

/**
 * Screenshots of the gallery with finished clips of three shapes, a failed and a waiting clip, at three
 * sizes, light and dark, English and Chinese. Each tile has its clip's own shape (a 9:16 clip is tall,
 * not letterboxed) and nothing runs off the side.
 */
test("gallery screenshots: 1440, 1024 and 375 px, light and dark, en and zh-CN", async ({
  page,
  request,
}) => {
  test.setTimeout(400_000);
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
  ).toHaveText("Ready", { timeout: 120_000 });
  await expect(
    clipCard(page, `A forbidden door in a sunlit corridor ${run}`).getByTestId("task-state"),
  ).toHaveText("Failed", { timeout: 120_000 });
  // Two more shapes, made before the waiting clip: 9:16 and 1:1.
  await create(`A lighthouse keeper climbing a spiral stair, seen from below ${run}`, {
    aspectRatio: "9:16",
  });
  await create(`A bowl of ramen steaming under a paper lantern ${run}`, { aspectRatio: "1:1" });
  for (const prompt of [
    `A lighthouse keeper climbing a spiral stair, seen from below ${run}`,
    `A bowl of ramen steaming under a paper lantern ${run}`,
  ]) {
    await expect
      .poll(
        async () =>
          (
            await (
              await request.get(`/api/generations?state=completed&q=${encodeURIComponent(prompt)}`)
            ).json()
          ).tasks.length,
        { timeout: 200_000 },
      )
      .toBe(1);
  }
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
    const tall = clipCard(page, `A lighthouse keeper climbing a spiral stair, seen from below ${run}`);
    await expect(tall.getByTestId("task-state")).toHaveText("Ready", { timeout: 60_000 });
    const square = clipCard(page, `A bowl of ramen steaming under a paper lantern ${run}`);
    await expect(square.getByTestId("task-state")).toHaveText("Ready", { timeout: 60_000 });
    const poster = (card: typeof tall) =>
      card
        .getByRole("link", { name: /^Open clip: / })
        .boundingBox()
        .then((box) => box ?? { width: 0, height: 1 });
    const tallBox = await poster(tall);
    expect(tallBox.height / tallBox.width).toBeCloseTo(16 / 9, 1);
    const squareBox = await poster(square);
    expect(squareBox.height / squareBox.width).toBeCloseTo(1, 1);
    for (const locale of ["en", "zh-CN"] as const) {
      if (locale === "zh-CN") {
        await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: page.url() }]);
        await openStudio(page);
      }
      for (const scheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const [name, width, height] of [
          ["desktop", 1440, 900],
          ["laptop", 1024, 768],
          ["phone", 375, 812],
        ] as const) {
          await page.setViewportSize({ width, height });
          await page.locator("#gallery-heading").scrollIntoViewIfNeeded();
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow).toBeLessThanOrEqual(0);
          await page.screenshot({ path: `test-results/artifacts/gallery-${name}-${scheme}-${locale}.png` });
        }
      }
    }
  } finally {
    await request.post(FAULTS, {
      headers: simAuth,
      data: { rules: [], hooks: { dropRate: 0 } },
    });
  }
});
