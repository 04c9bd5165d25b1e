import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createAgentsClient } from "./agents-client";
import { FAST, fixtureText } from "./test-helpers";
import type { LumaLogLine } from "./types";

const TOKEN = "sk-agents-LEAK-4fQ8zR2mX7cV9bN1";
const FRAGMENTS = [TOKEN, "4fQ8zR2m", "X7cV9bN1"];

type Reply = (authorization: string) => { status: number; body: string; headers?: Record<string, string> };

/** A fetch that answers each call with the next reply (the last repeats), counting the calls. */
function replying(...replies: Reply[]) {
  let calls = 0;
  const fetch: typeof globalThis.fetch = async (_input, init) => {
    const reply = replies[Math.min(calls, replies.length - 1)]!;
    calls += 1;
    const { status, body, headers } = reply(new Headers(init?.headers).get("authorization") ?? "");
    return new Response(body, { status, headers: { "content-type": "application/json", ...headers } });
  };
  return { fetch, calls: () => calls };
}

const reply =
  (status: number, body: unknown, headers?: Record<string, string>): Reply =>
  () => ({ status, body: typeof body === "string" ? body : JSON.stringify(body), headers });
const queued = reply(201, fixtureText("agents-generation-queued.txt"));

function client(fake: ReturnType<typeof replying>, log?: (line: LumaLogLine) => void) {
  return createAgentsClient({
    baseUrl: "https://agents.test/v1",
    apiKey: TOKEN,
    ...FAST,
    fetch: fake.fetch,
    log,
  });
}

describe("agents client: HTTP failures map like the official client's", () => {
  it("401 is unauthorized and not retried, with the upstream's words", async () => {
    const fake = replying(reply(401, { detail: "Invalid API key" }));
    await expect(client(fake).get("g")).rejects.toMatchObject({
      kind: "unauthorized",
      status: 401,
      retryable: false,
      upstreamMessage: "Invalid API key",
    });
    expect(fake.calls()).toBe(1);
  });

  it("a create refused with 429 waits out retry-after and is sent again", async () => {
    const fake = replying(reply(429, { detail: "Too many concurrent jobs" }, { "retry-after": "1" }), queued);
    const started = Date.now();
    await expect(client(fake).create({ prompt: "a cat" })).resolves.toMatchObject({ state: "queued" });
    expect(fake.calls()).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("a retry-after longer than the client will wait fails as rate_limited, carrying the wait", async () => {
    const fake = replying(reply(429, { detail: "Rate limit exceeded" }, { "retry-after": "60" }));
    await expect(client(fake).create({ prompt: "a cat" })).rejects.toMatchObject({
      kind: "rate_limited",
      retryAfterMs: 60_000,
    });
    expect(fake.calls()).toBe(1);
  });

  it("a 5xx on create is not repeated (it may exist upstream); a 5xx on a poll is", async () => {
    const createFake = replying(reply(502, { detail: "bad gateway" }));
    await expect(client(createFake).create({ prompt: "a cat" })).rejects.toMatchObject({
      kind: "unavailable",
      retryable: false,
    });
    expect(createFake.calls()).toBe(1);
    const getFake = replying(
      reply(503, { detail: "busy" }),
      reply(200, fixtureText("agents-generation-completed.txt")),
    );
    await expect(client(getFake).get("g")).resolves.toMatchObject({ state: "completed" });
    expect(getFake.calls()).toBe(2);
  });

  it("422 is rejected with the field the upstream names; an HTML page is unreadable", async () => {
    const invalid = replying(
      reply(422, { detail: [{ loc: ["body", "video", "resolution"], msg: "1080p reframe is coming soon" }] }),
    );
    await expect(client(invalid).create({ prompt: "a" })).rejects.toMatchObject({
      kind: "rejected",
      upstreamMessage: "video.resolution: 1080p reframe is coming soon",
    });
    const html = replying(reply(200, "<html>maintenance</html>", { "content-type": "text/html" }));
    await expect(client(html).get("g")).rejects.toMatchObject({ kind: "unreadable" });
  });

  it("logs the rate-limit headers of an accepted create", async () => {
    const lines: LumaLogLine[] = [];
    const headers = { "X-RateLimit-Limit": "20", "X-RateLimit-Remaining": "19", "X-Request-Id": "req_1" };
    const fake = replying(reply(201, fixtureText("agents-generation-queued.txt"), headers));
    await client(fake, (line) => lines.push(line)).create({ prompt: "a cat" });
    expect(lines).toContainEqual({
      level: "debug",
      event: "luma.agents.rate_limit",
      detail: { limit: "20", remaining: "19", reset: null, requestId: "req_1", apiVersion: null },
    });
  });
});

function everyTextOf(value: unknown): string[] {
  const texts = [inspect(value, { depth: 10, showHidden: true }), String(value)];
  try {
    texts.push(JSON.stringify(value) ?? "");
  } catch {}
  if (value instanceof Error) texts.push(value.stack ?? "", value.message, ...everyTextOf(value.cause));
  return texts;
}

describe("agents client: the API token never leaks", () => {
  it("through errors, log lines or snapshots, when every answer echoes the Authorization header", async () => {
    const echoes: Reply[] = [
      (auth) => ({ status: 401, body: JSON.stringify({ detail: `invalid ${auth}` }) }),
      (auth) => ({ status: 422, body: JSON.stringify({ detail: [{ loc: ["body", auth], msg: auth }] }) }),
      (auth) => ({ status: 500, body: `crashed for ${auth}`, headers: { "content-type": "text/plain" } }),
      (auth) => ({ status: 200, body: `<html>${auth}</html>`, headers: { "content-type": "text/html" } }),
      (auth) => ({ status: 429, body: JSON.stringify({ detail: auth }), headers: { "retry-after": "999" } }),
      (auth) => ({
        status: 200,
        body: JSON.stringify({ id: "g", state: "failed", failure_code: auth, failure_reason: `no ${auth}` }),
        headers: { "X-RateLimit-Limit": auth },
      }),
    ];
    const lines: LumaLogLine[] = [];
    const seen: unknown[] = [];
    for (const echo of echoes) {
      const agents = client(replying(echo), (line) => lines.push(line));
      seen.push(await agents.get("g").catch((error: unknown) => error));
      seen.push(await agents.create({ prompt: "a" }).catch((error: unknown) => error));
    }
    expect(seen.filter((value) => value instanceof Error).length).toBeGreaterThanOrEqual(10);
    const texts = [...seen.flatMap(everyTextOf), ...lines.map((line) => JSON.stringify(line))];
    for (const fragment of FRAGMENTS) {
      expect(texts.filter((text) => text.includes(fragment))).toEqual([]);
    }
  });
});
