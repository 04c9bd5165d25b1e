import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "../../e2e/support/chromium";
import type { Studio } from "./harness";
import { createTask, setFaults, taskState, upstreamCountsPerTask } from "./in-app";

/**
 * Upstream polls per running task per minute while N real Chromium pages watch the gallery. Webhooks are
 * dropped so polling is the only way tasks move (the worst case for the upstream).
 */

const WINDOW_MS = 12_000;
const TASKS = 3;

export interface PollRun {
  pages: number;
  pollsPerTaskPerMinute: number;
  apiReadsPerPagePerMinute: number;
}

export async function measurePolls(studio: Studio, pageCounts: readonly number[]): Promise<PollRun[]> {
  await setFaults(studio.url, { hooks: { dropRate: 1 } });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
  const runs: PollRun[] = [];
  try {
    for (const pageCount of pageCounts) {
      const tasks = await Promise.all(
        Array.from({ length: TASKS }, (_, index) =>
          createTask(studio.url, `bench ${pageCount} pages, clip ${index}`),
        ),
      );
      const context = await browser.newContext();
      let reads = 0;
      context.on("request", (request) => {
        if (request.url().includes("/api/generations")) reads++;
      });
      const pages = await Promise.all(Array.from({ length: pageCount }, () => context.newPage()));
      await Promise.all(pages.map((page) => page.goto(studio.url)));
      const before = await upstreamCountsPerTask(studio.url);
      const readsBefore = reads;
      await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
      const after = await upstreamCountsPerTask(studio.url);
      const readsInWindow = reads - readsBefore;
      await context.close();
      const polls = tasks.map((task) => (after[task.upstreamId] ?? 0) - (before[task.upstreamId] ?? 0));
      const perMinute = 60_000 / WINDOW_MS;
      runs.push({
        pages: pageCount,
        pollsPerTaskPerMinute: (polls.reduce((sum, count) => sum + count, 0) / TASKS) * perMinute,
        apiReadsPerPagePerMinute: (readsInWindow / pageCount) * perMinute,
      });
      // The next run starts with an empty render queue, like this one did.
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline) {
        const states = await Promise.all(tasks.map((task) => taskState(studio.url, task.id)));
        if (states.every((state) => state === "completed" || state === "failed")) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  } finally {
    await browser.close();
  }
  return runs;
}
