import { afterEach, describe, expect, it } from "vitest";
import { createOfficialClient } from "./official-client";
import { createProvider } from "./provider";
import { FAST, json, startServer, type TestServer } from "./test-helpers";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const PICTURE = "https://cdn.example.com/photon/still.jpg";

describe("official client: Photon images", () => {
  it("creates on /generations/image with the model, ratio, format and references, sent once", async () => {
    server = await startServer((_req, res) =>
      json(res, 201, {
        id: "img-1",
        generation_type: "image",
        state: "completed",
        assets: { image: PICTURE },
        created_at: "2026-12-03T10:00:00Z",
      }),
    );
    const client = createOfficialClient({ baseUrl: `${server.url}/v1`, apiKey: "k-images-test", ...FAST });
    const snapshot = await client.createImage({
      prompt: "a lighthouse at dawn",
      aspectRatio: "9:16",
      format: "png",
      imageRefs: [{ url: "https://example.com/a.jpg" }],
      styleRef: { url: "https://example.com/style.jpg", weight: 0.6 },
      characterImages: ["https://example.com/face.jpg"],
      callbackUrl: "https://studio.example.com/hook",
    });
    // The picture comes where a poster goes: the studio's image task reads it from there.
    expect(snapshot).toMatchObject({
      upstreamId: "img-1",
      state: "completed",
      videoUrl: null,
      thumbnailUrl: PICTURE,
    });
    expect(server.received).toHaveLength(1);
    expect(server.received[0]?.url).toBe("/v1/generations/image");
    expect(JSON.parse(server.received[0]?.body ?? "null")).toEqual({
      generation_type: "image",
      prompt: "a lighthouse at dawn",
      model: "photon-1",
      aspect_ratio: "9:16",
      format: "png",
      image_ref: [{ url: "https://example.com/a.jpg" }],
      style_ref: [{ url: "https://example.com/style.jpg", weight: 0.6 }],
      character_ref: { identity0: { images: ["https://example.com/face.jpg"] } },
      callback_url: "https://studio.example.com/hook",
    });
  });

  it("a failed create is not retried (it may have been accepted); a relay has no images at all", async () => {
    server = await startServer((_req, res) => json(res, 503, { detail: "busy" }));
    const client = createOfficialClient({ baseUrl: server.url, apiKey: "k-images-test", ...FAST });
    await expect(client.createImage({ prompt: "a lighthouse" })).rejects.toMatchObject({ status: 503 });
    expect(server.received).toHaveLength(1);
    const relay = createProvider({ kind: "relay", baseUrl: server.url, apiKey: "k" });
    expect(relay.capabilities.images).toBeNull();
    expect(relay.createImage).toBeUndefined();
  });
});

describe("official client: camera concepts", () => {
  it("reads the concept list in any of its shapes and sends picked concepts as [{key}]", async () => {
    const answers: unknown[] = [
      ["pan_left", "dolly_zoom", 7, "", "pan_left", "has space"],
      { concepts: [{ key: "orbit_right" }, "crane_up"] },
    ];
    server = await startServer((req, res) => {
      if (req.url?.endsWith("/concepts/list")) return json(res, 200, answers.shift());
      return json(res, 201, { id: "g-1", state: "queued", generation_type: "video" });
    });
    const client = createOfficialClient({ baseUrl: server.url, apiKey: "k-concepts-test", ...FAST });
    // Not keys (numbers, blanks, words with spaces) and repeats are left out.
    expect(await client.concepts()).toEqual(["pan_left", "dolly_zoom"]);
    expect(await client.concepts()).toEqual(["orbit_right", "crane_up"]);
    await client.create({ prompt: "a slow reveal of a valley", concepts: ["orbit_right", "crane_up"] });
    const create = server.received.find((req) => req.url?.endsWith("/generations/video"));
    expect(JSON.parse(create?.body ?? "null")).toMatchObject({
      concepts: [{ key: "orbit_right" }, { key: "crane_up" }],
    });
  });

  it("an answer that is not a list is unreadable, not an empty list", async () => {
    server = await startServer((_req, res) => json(res, 200, { hello: "world" }));
    const client = createOfficialClient({ baseUrl: server.url, apiKey: "k-concepts-test", ...FAST });
    await expect(client.concepts()).rejects.toMatchObject({ kind: "unreadable" });
  });
});
