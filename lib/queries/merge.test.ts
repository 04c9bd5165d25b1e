import { describe, expect, it } from "vitest";
import type { Task, TaskPage } from "@/lib/shared/task";
import { filterParams, filtersFromKey, type GalleryFilters, matchesFilters, NO_FILTERS } from "./filters";
import { mergeChanges, removeTasks } from "./merge";
import { task } from "./test-task";

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

  it("keeps a listed task when the change was read before it (an older version never turns a card back)", () => {
    const failed = { ...b, state: "failed" as const, updatedAt: "2025-01-04T00:00:02.000Z" };
    const data = pages({ tasks: [a, failed], nextCursor: null });
    const stale = { ...b, state: "queued" as const, updatedAt: "2025-01-04T00:00:01.000Z" };
    const merged = mergeChanges(data, [stale], NO_FILTERS);
    expect(merged).toBe(data);
    expect(merged.pages[0]?.tasks[1]?.state).toBe("failed");
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
    expect(ids(removeTasks(data, ["b"]))).toEqual([["a"], ["c"]]);
    expect(removeTasks(data, ["zzz"])).toBe(data);
    expect(removeTasks(data, [])).toBe(data);
  });

  it("takes the feed's deleted tasks out, after the changes (one deleted while read comes in both)", () => {
    const data = pages({ tasks: [a, b], nextCursor: "c1" }, { tasks: [c], nextCursor: null });
    const newer = { ...a, state: "completed" as const, updatedAt: "2025-01-05T00:00:00.000Z" };
    const merged = mergeChanges(data, [newer, c], NO_FILTERS, ["c", "b"]);
    expect(ids(merged)).toEqual([["a"], []]);
    expect(merged.pages[0]?.tasks[0]?.state).toBe("completed");
    // A deleted task this list never held changes nothing.
    expect(mergeChanges(data, [], NO_FILTERS, ["zzz"])).toBe(data);
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

describe("favourite and board filters", () => {
  const fox = task("f", "2025-01-01T00:00:00.000Z", { favourite: true, boardIds: ["b_1"] });
  const owl = task("o", "2025-01-02T00:00:00.000Z");

  it("keeps only starred clips, or clips on the board, combined with the rest", () => {
    expect(matchesFilters(fox, { ...NO_FILTERS, favourite: true })).toBe(true);
    expect(matchesFilters(owl, { ...NO_FILTERS, favourite: true })).toBe(false);
    expect(matchesFilters(fox, { ...NO_FILTERS, boardId: "b_1", favourite: true })).toBe(true);
    expect(matchesFilters(fox, { ...NO_FILTERS, boardId: "b_2" })).toBe(false);
    expect(matchesFilters(fox, { state: "failed", q: "", boardId: "b_1" })).toBe(false);
  });

  it("drops a clip unstarred in another tab from the ★ list, and adds one put on the board", () => {
    const starred = pages({ tasks: [fox], nextCursor: null });
    const unstarred = { ...fox, favourite: false, updatedAt: "2025-01-05T00:00:00.000Z" };
    expect(ids(mergeChanges(starred, [unstarred], { ...NO_FILTERS, favourite: true }))).toEqual([[]]);
    const board = pages({ tasks: [fox], nextCursor: null });
    const added = { ...owl, boardIds: ["b_1"], updatedAt: "2025-01-05T00:00:00.000Z" };
    expect(ids(mergeChanges(board, [added], { ...NO_FILTERS, boardId: "b_1" }))).toEqual([["o", "f"]]);
  });

  it("reads both back out of a list query's key, and refuses a mistyped one", () => {
    expect(
      filtersFromKey(["tasks", "list", { state: "all", q: "", favourite: true, boardId: "b_1" }]),
    ).toEqual({
      state: "all",
      q: "",
      favourite: true,
      boardId: "b_1",
    });
    expect(filtersFromKey(["tasks", "list", { state: "all", q: "", boardId: 3 }])).toBeNull();
    expect(filterParams({ state: "completed", q: " fox ", favourite: true, boardId: "b_1" })).toEqual({
      state: "completed",
      q: "fox",
      favourite: "true",
      board: "b_1",
    });
  });
});
