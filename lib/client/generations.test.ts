import { afterEach, describe, expect, it, vi } from "vitest";
import { task as testTask } from "@/lib/queries/test-task";
import { createGeneration } from "./generations";

const task = testTask("task_1", "2025-01-01T00:00:00.000Z", {
  upstreamId: "up_1",
  prompt: "a cat",
  state: "queued",
  upstreamState: "queued",
  estimateWaitSeconds: 30,
});

const input = { prompt: "a cat", expandPrompt: false, loop: false };

afterEach(() => vi.unstubAllGlobals());

describe("createGeneration", () => {
  it("retries a dropped connection with the same Idempotency-Key", async () => {
    const seen: (string | null)[] = [];
    const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
      seen.push(new Headers(init.headers).get("idempotency-key"));
      if (seen.length === 1) throw new TypeError("network down");
      return Response.json(task, { status: 200 });
    });
    vi.stubGlobal("fetch", fetchMock);
    await expect(createGeneration(input, "key-abc-123", { retryDelaysMs: [1] })).resolves.toEqual(task);
    expect(seen).toEqual(["key-abc-123", "key-abc-123"]);
  });

  it("does not retry an answer from the server", async () => {
    const fetchMock = vi.fn(async () =>
      Response.json(
        { error: { code: "upstream_rejected", message: "Prompt refused", taskId: "task_2" } },
        { status: 502 },
      ),
    );
    vi.stubGlobal("fetch", fetchMock);
    await expect(createGeneration(input, "key-abc-123", { retryDelaysMs: [1, 1] })).rejects.toMatchObject({
      code: "upstream_rejected",
      taskId: "task_2",
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("gives up after the last retry", async () => {
    const fetchMock = vi.fn(async () => {
      throw new TypeError("network down");
    });
    vi.stubGlobal("fetch", fetchMock);
    await expect(createGeneration(input, "key-abc-123", { retryDelaysMs: [1, 1] })).rejects.toMatchObject({
      code: "network",
    });
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });
});
