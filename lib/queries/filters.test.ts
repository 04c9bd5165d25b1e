import { describe, expect, it } from "vitest";
import { filterParams, filtersFromKey, matchesFilters } from "./filters";
import { task } from "./test-task";

describe("gallery filters", () => {
  it("send ★ with state and search, and read it back from a key", () => {
    const filters = { state: "completed" as const, q: " fox ", favourite: true };
    expect(filterParams(filters)).toEqual({ state: "completed", q: "fox", favourite: "true" });
    expect(filterParams({ state: "all", q: "" })).toEqual({});
    expect(filtersFromKey(["tasks", "list", filters])).toEqual(filters);
    expect(filtersFromKey(["tasks", "list", { state: "all", q: "" }])).toEqual({ state: "all", q: "" });
  });

  it("place a live change only in the lists it matches", () => {
    const starred = { ...task("t_1", "2026-01-01T00:00:00.000Z", { state: "completed" }), favourite: true };
    const plain = task("t_2", "2026-01-01T00:00:00.000Z", { state: "completed" });
    const favourites = { state: "all" as const, q: "", favourite: true };
    expect(matchesFilters(starred, favourites)).toBe(true);
    expect(matchesFilters(plain, favourites)).toBe(false);
    expect(matchesFilters(plain, { state: "all", q: "" })).toBe(true);
  });
});
