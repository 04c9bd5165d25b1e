import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError, apiErrorFrom, apiFetch, NETWORK_STATUS } from "./api";

const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

afterEach(() => vi.unstubAllGlobals());

describe("apiErrorFrom", () => {
  it("keeps the server's code, message, fields, task and retry time", async () => {
    const error = await apiErrorFrom(400, {
      error: {
        code: "validation_failed",
        message: "prompt: must be at most 5000 characters",
        fields: { prompt: "must be at most 5000 characters" },
        requestId: "req_1",
      },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: "validation_failed",
      message: "prompt: must be at most 5000 characters",
      fields: { prompt: "must be at most 5000 characters" },
      taskId: null,
    });
    const rejected = await apiErrorFrom(502, {
      error: { code: "upstream_rejected", message: "Prompt not allowed", taskId: "task_9" },
    });
    expect(rejected).toMatchObject({
      code: "upstream_rejected",
      taskId: "task_9",
      message: "Prompt not allowed",
    });
  });

  it("takes the retry time from the header when the body lacks it", async () => {
    const error = await apiErrorFrom(429, { error: { code: "rate_limited", message: "Too many" } }, "12");
    expect(error.retryAfterSeconds).toBe(12);
  });

  it("explains an answer without the error shape instead of showing raw HTML", async () => {
    const error = await apiErrorFrom(504, "<html>Gateway Timeout</html>");
    expect(error.code).toBe("unexpected_answer");
    expect(error.message).toContain("HTTP 504");
  });
});

describe("apiFetch", () => {
  const schema = z.object({ id: z.string() });
  const pickSchema = () => schema;

  it("parses a good answer with the schema", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => jsonResponse(201, { id: "task_1", extra: true })),
    );
    await expect(apiFetch("/api/x", { method: "POST" }, pickSchema)).resolves.toEqual({ id: "task_1" });
  });

  it("refuses an answer that does not match the schema rather than casting it", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => jsonResponse(200, { id: 42 })),
    );
    await expect(apiFetch("/api/x", {}, pickSchema)).rejects.toMatchObject({ code: "unexpected_answer" });
  });

  it("turns an {error} body into an ApiError", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        jsonResponse(503, { error: { code: "upstream_unavailable", message: "Luma is unavailable" } }),
      ),
    );
    await expect(apiFetch("/api/x", {}, pickSchema)).rejects.toMatchObject({
      status: 503,
      code: "upstream_unavailable",
      message: "Luma is unavailable",
    });
  });

  it("reports a dropped connection as a network error", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      }),
    );
    await expect(apiFetch("/api/x", {}, pickSchema)).rejects.toMatchObject({
      status: NETWORK_STATUS,
      code: "network",
    });
  });

  it("passes the caller's abort on as an abort", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_url: string, init: RequestInit) => {
        init.signal?.throwIfAborted();
        return jsonResponse(200, { id: "x" });
      }),
    );
    const controller = new AbortController();
    controller.abort();
    await expect(apiFetch("/api/x", { signal: controller.signal }, pickSchema)).rejects.toMatchObject({
      name: "AbortError",
    });
  });
});

describe("the browser's schemas", () => {
  it("check the studio's answers with the shared schemas, picked by name", async () => {
    const task = { tasks: [], nextCursor: null };
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => jsonResponse(200, task)),
    );
    await expect(apiFetch("/api/generations", {}, (s) => s.TaskPageSchema)).resolves.toEqual(task);
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => jsonResponse(200, { tasks: [{ id: "t" }], nextCursor: null })),
    );
    await expect(apiFetch("/api/generations", {}, (s) => s.TaskPageSchema)).rejects.toMatchObject({
      code: "unexpected_answer",
    });
  });
});
