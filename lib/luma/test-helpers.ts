/** Shared by the lib/luma tests: fixtures from disk and a real HTTP server on 127.0.0.1. */
import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import path from "node:path";
import type { UpstreamSnapshot } from "./types";

export function fixtureText(name: string): string {
  return readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");
}

export function fixture(name: string): unknown {
  return JSON.parse(fixtureText(name));
}

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface TestServer {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

export type Handler = (req: Received, res: ServerResponse) => unknown;

export async function startServer(handler: Handler): Promise<TestServer> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const entry = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      received.push(entry);
      Promise.resolve(handler(entry, res)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("test server has no port");
  const { port } = address;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

/** A port nothing listens on: bind, note the port, close. */
export async function closedPortUrl(): Promise<string> {
  const server = await startServer(() => {});
  await server.close();
  return server.url;
}

/** Options that keep client tests fast. */
export const FAST = { timeoutMs: 500, retries: 2, retryBaseMs: 5, retryMaxMs: 20, maxRetryAfterMs: 2_000 };

/** Every field an answer may leave out, empty: tests spread it and set only what they are about. */
export const EMPTY_SNAPSHOT_FIELDS: Omit<UpstreamSnapshot, "upstreamId" | "state" | "rawState"> = {
  videoUrl: null,
  watermarkedVideoUrl: null,
  width: null,
  height: null,
  durationSeconds: null,
  thumbnailUrl: null,
  lastFrameUrl: null,
  failureReason: null,
  createdAt: null,
  estimateWaitSeconds: null,
  prompt: null,
};

/** A running task's snapshot, with the given fields changed. */
export function snapshotOf(overrides: Partial<UpstreamSnapshot> = {}): UpstreamSnapshot {
  return {
    upstreamId: "up-1",
    state: "running",
    rawState: "processing",
    ...EMPTY_SNAPSHOT_FIELDS,
    ...overrides,
  };
}
