import { describe, expect, it } from "vitest";
import type { Task, TaskPage } from "@/lib/shared/task";
import { type GalleryFilters, matchesFilters, NO_FILTERS } from "./filters";
import { mergeChanges, removeTask } from "./merge";

function task(id: string, createdAt: string, patch: Partial<Task> = {}): Task {
  return {
    id,
    kind: "generate",
    parentId: null,
    parentPrompt: null,
    extensionCount: 0,
    provider: "simulator",
    upstreamId: `up-${id}`,
    prompt: `prompt ${id}`,
    expandPrompt: false,
    loop: false,
    aspectRatio: "16:9",
    model: "ray-v2",
    resolution: "720p",
    duration: "5s",
    startImage: null,
    endImage: null,
    state: "running",
    stalled: false,
    upstreamState: "processing",
    failureReason: null,
    errorCode: null,
    estimateWaitSeconds: null,
    video: null,
    thumbnail: null,
    lastFrame: null,
    createdAt,
    updatedAt: createdAt,
    completedAt: null,
    ...patch,
  };
}

const pages = (...lists: { tasks: Task[]; nextCursor: string | null }[]) => ({
  pages: lists as TaskPage[],
  pageParams: lists.map((_, index) => (index === 0 ? null : `c${index}`)),
});

const ids = (data: { pages: TaskPage[] }) => data.pages.map((page) => page.tasks.map((item) => item.id));

describe("mergeChanges", () => {
  const a = task("a", "2025-01-03T00:00:00.000Z");
  const b = task("b", "2025-01-02T00:00:00.000Z");
  const c = task("c", "2025-01-01T00:00:00.000Z");

  it("replaces a listed task with its newer version in place", () => {
    const data = pages({ tasks: [a, b], nextCursor: null });
    const done = { ...b, state: "completed" as const, updatedAt: "2025-01-04T00:00:00.000Z" };
    const merged = mergeChanges(data, [done], NO_FILTERS);
    expect(ids(merged)).toEqual([["a", "b"]]);
    expect(merged.pages[0]?.tasks[1]?.state).toBe("completed");
  });

  it("returns the same object when nothing changed, so nothing re-renders", () => {
    const data = pages({ tasks: [a, b], nextCursor: null });
    expect(mergeChanges(data, [a, b], NO_FILTERS)).toBe(data);
  });

  it("places a new task in date order, on the page it belongs to", () => {
    const data = pages({ tasks: [a], nextCursor: "c1" }, { tasks: [c], nextCursor: null });
    expect(ids(mergeChanges(data, [b], NO_FILTERS))).toEqual([["a"], ["b", "c"]]);
    const newest = task("n", "2025-02-01T00:00:00.000Z");
    expect(ids(mergeChanges(data, [newest], NO_FILTERS))).toEqual([["n", "a"], ["c"]]);
  });

  it("leaves out a new task older than everything loaded while more pages remain", () => {
    const data = pages({ tasks: [a], nextCursor: "c1" });
    expect(mergeChanges(data, [c], NO_FILTERS)).toBe(data);
  });

  it("drops a task that no longer matches the list's filters and ignores ones that never did", () => {
    const failedOnly: GalleryFilters = { state: "failed", q: "" };
    const failed = { ...b, state: "failed" as const, updatedAt: "2025-01-05T00:00:00.000Z" };
    const data = pages({ tasks: [failed], nextCursor: null });
    const retried = { ...failed, state: "completed" as const };
    expect(ids(mergeChanges(data, [retried], failedOnly))).toEqual([[]]);
    expect(mergeChanges(data, [a], failedOnly)).toBe(data);
  });

  it("removes a deleted task from whichever page holds it", () => {
    const data = pages({ tasks: [a], nextCursor: "c1" }, { tasks: [b, c], nextCursor: null });
    expect(ids(removeTask(data, "b"))).toEqual([["a"], ["c"]]);
    expect(removeTask(data, "zzz")).toBe(data);
  });
});

describe("matchesFilters", () => {
  it("matches the state group and the prompt case-insensitively", () => {
    const fox = task("f", "2025-01-01T00:00:00.000Z", { prompt: "A Red Fox in snow", state: "queued" });
    expect(matchesFilters(fox, { state: "active", q: "red fox" })).toBe(true);
    expect(matchesFilters(fox, { state: "completed", q: "" })).toBe(false);
    expect(matchesFilters(fox, { state: "all", q: "wolf" })).toBe(false);
  });
});
