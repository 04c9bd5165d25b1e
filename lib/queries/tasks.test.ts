import { describe, expect, it } from "vitest";
import type { Task } from "@/lib/shared/task";
import { ACTIVE_REFRESH_MS, IDLE_REFRESH_MS, refreshInterval } from "./tasks";

const withState = (state: Task["state"]) => ({ state }) as Task;

describe("gallery refresh interval", () => {
  it("is quick while any clip is still on its way", () => {
    expect(refreshInterval("success", [withState("completed"), withState("running")])).toBe(
      ACTIVE_REFRESH_MS,
    );
    expect(refreshInterval("success", [withState("submitting")])).toBe(ACTIVE_REFRESH_MS);
  });

  it("slows down, but keeps looking, when everything is finished", () => {
    expect(refreshInterval("success", [withState("completed"), withState("failed")])).toBe(IDLE_REFRESH_MS);
    expect(refreshInterval("success", [])).toBe(IDLE_REFRESH_MS);
    expect(IDLE_REFRESH_MS).toBeGreaterThan(ACTIVE_REFRESH_MS * 5);
  });

  it("stops after an error instead of hammering a failing server", () => {
    expect(refreshInterval("error", [withState("running")])).toBe(false);
  });
});
