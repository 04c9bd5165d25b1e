import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "../db/open";
import { jobs, tasks } from "../db/schema";
import { createLocalStorage } from "../storage/local";
import { createMirror } from "./mirror";

/**
 * Issue 16 point 3: the upstream (or anyone holding a task's hook secret) names the media links the
 * mirror copies. Only the configured upstream's own origin may be a loopback address; any other port,
 * host spelling or redirect to an internal service is refused before a byte is stored.
 */

const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypmp42"), Buffer.alloc(2000, 7)]);
// What an internal service would hand out; it must never be stored (and so never be shared).
const INTERNAL = Buffer.concat([MP4.subarray(0, 12), Buffer.from("INTERNAL-SECRET"), Buffer.alloc(500)]);

function listen(handler: http.RequestListener): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as AddressInfo).port })),
  );
}

describe("the mirror only copies from public addresses or the upstream's own origin", () => {
  let dir: string;
  let open: OpenDatabase;
  let upstream: { server: http.Server; port: number };
  let internal: { server: http.Server; port: number };
  const internalHits: string[] = [];

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "luma-ssrf-"));
    open = await openDatabase({ kind: "pglite", dataDir: path.join(dir, "db") });
    internal = await listen((req, res) => {
      internalHits.push(req.url ?? "");
      res.writeHead(200, { "content-type": "video/mp4" }).end(INTERNAL);
    });
    upstream = await listen((req, res) => {
      const url = new URL(req.url ?? "/", "http://x");
      if (url.pathname === "/ok.mp4") return res.writeHead(200, { "content-type": "video/mp4" }).end(MP4);
      if (url.pathname === "/to")
        return res.writeHead(302, { location: url.searchParams.get("url") ?? "/" }).end();
      res.writeHead(404).end();
    });
  });
  afterAll(async () => {
    upstream.server.close();
    internal.server.close();
    await open.close();
    await fs.rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    internalHits.length = 0;
    await open.db.delete(tasks);
    // A refused copy leaves its job waiting to retry; each case starts with no job of its own.
    await open.db.delete(jobs);
    await fs.rm(path.join(dir, "media"), { recursive: true, force: true });
  });

  async function copyFrom(videoUrl: string) {
    await open.db.insert(tasks).values({
      id: "t1",
      provider: "relay",
      upstreamId: "up-1",
      kind: "generate",
      prompt: "fox",
      state: "completed",
      videoUrl,
    });
    const errors: string[] = [];
    await createMirror({
      db: open.db,
      storage: createLocalStorage(path.join(dir, "media")),
      upstream: { downloadUrl: async () => null },
      providerName: "relay",
      trusted: [`http://127.0.0.1:${upstream.port}/`],
      random: () => 0.5,
      settings: { videoTimeoutMs: 5_000 },
      onError: (e) => errors.push(e.message),
    }).mirrorDue();
    const [row] = await open.db.select().from(tasks).where(eq(tasks.id, "t1"));
    return { videoKey: row?.videoKey ?? null, errors };
  }

  it("copies from the upstream's own origin", async () => {
    expect((await copyFrom(`http://127.0.0.1:${upstream.port}/ok.mp4`)).videoKey).toBe("clips/t1/video.mp4");
  });

  it.each([
    [
      "a redirect to another port on loopback",
      () =>
        `http://127.0.0.1:${upstream.port}/to?url=${encodeURIComponent(`http://127.0.0.1:${internal.port}/secret`)}`,
    ],
    [
      "a redirect to [::ffff:127.0.0.1]",
      () =>
        `http://127.0.0.1:${upstream.port}/to?url=${encodeURIComponent(`http://[::ffff:127.0.0.1]:${internal.port}/secret`)}`,
    ],
    [
      "a redirect to cloud metadata",
      () =>
        `http://127.0.0.1:${upstream.port}/to?url=${encodeURIComponent("http://169.254.169.254/latest/meta-data/")}`,
    ],
    ["another port on loopback", () => `http://127.0.0.1:${internal.port}/secret`],
    [
      "the upstream's port under [::ffff:127.0.0.1]",
      () => `http://[::ffff:127.0.0.1]:${internal.port}/secret`,
    ],
    ["the upstream's port under another name", () => `http://localhost:${internal.port}/secret`],
    ["loopback as a decimal number", () => `http://2130706433:${internal.port}/secret`],
    ["loopback through 6to4", () => `http://[2002:7f00:1::]:${internal.port}/secret`],
    ["loopback through NAT64", () => `http://[64:ff9b::7f00:1]:${internal.port}/secret`],
    ["IPv4-compatible loopback", () => `http://[::127.0.0.1]:${internal.port}/secret`],
    ["port 22 on loopback", () => "http://127.0.0.1:22/"],
    ["a non-http scheme", () => "file:///etc/passwd"],
  ])("refuses %s and stores nothing", async (_name, url) => {
    const result = await copyFrom(url());
    expect(result.videoKey).toBeNull();
    expect(result.errors).toEqual([expect.stringMatching(/refused/)]);
    expect(internalHits).toEqual([]);
    const stored = await fs.readdir(path.join(dir, "media", "clips", "t1")).catch(() => []);
    expect(stored).toEqual([]);
  });
});
