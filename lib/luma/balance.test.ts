import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { type BalanceConnection, readBalance } from "./balance";
import { closedPortUrl, json, type Received, startServer, type TestServer } from "./test-helpers";
import type { LumaLogLine } from "./types";

const TOKEN = "sk-balance-secret-0123456789abcdef";
const HTML = "<!doctype html><html><body><h1>404 Not Found</h1></body></html>";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Answer = (res: ServerResponse, req: Received) => unknown;

/** A relay that answers each path as told, and 404 with an HTML page everywhere else. */
async function relay(paths: Record<string, Answer>): Promise<BalanceConnection> {
  server = await startServer((req, res) => {
    const answer = paths[req.url];
    if (answer) return answer(res, req);
    res.writeHead(404, { "content-type": "text/html" });
    res.end(HTML);
  });
  return { kind: "relay", baseUrl: server.url, apiKey: TOKEN };
}

const TOKEN_USAGE = "/api/usage/token";
const SUBSCRIPTION = "/v1/dashboard/billing/subscription";
const USAGE = "/v1/dashboard/billing/usage";
const usage = (data: Record<string, unknown>) => ({ code: true, message: "ok", data });
const paths = () => server?.received.map((req) => req.url) ?? [];

describe("readBalance: a relay's token usage", () => {
  it("reads total_available from the {code, message, data} envelope, with the token as Bearer", async () => {
    const connection = await relay({
      [TOKEN_USAGE]: (res) =>
        json(
          res,
          200,
          usage({
            object: "token_usage",
            name: "studio",
            total_granted: 500000,
            total_used: 123456,
            total_available: 376544,
            unlimited_quota: false,
            expires_at: 0,
          }),
        ),
    });
    expect(await readBalance(connection)).toEqual({
      source: "token_usage",
      amount: 376544,
      unit: "quota",
      unlimited: false,
    });
    expect(server?.received[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(paths()).toEqual([TOKEN_USAGE]);
  });

  it("takes the data without its envelope, numbers as text, and extra fields", async () => {
    const connection = await relay({
      [TOKEN_USAGE]: (res) =>
        json(res, 200, { total_available: " 1234.5 ", total_used: "10", color: "blue", nested: { a: 1 } }),
    });
    expect(await readBalance(connection)).toMatchObject({ amount: 1234.5, unit: "quota" });
  });

  it("works out the amount from granted minus used when available is missing", async () => {
    const connection = await relay({
      [TOKEN_USAGE]: (res) => json(res, 200, usage({ total_granted: "900", total_used: 250 })),
    });
    expect(await readBalance(connection)).toMatchObject({ amount: 650 });
  });

  it("says unlimited for a token without a quota", async () => {
    const connection = await relay({
      [TOKEN_USAGE]: (res) =>
        json(res, 200, usage({ total_available: -5, unlimited_quota: true, total_granted: 0 })),
    });
    expect(await readBalance(connection)).toMatchObject({ source: "token_usage", unlimited: true });
  });

  it("is used from the relay's own base path (the built-in simulator's mount)", async () => {
    server = await startServer((req, res) =>
      req.url === `/api/simulator${TOKEN_USAGE}`
        ? json(res, 200, usage({ total_available: 42 }))
        : json(res, 404, { detail: "not here" }),
    );
    const balance = await readBalance({
      kind: "relay",
      baseUrl: `${server.url}/api/simulator/`,
      apiKey: TOKEN,
    });
    expect(balance).toMatchObject({ amount: 42 });
  });
});

describe("readBalance: the OpenAI billing pair", () => {
  it("is asked when the token usage endpoint is missing: limit minus usage in hundredths", async () => {
    const connection = await relay({
      [SUBSCRIPTION]: (res) => json(res, 200, { object: "billing_subscription", hard_limit_usd: 25 }),
      [USAGE]: (res) => json(res, 200, { object: "list", total_usage: "1234" }),
    });
    expect(await readBalance(connection)).toEqual({
      source: "billing",
      amount: 12.66,
      unit: "usd",
      unlimited: false,
    });
    expect(paths()).toEqual([TOKEN_USAGE, SUBSCRIPTION, USAGE]);
  });

  it("reads one-api's 100000000 limit as unlimited", async () => {
    const connection = await relay({
      [SUBSCRIPTION]: (res) => json(res, 200, { hard_limit_usd: 100000000 }),
      [USAGE]: (res) => json(res, 200, { total_usage: 5 }),
    });
    expect(await readBalance(connection)).toMatchObject({ source: "billing", unlimited: true });
  });

  it("follows a token usage answer of the wrong shape or a failure code", async () => {
    for (const wrong of [
      { code: false, message: "token not found", data: null },
      { code: 401, message: "invalid token" },
      { data: { total_available: "lots" }, code: true },
      [1, 2, 3],
      "just text",
    ]) {
      const connection = await relay({
        [TOKEN_USAGE]: (res) => json(res, 200, wrong),
        [SUBSCRIPTION]: (res) => json(res, 200, { hard_limit_usd: 3 }),
        [USAGE]: (res) => json(res, 200, { total_usage: 100 }),
      });
      expect(await readBalance(connection), JSON.stringify(wrong)).toMatchObject({
        source: "billing",
        amount: 2,
      });
      await server?.close();
      server = undefined;
    }
  });

  it("is null when the usage half of the pair is missing", async () => {
    const connection = await relay({ [SUBSCRIPTION]: (res) => json(res, 200, { hard_limit_usd: 3 }) });
    expect(await readBalance(connection)).toBeNull();
  });
});

describe("readBalance: the official credits", () => {
  it("reads credit_balance from {baseUrl}/credits", async () => {
    server = await startServer((req, res) =>
      req.url === "/dream-machine/v1/credits"
        ? json(res, 200, { credit_balance: 1523.5 })
        : json(res, 404, { detail: "Not Found" }),
    );
    const balance = await readBalance({
      kind: "official",
      baseUrl: `${server.url}/dream-machine/v1`,
      apiKey: TOKEN,
    });
    expect(balance).toEqual({ source: "credits", amount: 1523.5, unit: "credits", unlimited: false });
    // The official API has no relay account endpoints: nothing else is asked.
    expect(paths()).toEqual(["/dream-machine/v1/credits"]);
  });

  it("is null for a 404, a wrong shape or an HTML page sent as 200", async () => {
    for (const answer of [
      (res: ServerResponse) => json(res, 404, { detail: "Not Found" }),
      (res: ServerResponse) => json(res, 200, { credit_balance: "many" }),
      (res: ServerResponse) => {
        res.writeHead(200, { "content-type": "text/html" });
        res.end(HTML);
      },
    ]) {
      server = await startServer((_req, res) => answer(res));
      expect(await readBalance({ kind: "official", baseUrl: server.url, apiKey: TOKEN })).toBeNull();
      await server.close();
      server = undefined;
    }
  });
});

describe("readBalance never throws", () => {
  it("is null when every account endpoint is a 404 HTML page", async () => {
    const connection = await relay({});
    expect(await readBalance(connection)).toBeNull();
    expect(paths()).toEqual([TOKEN_USAGE, SUBSCRIPTION]);
  });

  it("is null when every endpoint answers HTML with 200, or garbage", async () => {
    for (const body of [HTML, "{not json", "", "\u0000\u0001binary"]) {
      server = await startServer((_req, res) => {
        res.writeHead(200, { "content-type": body === HTML ? "text/html" : "application/json" });
        res.end(body);
      });
      expect(await readBalance({ kind: "relay", baseUrl: server.url, apiKey: TOKEN }), body).toBeNull();
      await server.close();
      server = undefined;
    }
  });

  it("gives up on a slow answer after its time limit and tries the next source", async () => {
    const connection = await relay({
      [TOKEN_USAGE]: (res) => setTimeout(() => json(res, 200, usage({ total_available: 1 })), 2_000),
      [SUBSCRIPTION]: (res) => json(res, 200, { hard_limit_usd: 10 }),
      [USAGE]: (res) => json(res, 200, { total_usage: 0 }),
    });
    const started = Date.now();
    expect(await readBalance(connection, { timeoutMs: 200 })).toMatchObject({
      source: "billing",
      amount: 10,
    });
    expect(Date.now() - started).toBeLessThan(1_500);
    // One attempt per source: a slow or missing endpoint is not asked again.
    expect(paths()).toEqual([TOKEN_USAGE, SUBSCRIPTION, USAGE]);
  });

  it("is null when nothing listens, the base URL is not a URL, or the caller aborts", async () => {
    const closed = await closedPortUrl();
    expect(await readBalance({ kind: "relay", baseUrl: closed, apiKey: TOKEN })).toBeNull();
    expect(await readBalance({ kind: "official", baseUrl: closed, apiKey: TOKEN })).toBeNull();
    expect(await readBalance({ kind: "relay", baseUrl: "not a url", apiKey: TOKEN })).toBeNull();
    expect(
      await readBalance({ kind: "relay", baseUrl: "ftp://relay.example.com", apiKey: TOKEN }),
    ).toBeNull();
    expect(await readBalance({ kind: "relay", baseUrl: "https://relay.example.com", apiKey: "" })).toBeNull();
    const connection = await relay({
      [TOKEN_USAGE]: (res) => setTimeout(() => json(res, 200, usage({ total_available: 1 })), 2_000),
    });
    const aborted = readBalance(connection, { signal: AbortSignal.timeout(100) });
    expect(await aborted).toBeNull();
    // An abort stops the whole read: the billing pair is not asked after it.
    expect(paths()).toEqual([TOKEN_USAGE]);
  });
});

describe("readBalance and the token", () => {
  it("keeps the token out of its result and its log lines, even when an answer echoes it", async () => {
    const lines: LumaLogLine[] = [];
    const echo: Answer = (res, req) =>
      json(res, 401, { message: `invalid token ${req.headers.authorization}`, token: TOKEN });
    const connection = await relay({
      [TOKEN_USAGE]: echo,
      [SUBSCRIPTION]: (res) => json(res, 200, { hard_limit_usd: 5, echoed: TOKEN, note: `Bearer ${TOKEN}` }),
      [USAGE]: (res) => json(res, 200, { total_usage: 0, key: TOKEN }),
    });
    const balance = await readBalance(connection, { log: (line) => lines.push(line) });
    expect(balance).toEqual({ source: "billing", amount: 5, unit: "usd", unlimited: false });
    expect(lines.length).toBeGreaterThan(0);
    const seen = JSON.stringify({ balance, lines });
    expect(seen).not.toContain(TOKEN);
    expect(seen).not.toContain(TOKEN.slice(0, 16));

    // A relay whose every account endpoint echoes the token in an error.
    await server?.close();
    const failing = await relay({ [TOKEN_USAGE]: echo, [SUBSCRIPTION]: echo });
    lines.length = 0;
    expect(await readBalance(failing, { log: (line) => lines.push(line) })).toBeNull();
    expect(JSON.stringify(lines)).not.toContain(TOKEN.slice(4, 20));
  });
});
