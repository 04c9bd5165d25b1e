import { rm } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { startSim, text, until } from "./test-kit";

describe("persistence", () => {
  it("a restart loses no task: finished media is still served, unfinished renders resume", async () => {
    const first = await startSim({ pendingMs: 200, processingMs: 3000, concurrency: 1 });
    const dataDir = first.dataDir;
    try {
      const done = await first.json("/luma/generations", { body: { user_prompt: "before restart" } });
      await first.waitFor(text(done, "id"));
      const rendering = await first.json("/luma/generations", { body: { user_prompt: "mid render" } });
      await first.waitFor(text(rendering, "id"), ["processing"]);
      const waiting = await first.json("/luma/generations", { body: { user_prompt: "still pending" } });
      await first.server.close();
      await first.simulator.close();

      const second = await startSim({ dataDir, pendingMs: 50, processingMs: 100 });
      try {
        const old = await second.json(`/luma/generations/${text(done, "id")}`);
        expect(old.state).toBe("completed");
        const video = await second.call(new URL(text(old, "video_raw", "url")).pathname);
        expect(video.headers.get("content-type")).toBe("video/mp4");
        await video.body?.cancel();
        for (const id of [text(rendering, "id"), text(waiting, "id")]) {
          expect((await second.waitFor(id)).state).toBe("completed");
        }
      } finally {
        await second.server.close();
        await second.simulator.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe("media serving", () => {
  it("answers byte ranges with 206 and Content-Range, suffix ranges, 416 and HEAD", async () => {
    const sim = await startSim();
    try {
      const task = await sim.waitFor(
        text(await sim.json("/luma/generations", { body: { user_prompt: "ranges" } }), "id"),
      );
      const url = text(task, "video_raw", "url");
      const whole = await fetch(url);
      const bytes = Buffer.from(await whole.arrayBuffer());
      expect([whole.status, whole.headers.get("accept-ranges")]).toEqual([200, "bytes"]);
      const part = await fetch(url, { headers: { range: "bytes=100-199" } });
      expect(part.status).toBe(206);
      expect(part.headers.get("content-range")).toBe(`bytes 100-199/${bytes.length}`);
      expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(100, 200));
      const tail = await fetch(url, { headers: { range: "bytes=-10" } });
      expect(Buffer.from(await tail.arrayBuffer())).toEqual(bytes.subarray(bytes.length - 10));
      const open = await fetch(url, { headers: { range: `bytes=${bytes.length - 5}-` } });
      expect((await open.arrayBuffer()).byteLength).toBe(5);
      const beyond = await fetch(url, { headers: { range: `bytes=${bytes.length}-` } });
      expect([beyond.status, beyond.headers.get("content-range")]).toEqual([416, `bytes */${bytes.length}`]);
      const head = await fetch(url, { method: "HEAD" });
      expect([head.status, head.headers.get("content-length")]).toEqual([200, String(bytes.length)]);
      const thumb = await fetch(text(task, "thumbnail", "url"));
      expect(thumb.headers.get("content-type")).toBe("image/jpeg");
      await thumb.body?.cancel();
      expect((await fetch(url.replace("video.mp4", "start.png"))).status).toBe(404);
    } finally {
      await sim.dispose();
    }
  });

  it("media links expire after completion; download_video_url issues a fresh link", async () => {
    const sim = await startSim({ faults: { mediaTtlMs: 1500 } });
    try {
      const task = await sim.waitFor(
        text(await sim.json("/luma/generations", { body: { user_prompt: "expiring" } }), "id"),
      );
      const url = text(task, "video", "url");
      expect(url).toMatch(/\?expires=\d+&signature=[0-9a-f]+$/);
      const fresh = await fetch(url);
      expect(fresh.status).toBe(200);
      await fresh.body?.cancel();
      const tampered = await fetch(url.replace(/expires=\d+/, `expires=${Date.now() + 3_600_000}`));
      expect(tampered.status).toBe(403);
      await until(
        async () => (await fetch(url, { method: "HEAD" })).status,
        (status) => status === 403,
        5_000,
      );
      const expired = await fetch(url);
      expect([expired.status, await expired.text()]).toEqual([
        403,
        expect.stringContaining("Request has expired"),
      ]);
      const { url: renewed } = (await sim.json(
        `/luma/generations/${text(task, "id")}/download_video_url`,
      )) as {
        url: string;
      };
      const again = await fetch(renewed);
      expect([again.status, again.headers.get("content-type")]).toEqual([200, "video/mp4"]);
      await again.body?.cancel();
    } finally {
      await sim.dispose();
    }
  });
});
