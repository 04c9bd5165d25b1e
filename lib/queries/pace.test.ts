import { describe, expect, it } from "vitest";
import { createPacer } from "./pace";
import { RECONNECT_MAX_MS, reconnectDelay } from "./reconnect";

describe("live feed pacing", () => {
  it("caps a studio that answers at once every time: a burst of 20, then 60 a minute", () => {
    let now = 0;
    const pacer = createPacer(undefined, () => now);
    let sent = 0;
    // A studio answering every 10 ms for a minute: the tab sends only what the bucket allows.
    for (now = 0; now < 60_000; now += 10) {
      if (pacer.delay() === 0) {
        pacer.take();
        sent++;
      }
    }
    expect(sent).toBeLessThanOrEqual(80);
    expect(sent).toBeGreaterThanOrEqual(79);
  });

  it("never holds back a burst of 20 answers (ten clips started and finished close together)", () => {
    let now = 0;
    const pacer = createPacer(undefined, () => now);
    for (let i = 0; i < 20; i++, now += 100) {
      expect(pacer.delay()).toBe(0);
      pacer.take();
    }
  });

  it("backs off from 1 s to a cap that keeps the 5 s catch-up promise", () => {
    const delays = [0, 1, 2, 3, 10].map((attempt) => reconnectDelay(attempt, () => 1));
    expect(delays).toEqual([1_000, 2_000, 4_000, 4_000, 4_000]);
    expect(reconnectDelay(0, () => 0)).toBe(800);
    expect(RECONNECT_MAX_MS).toBeLessThan(5_000);
  });
});
