/**
 * Studio figures against a standalone simulator: first-load JS, create API latency, a 12-megapixel upload
 * through the real form, upstream-completed → gallery-shows-video latency (polling and webhook), and the
 * server's memory after watching 1,000 tasks to completion.
 */
import { chromium, type Page } from "@playwright/test";
import { recordUploadSizes, type UploadSizes } from "../../e2e/fixtures/browser-files";
import { phonePhoto } from "../../e2e/fixtures/images";
import { CHROMIUM_ARGS, chromiumPath } from "../../e2e/support/chromium";
import { firstLoadJsKb } from "./bundle";
import {
  percentile,
  printRows,
  type Row,
  removeDir,
  startSimulator,
  startStudio,
  waitFor,
  waitUntilIdle,
} from "./harness";

const json = (body: unknown, key: string) => ({
  method: "POST",
  headers: { "content-type": "application/json", "idempotency-key": key },
  body: JSON.stringify(body),
});

async function createLatencies(url: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(
      `${url}/api/generations`,
      json({ prompt: `bench create ${i}`, aspectRatio: "16:9" }, `bench-create-${i}-${Date.now()}`),
    );
    await response.arrayBuffer();
    if (response.status !== 201) throw new Error(`create answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

/** Shares the first clip that finishes and measures its public page. */
async function sharePageJs(url: string) {
  const done = await waitFor(
    "a finished clip to share",
    async () => {
      const page = (await (await fetch(`${url}/api/generations?state=completed&limit=1`)).json()) as {
        tasks: { id: string }[];
      };
      return page.tasks[0];
    },
    120_000,
  );
  const shared = await fetch(`${url}/api/generations/${done.id}/share`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  const { token } = (await shared.json()) as { token: string };
  return firstLoadJsKb(`${url}/s/${token}`);
}

/**
 * Opens the studio and waits until it is hydrated: once the live feed has answered its first request
 * (the network is never idle, the feed is a long poll). A click before that is lost.
 */
async function openHydrated(page: Page, url: string): Promise<void> {
  const live = page.waitForResponse((response) => response.url().includes("/api/generations/changes"));
  await page.goto(url);
  await live;
}

async function uploadPhoto(
  url: string,
): Promise<{ sentBytes: number; seconds: number; originalBytes: number }> {
  const { buffer: photo } = await phonePhoto();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await recordUploadSizes(page);
    await openHydrated(page, url);
    const started = performance.now();
    // The start zone's own file input, as its picker would fill it.
    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles({ name: "phone.jpg", mimeType: "image/jpeg", buffer: photo });
    await page.getByText(/phone\.jpg · .*uploaded/).waitFor({ timeout: 60_000 });
    const sentBytes = await page.evaluate(() => (window as UploadSizes).__uploadBodySizes?.[0] ?? 0);
    return { sentBytes, seconds: (performance.now() - started) / 1000, originalBytes: photo.byteLength };
  } finally {
    await browser.close();
  }
}

/**
 * Creates tasks with a gallery page open; for each, the delay from the simulator finishing to the page
 * showing its video. Also counts the page's changes-feed requests: per minute over the run itself (a
 * run under a minute extrapolates its burst), and in the first full minute after the page opened
 * (the page stays open until then).
 */
async function showLatencies(
  url: string,
  simUrl: string,
  count: number,
): Promise<{ latencies: number[]; requestsPerMinute: number; runSeconds: number; firstMinute: number }> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const feedRequestTimes: number[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/generations/changes")) feedRequestTimes.push(Date.now());
    });
    const openedAt = Date.now();
    await openHydrated(page, url);
    await page.evaluate(() => {
      const seen: Record<string, number> = {};
      (window as unknown as { __seen: Record<string, number> }).__seen = seen;
      new MutationObserver(() => {
        for (const video of document.querySelectorAll("video[aria-label]")) {
          const label = video.getAttribute("aria-label") ?? "";
          seen[label] ??= Date.now();
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const prompts = Array.from({ length: count }, (_, i) => `show latency ${i} ${Date.now().toString(36)}`);
    // Created through the page's own form, as a creator would.
    // CSS locators, not role ones: a role query runs Playwright's accessibility engine over the whole
    // page on the browser's main thread (a third of a second per run in a profile), which a creator's
    // browser never does, and it landed between the live feed's answer and the video on screen.
    const form = page.locator('section[aria-labelledby="create-heading"]');
    for (const prompt of prompts) {
      await form.locator('textarea[name="prompt"]').fill(prompt);
      // The form's own POST answering is the clip started (the page says so in a live region and a
      // toast that the next submit replaces).
      const created = page.waitForResponse(
        (response) =>
          response.request().method() === "POST" && new URL(response.url()).pathname === "/api/generations",
        { timeout: 60_000 },
      );
      await form.locator('button[type="submit"]', { hasText: /^Generat/ }).click();
      const answer = await created.catch(async (error: unknown) => {
        await page.screenshot({ path: "bench-results/show-latency-no-create.png" });
        throw error;
      });
      if (!answer.ok()) throw new Error(`creating “${prompt}” answered HTTP ${answer.status()}`);
    }
    const listed = (await (await fetch(`${url}/api/generations?limit=100`)).json()) as {
      tasks: { prompt: string; upstreamId: string }[];
    };
    const upstreamIds = Object.fromEntries(listed.tasks.map((task) => [task.prompt, task.upstreamId]));
    const seen = await waitFor(
      "every clip to show in the gallery",
      async () => {
        const marks = await page.evaluate(
          () => (window as unknown as { __seen: Record<string, number> }).__seen,
        );
        return prompts.every((prompt) => marks[`Video: ${prompt}`]) ? marks : undefined;
      },
      180_000,
    );
    const state = (await (
      await fetch(`${simUrl}/_sim/state`, { headers: { authorization: "Bearer bench-simulator-token" } })
    ).json()) as {
      tasks: { id: string; completedAt: string | null }[];
    };
    const finished = new Map(state.tasks.map((task) => [task.id, Date.parse(task.completedAt ?? "")]));
    const runMs = Date.now() - openedAt;
    const requestsPerMinute = feedRequestTimes.length / (runMs / 60_000);
    const latencies = prompts.map(
      (prompt) => (seen[`Video: ${prompt}`] ?? 0) - (finished.get(upstreamIds[prompt] ?? "") ?? 0),
    );
    const minuteEnds = openedAt + 60_000;
    if (Date.now() < minuteEnds) await page.waitForTimeout(minuteEnds - Date.now());
    const firstMinute = feedRequestTimes.filter((at) => at < minuteEnds).length;
    return { latencies, requestsPerMinute, runSeconds: runMs / 1000, firstMinute };
  } finally {
    await browser.close();
  }
}

async function memoryAfterTasks(url: string, count: number): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const response = await fetch(
        `${url}/api/generations`,
        json({ prompt: `memory run ${i}`, aspectRatio: "1:1" }, `bench-mem-${i}-${Date.now()}`),
      );
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  await waitUntilIdle(url, `${count} tasks to finish`, 20 * 60_000);
  return count;
}

/**
 * Without webhooks a clip is seen at its next poll: a young task's interval is POLL.firstMs (2 s) with
 * ±20 % jitter (lib/server/tasks/schedule.ts), so at most 2.4 s, plus 300 ms for the rest of the way.
 */
const POLLED_BUDGET_MS = 2_400 + 300;

const sim = await startSimulator({ renderScale: 0.0625 });
const rows: Row[] = [];
try {
  const studio = await startStudio({ simulatorUrl: sim.url, port: 3411 });
  try {
    for (const language of ["en", "zh-CN"]) {
      const studioJs = await firstLoadJsKb(studio.url, language);
      rows.push({
        figure: `studio page first-load JS (gzip, ${language})`,
        value: `${studioJs.kb.toFixed(1)} KB in ${studioJs.files} files`,
        budget: "≤ 200 KB",
        holds: studioJs.kb <= 200,
      });
    }

    const creates = await createLatencies(studio.url, 60);
    const shareJs = await sharePageJs(studio.url);
    rows.push({
      figure: "share page first-load JS (gzip)",
      value: `${shareJs.kb.toFixed(1)} KB in ${shareJs.files} files`,
      budget: "≤ 100 KB",
      holds: shareJs.kb <= 100,
    });
    rows.push({
      figure: "create API p50 / p95 (60 sequential)",
      value: `${percentile(creates, 50).toFixed(1)} / ${percentile(creates, 95).toFixed(1)} ms`,
    });

    const upload = await uploadPhoto(studio.url);
    rows.push({
      figure: "12 MP photo upload (browser → stored)",
      value: `${(upload.originalBytes / 1e6).toFixed(2)} MB photo → ${(upload.sentBytes / 1e6).toFixed(2)} MB sent in ${upload.seconds.toFixed(2)} s`,
      budget: "≤ 1.5 MB sent",
      holds: upload.sentBytes > 0 && upload.sentBytes <= 1.5e6,
    });

    const polled = await showLatencies(studio.url, sim.url, 10);
    rows.push({
      figure: "upstream done → video shown, polling p50 / p95",
      value: `${(percentile(polled.latencies, 50) / 1000).toFixed(2)} / ${(percentile(polled.latencies, 95) / 1000).toFixed(2)} s`,
      budget: `p95 ≤ ${(POLLED_BUDGET_MS / 1000).toFixed(1)} s (poll interval + 300 ms)`,
      holds: percentile(polled.latencies, 95) <= POLLED_BUDGET_MS,
    });
    rows.push({
      figure: "gallery tab's changes requests per minute, polling run",
      value: `${polled.requestsPerMinute.toFixed(1)} over the ${polled.runSeconds.toFixed(0)} s run`,
    });
    rows.push({
      figure: "gallery tab's changes requests in its first minute, polling run",
      value: String(polled.firstMinute),
      budget: "≤ 30 (the old 2 s poll)",
      holds: polled.firstMinute <= 30,
    });

    const before = await studio.rssMb();
    await memoryAfterTasks(studio.url, 1000);
    const after = await studio.rssMb();
    rows.push({
      figure: "studio RSS before / after watching 1,000 tasks",
      value: `${before.toFixed(0)} / ${after.toFixed(0)} MB`,
    });
  } finally {
    await studio.stop();
    await removeDir(studio.dataDir);
  }

  const hooked = await startStudio({
    simulatorUrl: sim.url,
    port: 3412,
    env: { PUBLIC_BASE_URL: "http://127.0.0.1:3412" },
  });
  try {
    // Two tabs one after the other, 10 clips each: 20 samples make a p95 that is not just the slowest
    // one, while each tab's first minute still holds the usual 10 finishes.
    const viaHooks = await showLatencies(hooked.url, sim.url, 10);
    const again = await showLatencies(hooked.url, sim.url, 10);
    const hookLatencies = [...viaHooks.latencies, ...again.latencies];
    rows.push({
      figure: "upstream done → video shown, webhook p50 / p95 (20 clips)",
      value: `${(percentile(hookLatencies, 50) / 1000).toFixed(2)} / ${(percentile(hookLatencies, 95) / 1000).toFixed(2)} s`,
      budget: "p95 ≤ 0.30 s",
      holds: percentile(hookLatencies, 95) <= 300,
    });
    rows.push({
      figure: "gallery tab's changes requests per minute, webhook run",
      value: `${viaHooks.requestsPerMinute.toFixed(1)} over the ${viaHooks.runSeconds.toFixed(0)} s run`,
    });
    const firstMinute = Math.max(viaHooks.firstMinute, again.firstMinute);
    rows.push({
      figure: "gallery tab's changes requests in its first minute, webhook run (busier tab)",
      value: `${firstMinute} (${viaHooks.firstMinute} and ${again.firstMinute})`,
      budget: "≤ 30 (the old 2 s poll)",
      holds: firstMinute <= 30,
    });
  } finally {
    await hooked.stop();
    await removeDir(hooked.dataDir);
  }
} finally {
  await sim.close();
  await removeDir(sim.dataDir);
}
printRows("studio figures (standalone simulator on loopback, built studio as a relay client)", rows);
process.exit(rows.some((row) => row.holds === false) ? 1 : 0);
