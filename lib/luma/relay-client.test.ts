import { afterEach, describe, expect, it } from "vitest";
import { LumaError } from "./errors";
import { createRelayClient } from "./relay-client";
import { retryAfterMs } from "./retry";
import {
  closedPortUrl,
  FAST,
  fixture,
  fixtureText,
  json,
  startServer,
  type TestServer,
} from "./test-helpers";

const TOKEN = "relay-test-token";
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function caught(promise: Promise<unknown>): Promise<LumaError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LumaError) return error;
    throw error;
  }
  throw new Error("expected a LumaError");
}

const never = () => {}; // a handler that never answers

describe("submit and extend", () => {
  it("sends seed 002's body with the bearer token and reads the answer", async () => {
    server = await startServer((_req, res) => json(res, 200, fixtureText("seed-002-submit-answer.txt")));
    const client = createRelayClient({ baseUrl: server.url, apiKey: TOKEN, ...FAST });
    const snapshot = await client.submit({
      prompt: "一阵风吹过树林,使女人的面纱微微飘动。",
      model: "ray-v2",
      duration: "5s",
      resolution: "720p",
    });
    expect(snapshot).toMatchObject({ upstreamId: "4665a07c-7641-4809-a133-10786201bb56", state: "queued" });
    const [req] = server.received;
    expect(req?.method).toBe("POST");
    expect(req?.url).toBe("/luma/generations");
    expect(req?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(req?.body ?? "")).toEqual(fixture("seed-002-submit-request.txt"));
  });

  it("maps every field and omits the unset ones; 201 is fine", async () => {
    server = await startServer((_req, res) => json(res, 201, fixtureText("seed-004-submit-answer.txt")));
    const client = createRelayClient({ baseUrl: server.url, apiKey: TOKEN, ...FAST });
    await client.submit({ prompt: "cat dance" });
    await client.submit({
      prompt: "cat dance",
      aspectRatio: "16:9",
      expandPrompt: true,
      loop: false,
      startImageUrl: "http://dummyimage.com/400x400",
      endImageUrl: "data:image/png;base64,iVBORw0KGgo=",
      callbackUrl: "https://example.com/hook",
    });
    expect(JSON.parse(server.received[0]?.body ?? "")).toEqual({ user_prompt: "cat dance" });
    expect(JSON.parse(server.received[1]?.body ?? "")).toEqual({
      user_prompt: "cat dance",
      aspect_ratio: "16:9",
      expand_prompt: true,
      loop: false,
      image_url: "http://dummyimage.com/400x400",
      image_end_url: "data:image/png;base64,iVBORw0KGgo=",
      notify_hook: "https://example.com/hook",
    });
  });

  it("extend puts the parent in the path and sends seed 000's body (no loop)", async () => {
    server = await startServer((_req, res) => json(res, 200, fixtureText("seed-000-extend-answer.txt")));
    const client = createRelayClient({ baseUrl: server.url, apiKey: TOKEN, ...FAST });
    const snapshot = await client.extend({
      parentUpstreamId: "your_task_id",
      prompt: "add cat",
      expandPrompt: true,
      startImageUrl: "https://example.com/reference.png",
      endImageUrl: "https://example.com/keyframe.png",
      callbackUrl: "https://example.com/hook",
    });
    expect(snapshot.upstreamId).toBe("9d4b7516-77e5-481a-b015-48313946f33b");
    expect(server.received[0]?.url).toBe("/luma/generations/your_task_id/extend");
    expect(JSON.parse(server.received[0]?.body ?? "")).toEqual(fixture("seed-000-extend-request.txt"));
  });

  it("is never retried once the relay may have accepted it: 500, timeout, 200 with an error code", async () => {
    let mode = "500";
    server = await startServer((_req, res) => {
      if (mode === "500") json(res, 500, { detail: "internal error" });
      if (mode === "code") json(res, 200, fixtureText("error-code-500-http-200.txt"));
    });
    const client = createRelayClient({ baseUrl: server.url, apiKey: TOKEN, ...FAST });
    const on500 = await caught(client.submit({ prompt: "cat" }));
    expect(on500).toMatchObject({ kind: "unavailable", status: 500, retryable: false });
    mode = "hang";
    const onTimeout = await caught(client.submit({ prompt: "cat" }));
    expect(onTimeout).toMatchObject({ kind: "unavailable", retryable: false });
    mode = "code";
    const onCode = await caught(client.extend({ parentUpstreamId: "p", prompt: "cat" }));
    expect(onCode).toMatchObject({
      kind: "unavailable",
      upstreamMessage: "upstream task submit failed",
      retryable: false,
    });
    expect(server.received).toHaveLength(3);
  });

  it("is retried after a 429 (the relay refused it), honouring retry-after", async () => {
    let calls = 0;
    server = await startServer((_req, res) => {
      calls += 1;
      if (calls === 1) json(res, 429, { detail: "Too many requests" }, { "retry-after": "1" });
      else json(res, 200, fixtureText("seed-004-submit-answer.txt"));
    });
    const client = createRelayClient({ baseUrl: server.url, apiKey: TOKEN, ...FAST });
    const started = Date.now();
    const snapshot = await client.submit({ prompt: "cat dance" });
    expect(snapshot.state).toBe("queued");
    expect(calls).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("is retried when the connection was refused (nothing was sent)", async () => {
    let attempts = 0;
    const counting: typeof fetch = (input, init) => {
      attempts += 1;
      return fetch(input, init);
    };
    const client = createRelayClient({
      baseUrl: await closedPortUrl(),
      apiKey: TOKEN,
      ...FAST,
      fetch: counting,
    });
    const error = await caught(client.submit({ prompt: "cat" }));
    expect(error).toMatchObject({ kind: "unavailable", retryable: true });
    expect(attempts).toBe(FAST.retries + 1);
  });

  it("a rejected body with HTTP 200 shows the upstream's message, once", async () => {
    server = await startServer((_req, res) => json(res, 200, fixtureText("error-detail-text.txt")));
    const client = createRelayClient({ baseUrl: server.url, apiKey: TOKEN, ...FAST });
    const error = await caught(client.submit({ prompt: "cat" }));
    expect(error).toMatchObject({
      kind: "rejected",
      upstreamMessage: "Prompt is required",
      retryable: false,
    });
    expect(server.received).toHaveLength(1);
  });

  it("refuses obviously bad requests without calling the relay", async () => {
    server = await startServer((_req, res) => json(res, 200, {}));
    const client = createRelayClient({ baseUrl: server.url, apiKey: TOKEN, ...FAST });
    expect(await caught(client.submit({ prompt: "   " }))).toMatchObject({ kind: "rejected" });
    expect(await caught(client.submit({ prompt: "x", startImageUrl: "file:///etc/passwd" }))).toMatchObject({
      kind: "rejected",
    });
    expect(server.received).toHaveLength(0);
  });
});

describe("get", () => {
  it("retries 5xx and reads seed 003", async () => {
    let calls = 0;
    server = await startServer((_req, res) => {
      calls += 1;
      if (calls < 3) json(res, 503, "Service Unavailable");
      else json(res, 200, fixtureText("seed-003-get-completed.txt"));
    });
    const client = createRelayClient({ baseUrl: `${server.url}/`, apiKey: TOKEN, ...FAST });
    const snapshot = await client.get("e70fdf3c-ce95-4dd1-a967-220ce957aff5");
    expect(snapshot.state).toBe("completed");
    expect(server.received.map((r) => r.url)).toEqual(
      Array(3).fill("/luma/generations/e70fdf3c-ce95-4dd1-a967-220ce957aff5"),
    );
  });

  it("retries an error sent with HTTP 200", async () => {
    let calls = 0;
    server = await startServer((_req, res) => {
      calls += 1;
      if (calls === 1) json(res, 200, fixtureText("error-code-500-http-200.txt"));
      else json(res, 200, fixtureText("seed-000-extend-answer.txt"));
    });
    const client = createRelayClient({ baseUrl: server.url, apiKey: TOKEN, ...FAST });
    expect((await client.get("9d4b7516-77e5-481a-b015-48313946f33b")).state).toBe("queued");
    expect(calls).toBe(2);
  });

  it("times out each attempt and gives up after the retries", async () => {
    server = await startServer(never);
    const client = createRelayClient({ baseUrl: server.url, apiKey: TOKEN, ...FAST, timeoutMs: 100 });
    const started = Date.now();
    const error = await caught(client.get("x"));
    expect(error).toMatchObject({ kind: "unavailable", retryable: true });
    expect(error.message).toContain("100 ms");
    expect(server.received).toHaveLength(FAST.retries + 1);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("401 is unauthorized and not retried", async () => {
    server = await startServer((_req, res) => json(res, 401, fixtureText("error-openai.txt")));
    const client = createRelayClient({ baseUrl: server.url, apiKey: TOKEN, ...FAST });
    const error = await caught(client.get("x"));
    expect(error).toMatchObject({ kind: "unauthorized", status: 401, upstreamMessage: "Invalid token" });
    expect(server.received).toHaveLength(1);
  });

  it("404 is not_found; an HTML error page keeps a snippet; HTML with 200 is unreadable", async () => {
    let status = 404;
    server = await startServer((_req, res) => {
      res.writeHead(status, { "content-type": "text/html" });
      res.end(fixtureText("error-page.txt"));
    });
    const client = createRelayClient({ baseUrl: server.url, apiKey: TOKEN, ...FAST, retries: 0 });
    const notFound = await caught(client.get("x"));
    expect(notFound).toMatchObject({ kind: "not_found", status: 404 });
    expect(notFound.bodySnippet).toContain("<title>404 Not Found</title>");
    status = 502;
    expect(await caught(client.get("x"))).toMatchObject({ kind: "unavailable", status: 502 });
    status = 200;
    const unreadable = await caught(client.get("x"));
    expect(unreadable).toMatchObject({ kind: "unreadable", status: 200 });
    expect(unreadable.message).toContain("HTML");
  });

  it("429 with a retry-after longer than allowed fails at once as rate_limited", async () => {
    server = await startServer((_req, res) =>
      json(res, 429, { detail: "slow down" }, { "retry-after": "120" }),
    );
    const client = createRelayClient({ baseUrl: server.url, apiKey: TOKEN, ...FAST });
    const error = await caught(client.get("x"));
    expect(error).toMatchObject({ kind: "rate_limited", retryAfterMs: 120_000, retryable: true });
    expect(server.received).toHaveLength(1);
  });

  it("the caller's AbortSignal stops a call at once, without retries", async () => {
    server = await startServer(never);
    const client = createRelayClient({ baseUrl: server.url, apiKey: TOKEN, ...FAST, timeoutMs: 5_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const error = await caught(client.get("x", { signal: controller.signal }));
    expect(error).toMatchObject({ kind: "aborted", retryable: false });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(server.received).toHaveLength(1);
  });

  it("retry-after as an HTTP date", () => {
    const now = Date.parse("2025-01-01T00:00:00Z");
    const headers = new Headers({ "retry-after": "Wed, 01 Jan 2025 00:00:03 GMT" });
    expect(retryAfterMs(headers, now)).toBe(3_000);
  });
});

describe("getMany", () => {
  it("uses POST /luma/tasks, keeps the order asked for, and fetches what the batch left out", async () => {
    server = await startServer((req, res) => {
      if (req.url === "/luma/tasks") return json(res, 200, fixtureText("upstream-batch-wrapper.txt"));
      json(res, 200, { id: "relay-9", state: "processing" });
    });
    const client = createRelayClient({ baseUrl: server.url, apiKey: TOKEN, ...FAST });
    const snapshots = await client.getMany(["relay-3", "relay-9", "relay-2", "relay-3"]);
    expect(snapshots.map((s) => [s.upstreamId, s.state])).toEqual([
      ["relay-3", "failed"],
      ["relay-9", "running"],
      ["relay-2", "completed"],
    ]);
    expect(JSON.parse(server.received[0]?.body ?? "")).toEqual({ ids: ["relay-3", "relay-9", "relay-2"] });
    expect(server.received.map((r) => r.url)).toEqual(["/luma/tasks", "/luma/generations/relay-9"]);
    expect(client.batchSupported).toBe(true);
  });

  it("falls back to single gets when the relay 404s on /luma/tasks, and remembers", async () => {
    server = await startServer((req, res) => {
      if (req.url === "/luma/tasks") return json(res, 404, { detail: "Not Found" });
      const id = decodeURIComponent(req.url.split("/").pop() ?? "");
      if (id === "gone") return json(res, 404, { detail: "task not found" });
      json(res, 200, { id, state: "pending" });
    });
    const client = createRelayClient({ baseUrl: server.url, apiKey: TOKEN, ...FAST });
    expect((await client.getMany(["a", "gone", "b"])).map((s) => s.upstreamId)).toEqual(["a", "b"]);
    expect(client.batchSupported).toBe(false);
    await client.getMany(["c"]);
    expect(server.received.filter((r) => r.url === "/luma/tasks")).toHaveLength(1);
  });

  it("falls back when /luma/tasks answers an HTML page with 200", async () => {
    server = await startServer((req, res) => {
      if (req.url === "/luma/tasks") {
        res.writeHead(200, { "content-type": "text/html" });
        return res.end("<html><body>welcome</body></html>");
      }
      json(res, 200, [{ id: "a", state: "dreaming" }]);
    });
    const client = createRelayClient({ baseUrl: server.url, apiKey: TOKEN, ...FAST });
    expect(await client.getMany(["a"])).toMatchObject([{ upstreamId: "a", state: "running" }]);
    expect(client.batchSupported).toBe(false);
  });

  it("does not fall back on 401", async () => {
    server = await startServer((_req, res) => json(res, 401, { detail: "bad token" }));
    const client = createRelayClient({ baseUrl: server.url, apiKey: TOKEN, ...FAST });
    expect(await caught(client.getMany(["a"]))).toMatchObject({ kind: "unauthorized" });
    expect(client.batchSupported).toBeNull();
  });
});

describe("downloadUrl", () => {
  it("returns the presigned URL, and null while the video is not ready (400)", async () => {
    let ready = true;
    server = await startServer((_req, res) => {
      if (ready) json(res, 200, fixtureText("upstream-download-url.txt"));
      else json(res, 400, { detail: "task not completed" });
    });
    const client = createRelayClient({ baseUrl: server.url, apiKey: TOKEN, ...FAST });
    expect(await client.downloadUrl("e70f")).toMatch(/^https:\/\/storage\.cdn-luma\.com\/presigned\//);
    expect(server.received[0]?.url).toBe("/luma/generations/e70f/download_video_url");
    ready = false;
    expect(await client.downloadUrl("e70f")).toBeNull();
  });
});
