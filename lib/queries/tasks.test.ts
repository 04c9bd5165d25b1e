import { environmentManager, QueryClient, QueryObserver } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Task, TaskChanges, TaskPage } from "@/lib/shared/task";
import { NO_FILTERS } from "./filters";
import {
  CHANGES_GAP_ACTIVE_MS,
  CHANGES_GAP_IDLE_MS,
  refreshInterval,
  showStartedTask,
  taskChangesOptions,
  taskKeys,
} from "./tasks";
import { task } from "./test-task";

const withState = (state: Task["state"]) => ({ state }) as Task;

describe("gallery refresh interval", () => {
  it("asks again at once while any clip is still on its way", () => {
    expect(refreshInterval("success", false, [withState("completed"), withState("running")])).toBe(
      CHANGES_GAP_ACTIVE_MS,
    );
    expect(refreshInterval("success", false, [withState("submitting")])).toBe(CHANGES_GAP_ACTIVE_MS);
  });

  it("pauses between long polls, but keeps looking, when everything is finished", () => {
    expect(refreshInterval("success", false, [withState("completed")])).toBe(CHANGES_GAP_IDLE_MS);
    expect(refreshInterval("success", false, [])).toBe(CHANGES_GAP_IDLE_MS);
  });

  it("sets no timer while a request or its retries run, nor after an error the studio will not take back", () => {
    expect(refreshInterval("success", true, [withState("running")])).toBe(false);
    expect(refreshInterval("error", false, [withState("running")])).toBe(false);
  });
});

describe("live feed through an outage", () => {
  // Node has no `window`: tell TanStack this is a browser, or it schedules no refetch timers.
  beforeEach(() => environmentManager.setIsServer(() => false));
  afterEach(() => {
    environmentManager.setIsServer(() => typeof window === "undefined");
    vi.unstubAllGlobals();
  });

  it("keeps asking while the studio is down, then merges the clip that finished meanwhile", async () => {
    const rendering = task("t1", "2025-01-01T00:00:00.000Z");
    const done = task("t1", "2025-01-01T00:00:00.000Z", {
      state: "completed",
      updatedAt: "2025-01-01T00:01:00.000Z",
    });
    const answers: (TaskChanges | "down")[] = [
      { tasks: [rendering], cursor: "2025-01-01T00:00:00.000Z", truncated: false, deletedIds: [] },
      // A restart: three requests in a row get no answer at all.
      "down",
      "down",
      "down",
      { tasks: [done], cursor: "2025-01-01T00:01:00.000Z", truncated: false, deletedIds: [] },
    ];
    const urls: string[] = [];
    vi.stubGlobal("fetch", async (url: string) => {
      urls.push(url);
      const next = answers.shift() ?? {
        tasks: [done],
        cursor: "2025-01-01T00:01:00.000Z",
        truncated: false,
        deletedIds: [],
      };
      if (next === "down") throw new TypeError("Failed to fetch");
      return Response.json(next);
    });
    // The studio's own defaults (components/query-provider.tsx).
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: 1 } } });
    const list: { pages: TaskPage[]; pageParams: (string | null)[] } = {
      pages: [{ tasks: [rendering], nextCursor: null }],
      pageParams: [null],
    };
    client.setQueryData(taskKeys.list(NO_FILTERS), list);
    const observer = new QueryObserver(client, taskChangesOptions());
    const failures: number[] = [];
    const unsubscribe = observer.subscribe((result) => failures.push(result.failureCount));
    try {
      await vi.waitFor(
        () => {
          const data = client.getQueryData<typeof list>(taskKeys.list(NO_FILTERS));
          expect(data?.pages[0]?.tasks[0]?.state).toBe("completed");
        },
        { timeout: 15_000, interval: 100 },
      );
      // It said it was failing while it retried (the "reconnecting" notice), and no longer once back.
      expect(Math.max(...failures)).toBeGreaterThanOrEqual(3);
      expect(observer.getCurrentResult().failureCount).toBe(0);
      // The retries kept the cursor and asked for a long poll.
      expect(urls[1]).toContain("since=2025-01-01T00%3A00%3A00.000Z");
      expect(urls[1]).toContain("wait=25");
    } finally {
      unsubscribe();
      client.clear();
    }
  });
});

describe("a clip this tab started", () => {
  it("goes into every list it matches, newest first, without reading the lists again", async () => {
    const client = new QueryClient();
    const older = task("t1", "2025-01-01T00:00:00.000Z", { state: "completed" });
    const started = task("t2", "2025-01-02T00:00:00.000Z", { state: "queued" });
    const everything = { pages: [{ tasks: [older], nextCursor: null }], pageParams: [null] };
    const failedOnly = { ...NO_FILTERS, state: "failed" as const };
    client.setQueryData(taskKeys.list(NO_FILTERS), everything);
    client.setQueryData(taskKeys.list(failedOnly), {
      pages: [{ tasks: [], nextCursor: null }],
      pageParams: [null],
    });
    await showStartedTask(client, started);
    const all = client.getQueryData<typeof everything>(taskKeys.list(NO_FILTERS));
    expect(all?.pages[0]?.tasks.map((item) => item.id)).toEqual(["t2", "t1"]);
    // Not a failed clip: the "Failed" list stays as it was.
    const failed = client.getQueryData<typeof everything>(taskKeys.list(failedOnly));
    expect(failed?.pages[0]?.tasks).toEqual([]);
    // No list is marked for a refetch (the live feed follows the new clip from here).
    expect(client.getQueryState(taskKeys.list(NO_FILTERS))?.isInvalidated).toBe(false);
    client.clear();
  });
});
