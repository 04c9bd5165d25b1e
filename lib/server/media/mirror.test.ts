import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "../db/open";
import { jobs, type TaskRow, tasks } from "../db/schema";
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
    await open.db.delete(jobs);
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
      completedAt: new Date(),
    });
  });

  const storage = () => createLocalStorage(path.join(dir, "media"));
  const mirror = (overrides: Partial<MirrorDeps> = {}) =>
    createMirror({
      db: open.db,
      storage: storage(),
      upstream: { downloadUrl: async () => cleanUrl },
      providerName: "relay",
      // The local CDN stands in for the upstream's own origin, the one private address allowed.
      trusted: [`${base}/`],
      random: () => 0.5,
      ...overrides,
    });
  const read = async (): Promise<TaskRow> =>
    (await open.db.select().from(tasks).where(eq(tasks.id, "t1")))[0]!;
  const job = async () => (await open.db.select().from(jobs).where(eq(jobs.subject, "t1")))[0];
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
    });
    expect(await job()).toBeUndefined();
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

  it("retries with a capped, growing delay while the link can still work, then gives up and says why", async () => {
    routes.set("/clean.mp4", (res) => res.writeHead(503).end());
    const errors: string[] = [];
    const copier = mirror({
      settings: { baseDelayMs: 1_000, maxDelayMs: 4_000 },
      onError: (e) => errors.push(e.piece),
    });
    const start = Date.now();
    await copier.mirrorDue(new Date(start));
    expect(await read()).toMatchObject({ videoKey: null, thumbnailKey: "clips/t1/thumbnail.jpg" });
    expect(await job()).toMatchObject({ attempts: 1, lastError: "video: upstream answered HTTP 503" });
    expect((await job())!.runAt!.getTime() - start).toBeGreaterThanOrEqual(1_000);
    expect(errors).toEqual(["video"]);
    expect(await copier.mirrorDue(new Date(start + 500))).toBe(0);

    // Well past the 8 attempts after which copies used to stop: still trying, at most 4 s apart.
    let clock = start;
    for (let attempt = 2; attempt <= 12; attempt++) {
      clock = (await job())!.runAt!.getTime();
      expect(await copier.mirrorDue(new Date(clock))).toBe(1);
    }
    const late = (await job())!;
    expect(late).toMatchObject({ attempts: 12 });
    expect(late.runAt!.getTime() - Date.now()).toBeLessThanOrEqual(4_000 * 1.2);

    // Once the provider's links have surely expired, the job stops and keeps the reason.
    await open.db.update(tasks).set({ completedAt: new Date(Date.now() - 37 * 3_600_000) });
    await copier.mirrorDue(late.runAt!);
    expect(await job()).toMatchObject({ runAt: null, lastError: "video: upstream answered HTTP 503" });
    expect(await copier.mirrorDue(new Date(clock + 3_600_000))).toBe(0);

    // A download asks again, given up or not.
    routes.set("/clean.mp4", send(MP4, "video/mp4"));
    expect((await copier.mirrorTask("t1"))?.videoKey).toBe("clips/t1/video.mp4");
    expect(await job()).toBeUndefined();
  });

  it("gives up at once on a link that says twice it is gone (410), and says so", async () => {
    routes.set("/clean.mp4", (res) => res.writeHead(410).end());
    const copier = mirror();
    const start = Date.now();
    await copier.mirrorDue(new Date(start));
    expect((await job())?.runAt).not.toBeNull();
    await copier.mirrorDue(new Date(start + 3_600_000));
    expect(await job()).toMatchObject({
      runAt: null,
      attempts: 2,
      lastError: "video: upstream answered HTTP 410",
    });
  });

  it("copies clips in parallel: a download that never ends holds back none of the others", async () => {
    await open.db.delete(tasks);
    routes.set("/endless.mp4", (res) => {
      res.writeHead(200, { "content-type": "video/mp4" });
      res.write(MP4.subarray(0, 100)); // …and never ends.
    });
    for (const id of ["slow", "fast-1", "fast-2"]) {
      await open.db.insert(tasks).values({
        id,
        provider: "relay",
        kind: "generate",
        prompt: id,
        state: "completed",
        videoUrl: id === "slow" ? `${base}/endless.mp4` : `${base}/watermarked.mp4`,
        completedAt: new Date(),
      });
    }
    const copier = mirror({
      upstream: { downloadUrl: async () => null },
      settings: { videoTimeoutMs: 5_000 },
    });
    const started = Date.now();
    const pass = copier.mirrorDue();
    const stored = async () =>
      (await open.db.select().from(tasks)).filter((row) => row.videoKey).map((row) => row.id);
    while ((await stored()).length < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(Date.now() - started).toBeLessThan(4_000);
    expect((await stored()).sort()).toEqual(["fast-1", "fast-2"]);
    await pass;
    expect((await open.db.select().from(jobs))[0]).toMatchObject({ subject: "slow", attempts: 1 });
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
      expect.stringMatching(/^thumbnail: file is over the limit of 1000 bytes/),
      expect.stringMatching(/^lastFrame: refused: Only http\(s\)/),
    ]);
    expect(await read()).toMatchObject({ videoKey: null, thumbnailKey: null, lastFrameKey: null });
    // The HTML page may be a passing fault, so the job still retries.
    expect(await job()).toMatchObject({ attempts: 1 });
    expect((await job())?.runAt).not.toBeNull();
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

  it("drops the job of a clip deleted while its copy was given up", async () => {
    routes.set("/clean.mp4", (res) => res.writeHead(410).end());
    const copier = mirror({ settings: { sweepEveryMs: 0 } });
    await copier.mirrorDue();
    await copier.mirrorDue(new Date(Date.now() + 3_600_000));
    expect((await job())?.runAt).toBeNull();
    await open.db.delete(tasks);
    await copier.mirrorDue();
    expect(await job()).toBeUndefined();
  });

  it("leaves running and failed tasks alone", async () => {
    await open.db.update(tasks).set({ state: "running" });
    expect(await mirror().mirrorDue()).toBe(0);
    await open.db.update(tasks).set({ state: "failed" });
    expect(await mirror().mirrorDue()).toBe(0);
    expect(hits).toEqual([]);
  });
});
