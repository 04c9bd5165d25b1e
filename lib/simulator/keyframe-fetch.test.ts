import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plainKeyframeFetch } from "./keyframe-fetch";

/** The standalone simulator's keyframe download: redirects followed, the body limited as it streams. */

let server: http.Server;
let base = "";
let endlessClosed: Promise<void>;
let markClosed: () => void = () => undefined;

beforeAll(async () => {
  endlessClosed = new Promise((resolve) => {
    markClosed = resolve;
  });
  server = http.createServer((req, res) => {
    if (req.url === "/small") return res.end(Buffer.alloc(1000, 1));
    if (req.url === "/to-small") return res.writeHead(302, { location: "/small" }).end();
    if (req.url === "/declared")
      return res.writeHead(200, { "content-length": "5000" }).end(Buffer.alloc(5000));
    if (req.url === "/missing") return res.writeHead(404).end("no");
    // Chunked, no length, never ends: only a streamed limit stops it.
    res.writeHead(200, { "content-type": "image/png" });
    const timer = setInterval(() => res.write(Buffer.alloc(64 * 1024)), 5);
    res.on("close", () => {
      clearInterval(timer);
      markClosed();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const limits = { maxBytes: 4096, timeoutMs: 10_000 };

describe("plainKeyframeFetch", () => {
  it("returns the body, following redirects", async () => {
    expect((await plainKeyframeFetch(`${base}/to-small`, limits)).byteLength).toBe(1000);
  });

  it("names the status of a failed answer", async () => {
    await expect(plainKeyframeFetch(`${base}/missing`, limits)).rejects.toThrow("HTTP 404");
  });

  it("refuses a declared length over the limit", async () => {
    await expect(plainKeyframeFetch(`${base}/declared`, limits)).rejects.toThrow(/^larger than/);
  });

  it("stops an endless body at the limit and drops the connection", async () => {
    const started = Date.now();
    await expect(
      plainKeyframeFetch(`${base}/endless`, { maxBytes: 1_048_576, timeoutMs: 10_000 }),
    ).rejects.toThrow("larger than 1 MB");
    await endlessClosed;
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
