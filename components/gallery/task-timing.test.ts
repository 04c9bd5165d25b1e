import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translate";
import type { Task } from "@/lib/shared/task";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { formatSeconds, renderProgress, timingText } from "./task-timing";

const base = {
  createdAt: "2025-01-01T10:00:00.000Z",
  updatedAt: "2025-01-01T10:00:10.000Z",
  completedAt: null,
  estimateWaitSeconds: null,
} as const;
const at = (iso: string) => new Date(iso).getTime();
const task = (patch: Partial<Task>) => ({ ...base, state: "running", ...patch }) as Task;
const t = translatorFor("en", en);
const zhT = translatorFor("zh-CN", zh);

describe("task timing", () => {
  it("formats short and long durations", () => {
    expect(formatSeconds(42.4, t)).toBe("42 s");
    expect(formatSeconds(185, t)).toBe("3 min 05 s");
    expect(formatSeconds(7440, t)).toBe("2 h 04 min");
    expect(formatSeconds(185, zhT)).toBe("3 分 05 秒");
  });

  it("counts elapsed time live and takes the time since the estimate off the wait", () => {
    const queued = task({ state: "queued", estimateWaitSeconds: 30 });
    expect(timingText(queued, at("2025-01-01T10:00:20.000Z"), t)).toBe("20 s elapsed · about 20 s left");
    expect(timingText(queued, at("2025-01-01T10:01:00.000Z"), t)).toBe("1 min 00 s elapsed · any moment now");
    expect(timingText(queued, at("2025-01-01T10:00:20.000Z"), zhT)).toBe("已用 20 秒 · 约剩 20 秒");
  });

  it("says how long a finished clip took, and nothing for a failed one", () => {
    const done = task({ state: "completed", completedAt: "2025-01-01T10:01:05.000Z" });
    expect(timingText(done, at("2025-01-02T00:00:00.000Z"), t)).toBe("took 1 min 05 s");
    expect(timingText(task({ state: "failed" }), Date.now(), t)).toBe("");
  });

  it("says an imported clip was imported: made elsewhere, how long it took is not known", () => {
    const imported = task({ state: "completed", completedAt: "2025-06-01T10:00:00.000Z", imported: true });
    expect(timingText(imported, Date.now(), t)).toBe("Imported");
    expect(timingText(imported, Date.now(), zhT)).toBe("已导入");
  });

  it("puts a running clip's progress at elapsed over elapsed plus the wait left, never full", () => {
    const running = task({ estimateWaitSeconds: 30 });
    expect(renderProgress(running, at("2025-01-01T10:00:20.000Z"))).toBeCloseTo(0.5);
    expect(renderProgress(running, at("2025-01-01T10:05:00.000Z"))).toBe(0.95);
    expect(renderProgress(task({}), at("2025-01-01T10:00:20.000Z"))).toBeNull();
  });
});
