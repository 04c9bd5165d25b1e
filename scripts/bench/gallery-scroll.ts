import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "../../e2e/support/chromium";
import type { Studio } from "./harness";
import { percentile } from "./harness";

/**
 * A creator scrolling a long gallery in real Chromium: pages load by infinite scroll until `target`
 * cards are on the page, then the page is scrolled back to the top a screen per frame. Reports how long
 * loading took, the main thread's long tasks (> 50 ms) while scrolling, and the frame intervals.
 * Seeded media URLs point nowhere; they are answered 404 at once so the network does not dominate.
 */
export interface ScrollRun {
  cards: number;
  loadSeconds: number;
  domNodes: number;
  longTasks: number;
  longestTaskMs: number;
  frameP50Ms: number;
  frameP95Ms: number;
}

export async function measureScroll(studio: Studio, target: number): Promise<ScrollRun> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.route(/^https:\/\/cdn\.example\//, (route) => route.fulfill({ status: 404, body: "" }));
    await page.goto(studio.url);
    await page.locator("article").first().waitFor();
    const started = Date.now();
    let cards = await page.locator("article").count();
    while (cards < target) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForFunction((before) => document.querySelectorAll("article").length > before, cards, {
        timeout: 30_000,
      });
      cards = await page.locator("article").count();
    }
    const loadSeconds = (Date.now() - started) / 1000;

    // tsx (esbuild keepNames) wraps named functions in `__name(...)`, which the page does not define.
    await page.evaluate("globalThis.__name = (fn) => fn");
    const measured = await page.evaluate(async () => {
      const long: number[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) long.push(entry.duration);
      });
      observer.observe({ type: "longtask", buffered: false });
      const frames: number[] = [];
      await new Promise<void>((done) => {
        let last = performance.now();
        const step = (now: number) => {
          frames.push(now - last);
          last = now;
          if (window.scrollY <= 0) return done();
          window.scrollBy(0, -window.innerHeight);
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      });
      observer.disconnect();
      return { long, frames: frames.slice(1), domNodes: document.getElementsByTagName("*").length };
    });
    return {
      cards,
      loadSeconds,
      domNodes: measured.domNodes,
      longTasks: measured.long.length,
      longestTaskMs: Math.max(0, ...measured.long),
      frameP50Ms: percentile(measured.frames, 50),
      frameP95Ms: percentile(measured.frames, 95),
    };
  } finally {
    await browser.close();
  }
}
