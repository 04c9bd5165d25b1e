import { describe, expect, it } from "vitest";
import type { Task } from "@/lib/shared/task";
import { formatSeconds, timingText } from "./task-timing";

const base = {
  createdAt: "2025-01-01T10:00:00.000Z",
  updatedAt: "2025-01-01T10:00:10.000Z",
  completedAt: null,
  estimateWaitSeconds: null,
} as const;
const at = (iso: string) => new Date(iso).getTime();
const t = (patch: Partial<Task>) => ({ ...base, state: "running", ...patch }) as Task;

describe("task timing", () => {
  it("formats short and long durations", () => {
    expect(formatSeconds(42.4)).toBe("42 s");
    expect(formatSeconds(185)).toBe("3 min 05 s");
    expect(formatSeconds(7440)).toBe("2 h 04 min");
  });

  it("counts elapsed time live and takes the time since the estimate off the wait", () => {
    const queued = t({ state: "queued", estimateWaitSeconds: 30 });
    expect(timingText(queued, at("2025-01-01T10:00:20.000Z"))).toBe("20 s elapsed · about 20 s left");
    expect(timingText(queued, at("2025-01-01T10:01:00.000Z"))).toBe("1 min 00 s elapsed · any moment now");
  });

  it("says how long a finished clip took, and nothing for a failed one", () => {
    const done = t({ state: "completed", completedAt: "2025-01-01T10:01:05.000Z" });
    expect(timingText(done, at("2025-01-02T00:00:00.000Z"))).toBe("took 1 min 05 s");
    expect(timingText(t({ state: "failed" }), Date.now())).toBe("");
  });
});
