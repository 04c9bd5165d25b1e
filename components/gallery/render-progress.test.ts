import { describe, expect, it } from "vitest";
import { task as testTask } from "@/lib/queries/test-task";
import { monotonicProgress, resetShownProgress } from "./render-progress";

describe("monotonicProgress", () => {
  it("never goes back when a longer estimate arrives", () => {
    resetShownProgress();
    const created = "2026-01-01T00:00:00.000Z";
    const start = new Date(created).getTime();
    const first = testTask("t_1", created, {
      state: "running",
      updatedAt: created,
      estimateWaitSeconds: 20,
    });
    const at10 = monotonicProgress(first, start + 10_000);
    expect(at10).toBeCloseTo(0.5);
    // A new estimate at 10 s: 60 s more. Raw progress would fall to 10/70.
    const longer = { ...first, updatedAt: "2026-01-01T00:00:10.000Z", estimateWaitSeconds: 60 };
    expect(monotonicProgress(longer, start + 11_000)).toBeCloseTo(0.5);
    expect(monotonicProgress(longer, start + 65_000)).toBeGreaterThan(0.5);
  });

  it("keeps the last value while no estimate is known", () => {
    resetShownProgress();
    const task = testTask("t_2", new Date().toISOString(), { state: "running", estimateWaitSeconds: null });
    expect(monotonicProgress(task, Date.now())).toBeNull();
  });
});
