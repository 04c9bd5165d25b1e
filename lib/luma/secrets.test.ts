import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOfficialClient } from "./official-client";
import { createRelayClient } from "./relay-client";
import { closedPortUrl, FAST, json, startServer, type TestServer } from "./test-helpers";
import type { LumaLogLine } from "./types";

const TOKEN = "sk-LEAK-7Zq9xW2vK4pT8mN3rB6y";
// Any fragment this long would be a leak too (e.g. a body cut at 500 bytes mid-token).
const FRAGMENTS = [TOKEN, "7Zq9xW2v", "K4pT8mN3", "rB6y"];

/** Every failure mode answers with the Authorization header echoed back in some shape. */
function echo(path: string, auth: string): [number, string, Record<string, string>] {
  const type = { "content-type": "application/json" };
  const html = { "content-type": "text/html" };
  const bodies: Record<string, [number, unknown, Record<string, string>]> = {
    e401: [401, { error: { message: `invalid ${auth}`, type: "auth" } }, type],
    e404: [404, { detail: `no task for ${auth}` }, type],
    e403: [403, { detail: `forbidden for ${auth}` }, type],
    e500: [500, `upstream crashed for ${auth}`, { "content-type": "text/plain" }],
    ehtml: [200, `<html><body>${auth}</body></html>`, html],
    ehtml502: [502, `<html><body>${auth}</body></html>`, html],
    ecode: [200, { code: 500, message: auth, data: null }, type],
    ecode401: [200, { code: 401, message: `token ${auth} expired`, data: null }, type],
    edetail200: [200, { detail: { reason: auth, code: 1 } }, type],
    efastapi: [422, { detail: [{ loc: ["header", auth], msg: auth, type: "value_error" }] }, type],
    e429: [429, { detail: auth }, { ...type, "retry-after": "999" }],
    ejunk: [200, `not json ${auth}`, { "content-type": "text/plain" }],
    // "Bearer sk-LEAK-7Zq9xW2v" ends exactly at the 500-byte cut of the log snippet.
    ebig: [200, `${"x".repeat(477)}${auth}${"y".repeat(1000)}`, { "content-type": "text/plain" }],
    earray: [200, [{ detail: auth }], type],
    etask: [200, { id: "t-1", state: "failed", failure_reason: `rejected ${auth}`, prompt: auth }, type],
  };
  const key = path.split("/").filter(Boolean).at(-1) ?? "";
  const found = bodies[key] ?? bodies[path.includes("download") ? "e500" : "e403"];
  const [status, body, headers] = found ?? [500, auth, type];
  return [status, typeof body === "string" ? body : JSON.stringify(body), headers];
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url.includes("eslow")) return; // never answers
    const [status, body, headers] = echo(req.url, String(req.headers.authorization));
    if (req.url === "/luma/tasks")
      return json(res, 404, { detail: `no batch for ${req.headers.authorization}` });
    res.writeHead(status, headers);
    res.end(body);
  });
});
afterAll(() => server.close());

function everyTextOf(value: unknown): string[] {
  const texts = [inspect(value, { depth: 10, showHidden: true }), String(value)];
  try {
    texts.push(JSON.stringify(value) ?? "");
  } catch {}
  if (value instanceof Error) {
    texts.push(value.stack ?? "", value.message);
    texts.push(...everyTextOf(value.cause));
  }
  return texts;
}

describe("the API token never leaks", () => {
  it("through any thrown error, log line or snapshot", async () => {
    const logged: LumaLogLine[] = [];
    // A generous timeout for every call but the one meant to time out: on a busy machine a 150 ms limit
    // turned answers such as 401 into timeouts, and the kinds below went missing.
    const options = {
      apiKey: TOKEN,
      ...FAST,
      timeoutMs: 10_000,
      log: (line: LumaLogLine) => logged.push(line),
    };
    const relay = createRelayClient({ baseUrl: server.url, ...options });
    const impatient = createRelayClient({ baseUrl: server.url, ...options, timeoutMs: 150 });
    const official = createOfficialClient({ baseUrl: server.url, ...options });
    const refused = createRelayClient({ baseUrl: await closedPortUrl(), ...options });
    const aborted = new AbortController();
    aborted.abort();

    const ids = [
      "e401",
      "e403",
      "e404",
      "e500",
      "ehtml",
      "ehtml502",
      "ecode",
      "ecode401",
      "edetail200",
      "efastapi",
    ];
    const calls: Promise<unknown>[] = [
      ...[...ids, "e429", "ejunk", "ebig", "earray"].map((id) => relay.get(id)),
      impatient.get("eslow"),
      relay.get("etask"),
      relay.submit({ prompt: "cat" }),
      relay.extend({ parentUpstreamId: "ecode", prompt: "cat" }),
      relay.getMany(["e401", "ecode"]),
      relay.downloadUrl("x"),
      relay.get("e401", { signal: aborted.signal }),
      refused.submit({ prompt: "cat" }),
      refused.get("x"),
      official.create({ prompt: "a tiger" }),
      official.credits(),
      official.list(),
      official.get("ebig"),
      official.delete("e500"),
    ];
    const outcomes = await Promise.allSettled(calls);
    const thrown = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
    const values = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));

    // Most calls fail, in every kind; the failed task is read (with its echo scrubbed).
    expect(thrown.length).toBeGreaterThanOrEqual(calls.length - 2);
    const kinds = new Set(thrown.map((e: { kind?: string }) => e.kind));
    for (const kind of [
      "unauthorized",
      "rate_limited",
      "rejected",
      "not_found",
      "unavailable",
      "unreadable",
      "aborted",
    ]) {
      expect(kinds).toContain(kind);
    }
    expect(values).toContainEqual(
      expect.objectContaining({ upstreamId: "etask", failureReason: "rejected Bearer [redacted]" }),
    );
    expect(logged.length).toBeGreaterThan(5);
    // The server did receive the token, so the echoes were real.
    expect(server.received.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);

    const haystack = [...thrown, ...values, ...logged].flatMap(everyTextOf).join("\n");
    expect(haystack).toContain("[redacted]");
    for (const fragment of FRAGMENTS) expect(haystack).not.toContain(fragment);
  });
});
