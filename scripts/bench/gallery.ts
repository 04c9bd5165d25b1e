/**
 * Gallery benchmark: `npx tsx scripts/bench/gallery.ts` (after `npm run build`).
 * 1. Upstream polls per task per minute with 1 and with 10 real Chromium pages open on the studio.
 * 2. p50/p95 of `GET /api/generations` (and the changes feed) with 10,000 tasks in the embedded database.
 * 3. Scrolling that gallery in Chromium with 480 cards loaded (long tasks, frame intervals).
 * Uses ports BENCH_PORT and BENCH_PORT+1 (default 3690) and temp folders; about two minutes.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { seed, timeGalleryApi } from "./gallery-api";
import { measureScroll } from "./gallery-scroll";
import { startStudio } from "./harness";
import { measurePolls } from "./polls";

const port = Number(process.env.BENCH_PORT ?? 3690);
const TASKS = 10_000;

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "luma-bench-gallery-"));
  try {
    const live = await startStudio({
      port,
      env: {
        DATABASE_URL: `pglite:${dir}/live/db`,
        MEDIA_DIR: `${dir}/live/media`,
        SIMULATOR_DIR: `${dir}/live/sim`,
        // Slow renders (3.75 s queued, 10 s or more rendering) keep tasks running through the window.
        SIMULATOR_SPEED: "0.4",
      },
    });
    try {
      console.log("Upstream polls per running task per minute (3 tasks, 12 s window, webhooks dropped):");
      for (const run of await measurePolls(live, [1, 10])) {
        console.log(
          `  ${String(run.pages).padStart(2)} page(s): ${run.pollsPerTaskPerMinute.toFixed(1)} polls/task/min; ` +
            `each page read our API ${run.apiReadsPerPagePerMinute.toFixed(0)}×/min`,
        );
      }
    } finally {
      await live.stop();
    }

    const seeded = Date.now();
    await seed(`${dir}/big/db`, TASKS);
    console.log(
      `\nSeeded ${TASKS.toLocaleString("en")} tasks in ${((Date.now() - seeded) / 1000).toFixed(1)} s`,
    );
    const big = await startStudio({
      port: port + 1,
      env: {
        DATABASE_URL: `pglite:${dir}/big/db`,
        MEDIA_DIR: `${dir}/big/media`,
        SIMULATOR_DIR: `${dir}/big/sim`,
      },
    });
    try {
      console.log(
        "GET /api/generations with 10,000 tasks (ms; 60 sequential, then 10 rounds of 10 at once):",
      );
      for (const timing of await timeGalleryApi(big)) {
        console.log(
          `  ${timing.name.padEnd(34)} p50 ${timing.p50.toFixed(1).padStart(6)}  p95 ${timing.p95.toFixed(1).padStart(6)}  (${timing.requests} requests)`,
        );
      }
      const scroll = await measureScroll(big, 480);
      console.log(
        `\nScrolling the gallery in Chromium: ${scroll.cards} cards loaded by infinite scroll in ` +
          `${scroll.loadSeconds.toFixed(1)} s (${scroll.domNodes.toLocaleString("en")} DOM nodes); scrolling back ` +
          `up a screen per frame: ${scroll.longTasks} long tasks (longest ${scroll.longestTaskMs.toFixed(0)} ms), ` +
          `frame interval p50 ${scroll.frameP50Ms.toFixed(1)} ms, p95 ${scroll.frameP95Ms.toFixed(1)} ms`,
      );
    } finally {
      await big.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
