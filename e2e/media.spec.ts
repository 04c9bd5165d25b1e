import { expect, test } from "@playwright/test";
import {
  getTask,
  sha256,
  share,
  simulatorFaults,
  stopSharing,
  storedClip,
  unknownToken,
  upstreamLinks,
} from "./fixtures/clips";
import { openClipMenu } from "./fixtures/gallery";

const uniquePrompt = (what: string) => `${what} ${Date.now().toString(36)}`;

test.describe("stored media", () => {
  test.setTimeout(150_000);

  test("after the provider's links expire, the card, the download and the share page still work", async ({
    page,
    browser,
    baseURL,
    request,
  }) => {
    await simulatorFaults(request, { mediaTtlMs: 4_000 });
    try {
      const prompt = uniquePrompt("Red fox in snow, golden hour");
      const clip = await storedClip(request, prompt);
      const upstream = await upstreamLinks(request, clip.upstreamId!);
      // The clean file the provider offers (fresh link) is what the studio kept, byte for byte.
      const original = await request.get(upstream.clean);
      expect(original.status()).toBe(200);
      expect(clip.video!.sha256).toBe(sha256(await original.body()));
      await expect
        .poll(
          async () => [
            (await request.get(upstream.video)).status(),
            (await request.get(upstream.thumbnail)).status(),
          ],
          {
            timeout: 20_000,
          },
        )
        .toEqual([403, 403]);

      await page.goto("/");
      const card = page.getByRole("article", { name: `Clip: ${prompt}` });
      const video = card.locator("video");
      await expect(video).toHaveAttribute("src", `/api/media/clips/${clip.id}/video.mp4`);
      await expect(video).toHaveAttribute("poster", `/api/media/clips/${clip.id}/thumbnail.jpg`);
      // Gallery videos load nothing until played (preload="none"); playing it must work from our copy.
      await video.evaluate((v: HTMLVideoElement) => {
        v.muted = true;
        void v.play().catch(() => {});
      });
      await expect
        .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState))
        .toBeGreaterThanOrEqual(2);
      await card.screenshot({ path: "test-results/artifacts/card-stored.png" });

      const download = await request.get(`/api/generations/${clip.id}/download`);
      expect(download.status()).toBe(200);
      expect(download.headers()["content-type"]).toBe("video/mp4");
      expect(download.headers()["content-disposition"]).toMatch(
        /^attachment; filename="red-fox-in-snow-golden-hour-[0-9a-z]+-[0-9a-f]{6}\.mp4"; filename\*=UTF-8''red-fox/,
      );
      expect(sha256(await download.body())).toBe(clip.video!.sha256);
      const menu = await openClipMenu(page, card);
      const [downloadLink] = await Promise.all([
        page.waitForEvent("download"),
        menu.getByRole("menuitem", { name: "Download" }).click(),
      ]);
      expect(downloadLink.suggestedFilename()).toMatch(/^red-fox-in-snow-golden-hour-.*\.mp4$/);

      const link = await share(request, clip.id);
      const context = await browser.newContext();
      const visitor = await context.newPage();
      expect((await visitor.goto(new URL(link.url, baseURL).href))?.status()).toBe(200);
      const shared = visitor.locator("video");
      await expect
        .poll(() => shared.evaluate((v: HTMLVideoElement) => v.readyState))
        .toBeGreaterThanOrEqual(2);
      const poster = await request.get(`/api/media/share/${link.token}/poster.jpg`);
      expect(poster.status()).toBe(200);
      expect(poster.headers()["content-type"]).toBe("image/jpeg");
      const sharedDownload = await request.get(`/api/media/share/${link.token}/video.mp4?download=1`);
      expect(sharedDownload.headers()["content-disposition"]).toMatch(/^attachment; filename="red-fox/);
      expect(sha256(await sharedDownload.body())).toBe(clip.video!.sha256);
      await context.close();
      await stopSharing(request, clip.id);
    } finally {
      await simulatorFaults(request, { mediaTtlMs: null });
    }
  });

  test("ranges on stored and shared media answer 206 with exactly the bytes asked for", async ({
    request,
  }) => {
    const clip = await storedClip(request, uniquePrompt("A slow pan across a neon alley"));
    const link = await share(request, clip.id);
    const whole = await request.get(clip.video!.url);
    expect(whole.status()).toBe(200);
    expect(whole.headers()).toMatchObject({ "accept-ranges": "bytes", "content-type": "video/mp4" });
    expect(whole.headers()["cache-control"]).toContain("max-age=31536000");
    expect(whole.headers().etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    const bytes = await whole.body();
    expect(bytes.length).toBeGreaterThan(2000);

    for (const url of [clip.video!.url, `/api/media/share/${link.token}/video.mp4`]) {
      const part = await request.get(url, { headers: { range: "bytes=1000-1999" } });
      expect(part.status(), url).toBe(206);
      expect(part.headers()["content-range"]).toBe(`bytes 1000-1999/${bytes.length}`);
      // Next drops Content-Length from route handler answers (they go out chunked); Content-Range says it.
      expect((await part.body()).equals(bytes.subarray(1000, 2000))).toBe(true);
      const tail = await request.get(url, { headers: { range: "bytes=-100" } });
      expect(tail.status()).toBe(206);
      expect((await tail.body()).equals(bytes.subarray(bytes.length - 100))).toBe(true);
      const past = await request.get(url, { headers: { range: `bytes=${bytes.length}-` } });
      expect(past.status()).toBe(416);
      expect(past.headers()["content-range"]).toBe(`bytes */${bytes.length}`);
      const again = await request.get(url, { headers: { "if-none-match": whole.headers().etag! } });
      expect(again.status()).toBe(304);
    }
    await stopSharing(request, clip.id);
  });

  test("an unshared clip's media is not reachable through any share path", async ({ request }) => {
    const clip = await storedClip(request, uniquePrompt("A kite over green dunes"));
    const other = await storedClip(request, uniquePrompt("A teacup steaming by a window"));
    const otherLink = await share(request, other.id);
    const probes = [
      `/api/media/share/${clip.id}/video.mp4`,
      `/api/media/share/${unknownToken()}/video.mp4`,
      `/api/media/share/${otherLink.token}/clips/${clip.id}/video.mp4`,
      `/api/media/share/${otherLink.token}/thumbnail.jpg`,
      `/api/media/share/${otherLink.token}/last-frame.jpg`,
      `/api/media/share/${otherLink.token}/${clip.id}`,
      `/s/${clip.id}`,
    ];
    for (const url of probes) expect((await request.get(url)).status(), url).toBe(404);
    // The other clip's link serves the other clip, and only it.
    const served = await request.get(`/api/media/share/${otherLink.token}/video.mp4`);
    expect(sha256(await served.body())).toBe(other.video!.sha256);
    expect(other.video!.sha256).not.toBe(clip.video!.sha256);
    expect((await getTask(request, clip.id)).share).toBeNull();
    await stopSharing(request, other.id);
  });
});
