import { type Browser, expect, type Page, test } from "@playwright/test";
import {
  createTask,
  type ExtraStudio,
  getTask,
  setFaults,
  simState,
  startExtraStudio,
} from "./fixtures/extra-studio";
import { clipCard } from "./fixtures/gallery";

/**
 * The upstream is asked about each running task once per interval, however many pages watch it. Two
 * runs on the same timeline (3 tasks, a 10 s window starting 5 s after submit): one page, then five.
 * Webhooks are dropped so that polling is the only way tasks move and the counts mean something.
 */

const WINDOW_MS = 10_000;
const WINDOW_STARTS_AFTER_MS = 5_000;

interface Run {
  polls: number[];
  /** Changes-feed requests each page started during the window, plus one held open across its start. */
  pageReads: number[];
}

async function measure(browser: Browser, url: string, pageCount: number, label: string): Promise<Run> {
  const submittedAt = Date.now();
  const tasks = await Promise.all(
    ["harbour", "meadow", "canyon"].map((place) => createTask(url, `${label}: a slow pan over a ${place}`)),
  );
  const context = await browser.newContext();
  const reads: number[] = Array(pageCount).fill(0);
  const open: number[] = Array(pageCount).fill(0);
  const pages: Page[] = [];
  const isFeed = (request: { url(): string }) => request.url().includes("/api/generations/changes");
  for (let index = 0; index < pageCount; index++) {
    const page = await context.newPage();
    page.on("request", (request) => {
      if (!isFeed(request)) return;
      reads[index] = (reads[index] ?? 0) + 1;
      open[index] = (open[index] ?? 0) + 1;
    });
    const settled = (request: { url(): string }) => {
      if (isFeed(request)) open[index] = (open[index] ?? 1) - 1;
    };
    page.on("requestfinished", settled);
    page.on("requestfailed", settled);
    pages.push(page);
  }
  await Promise.all(pages.map((page) => page.goto(url)));
  for (const page of pages) for (const task of tasks) await expect(clipCard(page, task.prompt)).toBeVisible();

  // Fixed waits are the measurement itself here: the same time window for both runs.
  await pages[0]!.waitForTimeout(Math.max(0, submittedAt + WINDOW_STARTS_AFTER_MS - Date.now()));
  const ids = tasks.map((task) => task.upstreamId ?? "");
  const before = (await simState(url)).counters.tasks;
  // A long poll held open across the window's start counts as a read in it.
  const readsBefore = reads.map((count, index) => count - Math.min(1, open[index] ?? 0));
  await pages[0]!.waitForTimeout(WINDOW_MS);
  const after = (await simState(url)).counters.tasks;
  const pageReads = reads.map((count, index) => count - (readsBefore[index] ?? 0));
  for (const task of tasks) expect((await getTask(url, task.id)).state).not.toBe("completed");
  await context.close();
  // Let the queue empty so the next run starts from the same place.
  for (const task of tasks) {
    await expect.poll(async () => (await getTask(url, task.id)).state, { timeout: 90_000 }).toBe("completed");
  }
  return { polls: ids.map((id) => (after[id] ?? 0) - (before[id] ?? 0)), pageReads };
}

test.describe("one upstream poll per task, whoever is looking", () => {
  let studio: ExtraStudio | undefined;
  test.afterAll(async () => {
    await studio?.remove();
  });

  test("five open pages cause the same upstream polls per task as one page", async ({ browser }) => {
    test.setTimeout(300_000);
    // Slow timings (7.5 s queued, 20 s or more rendering) keep all three tasks running through the
    // window, even when opening five pages takes a busy machine several seconds.
    studio = await startExtraStudio(64, { SIMULATOR_SPEED: "0.2" });
    await setFaults(studio.url, { hooks: { dropRate: 1 } });

    const one = await measure(browser, studio.url, 1, "one page");
    const five = await measure(browser, studio.url, 5, "five pages");
    test.info().annotations.push({
      type: "polls per task in 10 s",
      description: `1 page: ${one.polls.join(", ")}; 5 pages: ${five.polls.join(", ")}; page reads: ${five.pageReads.join(", ")}`,
    });

    // The pages really were live: each had the changes feed open in the window (a long poll answers
    // when a task moves, so how often depends on the tasks, not on a timer).
    expect(five.pageReads.every((count) => count >= 1)).toBe(true);
    expect(one.polls.every((count) => count >= 1)).toBe(true);
    // Within one poll interval per task, and never more in total than one page caused, plus that margin.
    const total = (polls: number[]) => polls.reduce((sum, count) => sum + count, 0);
    expect(Math.abs(total(five.polls) - total(one.polls))).toBeLessThanOrEqual(3);
    expect(Math.max(...five.polls)).toBeLessThanOrEqual(Math.max(...one.polls) + 1);
  });
});
