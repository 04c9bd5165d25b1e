import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "../db/open";
import { type TaskRow, tasks } from "../db/schema";
import { createLocalStorage } from "../storage/local";
import { createMirror, type MirrorDeps } from "./mirror";

const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypmp42"), Buffer.alloc(4000, 7)]);
const WATERMARKED = Buffer.concat([MP4.subarray(0, 12), Buffer.alloc(4000, 9)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 1)]);
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** A tiny upstream CDN: each path answers what the test put in `routes`. */
const routes = new Map<string, (res: http.ServerResponse) => void>();
const hits: string[] = [];
const server = http.createServer((req, res) => {
  hits.push(req.url ?? "");
  const answer = routes.get(req.url ?? "");
  if (answer) answer(res);
  else res.writeHead(404).end();
});
const send = (bytes: Buffer, type: string) => (res: http.ServerResponse) =>
  res.writeHead(200, { "content-type": type, "content-length": bytes.length }).end(bytes);

describe("media mirror", () => {
  let dir: string;
  let open: OpenDatabase;
  let base: string;
  let cleanUrl: string | null;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "luma-mirror-"));
    open = await openDatabase({ kind: "pglite", dataDir: path.join(dir, "db") });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await open.close();
    await fs.rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await open.db.delete(tasks);
    await fs.rm(path.join(dir, "media"), { recursive: true, force: true });
    routes.clear();
    hits.length = 0;
    cleanUrl = `${base}/clean.mp4`;
    routes.set("/clean.mp4", send(MP4, "video/mp4"));
    routes.set("/watermarked.mp4", send(WATERMARKED, "video/mp4"));
    routes.set("/thumb.jpg", send(JPEG, "image/jpeg"));
    routes.set("/last.jpg", send(JPEG, "image/jpeg"));
    await open.db.insert(tasks).values({
      id: "t1",
      provider: "relay",
      upstreamId: "up-1",
      kind: "generate",
      prompt: "fox",
      state: "completed",
      videoUrl: `${base}/watermarked.mp4`,
      thumbnailUrl: `${base}/thumb.jpg`,
      lastFrameUrl: `${base}/last.jpg`,
    });
  });

  const storage = () => createLocalStorage(path.join(dir, "media"));
  const mirror = (overrides: Partial<MirrorDeps> = {}) =>
    createMirror({
      db: open.db,
      storage: storage(),
      upstream: { downloadUrl: async () => cleanUrl },
      providerName: "relay",
      random: () => 0.5,
      ...overrides,
    });
  const read = async (): Promise<TaskRow> =>
    (await open.db.select().from(tasks).where(eq(tasks.id, "t1")))[0]!;
  const stored = async (key: string | null) => {
    if (!key) throw new Error("not stored");
    return Buffer.from(await new Response((await storage().read(key))!.body).arrayBuffer());
  };

  it("copies the clean video, thumbnail and last frame, with the video's sha256", async () => {
    expect(await mirror().mirrorDue()).toBe(1);
    const row = await read();
    expect(row).toMatchObject({
      videoKey: "clips/t1/video.mp4",
      thumbnailKey: "clips/t1/thumbnail.jpg",
      lastFrameKey: "clips/t1/last-frame.jpg",
      mirrorAttempts: 0,
      nextPollAt: null,
    });
    const video = await stored(row.videoKey);
    expect(video.equals(MP4)).toBe(true);
    expect(row.videoSha256).toBe(sha256(video));
    expect(hits).not.toContain("/watermarked.mp4");
    expect(await mirror().mirrorDue()).toBe(0);
  });

  it("falls back to the task's video link when the provider offers no download link", async () => {
    cleanUrl = null;
    await mirror({ upstream: { downloadUrl: async () => Promise.reject(new Error("404")) } }).mirrorDue();
    expect((await stored((await read()).videoKey)).equals(WATERMARKED)).toBe(true);
  });

  it("retries with growing delays, keeps what it copied, and gives up after the last attempt", async () => {
    routes.set("/clean.mp4", (res) => res.writeHead(503).end());
    const errors: string[] = [];
    const copier = mirror({
      settings: { maxAttempts: 2, baseDelayMs: 1_000 },
      onError: (e) => errors.push(e.piece),
    });
    const start = Date.now();
    await copier.mirrorDue(new Date(start));
    let row = await read();
    expect(row).toMatchObject({ videoKey: null, thumbnailKey: "clips/t1/thumbnail.jpg", mirrorAttempts: 1 });
    expect(row.nextPollAt!.getTime() - start).toBeGreaterThanOrEqual(1_000);
    expect(errors).toEqual(["video"]);

    expect(await copier.mirrorDue(new Date(start + 500))).toBe(0);
    await copier.mirrorDue(new Date(start + 60_000));
    row = await read();
    expect(row.mirrorAttempts).toBe(2);
    expect(await copier.mirrorDue(new Date(start + 3_600_000))).toBe(0);

    // A download asks again, whatever the count.
    routes.set("/clean.mp4", send(MP4, "video/mp4"));
    expect((await copier.mirrorTask("t1"))?.videoKey).toBe("clips/t1/video.mp4");
  });

  it("refuses an HTML page sent as 200, a file over the limit, and a non-http link", async () => {
    routes.set("/clean.mp4", send(Buffer.from("<!doctype html><p>error</p>"), "text/html"));
    routes.set("/thumb.jpg", send(Buffer.alloc(5_000, 0xff), "image/jpeg"));
    await open.db.update(tasks).set({ lastFrameUrl: "file:///etc/passwd" });
    const errors: string[] = [];
    await mirror({
      settings: { imageMaxBytes: 1_000 },
      onError: (e) => errors.push(`${e.piece}: ${e.message}`),
    }).mirrorDue();
    expect(errors).toEqual([
      expect.stringMatching(/^video: not mp4/),
      expect.stringMatching(/^thumbnail: file of 5000 bytes is over the limit/),
      expect.stringMatching(/^lastFrame: not http/),
    ]);
    expect(await read()).toMatchObject({
      videoKey: null,
      thumbnailKey: null,
      lastFrameKey: null,
      mirrorAttempts: 1,
    });
    expect(await fs.readdir(path.join(dir, "media", "clips", "t1")).catch(() => [])).toEqual([]);
  });

  it("gives up on a transfer that takes too long", async () => {
    routes.set("/clean.mp4", (res) => {
      res.writeHead(200, { "content-type": "video/mp4" });
      res.write(MP4.subarray(0, 100)); // …and never ends.
    });
    const errors: string[] = [];
    await mirror({ settings: { videoTimeoutMs: 300 }, onError: (e) => errors.push(e.piece) }).mirrorDue();
    expect(errors).toEqual(["video"]);
    expect((await read()).videoKey).toBeNull();
  });

  it("copies once when the finish hook and the background pass race", async () => {
    const copier = mirror();
    await Promise.all([copier.mirrorTask("t1"), copier.mirrorDue(), copier.mirrorTask("t1")]);
    expect(hits.filter((hit) => hit === "/clean.mp4")).toHaveLength(1);
  });

  it("leaves running and failed tasks alone", async () => {
    await open.db.update(tasks).set({ state: "running" });
    expect(await mirror().mirrorDue()).toBe(0);
    await open.db.update(tasks).set({ state: "failed" });
    expect(await mirror().mirrorDue()).toBe(0);
    expect(hits).toEqual([]);
  });
});
