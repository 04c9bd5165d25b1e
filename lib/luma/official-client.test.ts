import { afterEach, describe, expect, it } from "vitest";
import { OFFICIAL_CAPABILITIES, RELAY_CAPABILITIES } from "./capabilities";
import { LumaError } from "./errors";
import { createOfficialClient } from "./official-client";
import { createProvider } from "./provider";
import { FAST, fixtureText, json, startServer, type TestServer } from "./test-helpers";

const TOKEN = "official-test-key";
const GENERATION_ID = "d1f2a3b4-1111-4222-8333-444455556666";
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function bodyOf(index: number): unknown {
  return JSON.parse(server?.received[index]?.body ?? "null");
}

describe("official client", () => {
  it("creates on /generations/video with keyframes, model and callback_url", async () => {
    server = await startServer((_req, res) => json(res, 201, fixtureText("official-generation-queued.txt")));
    const client = createOfficialClient({
      baseUrl: `${server.url}/dream-machine/v1/`,
      apiKey: TOKEN,
      ...FAST,
    });
    const snapshot = await client.create({
      prompt: "a tiger walking in snow",
      model: "ray-flash-2",
      aspectRatio: "21:9",
      resolution: "4k",
      duration: "9s",
      loop: false,
      startImageUrl: "https://example.com/start.jpg",
      endImageUrl: "https://example.com/end.jpg",
      callbackUrl: "https://studio.example.com/hook",
    });
    expect(snapshot).toMatchObject({ upstreamId: GENERATION_ID, state: "queued" });
    expect(server.received[0]?.url).toBe("/dream-machine/v1/generations/video");
    expect(server.received[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(bodyOf(0)).toEqual({
      prompt: "a tiger walking in snow",
      model: "ray-flash-2",
      aspect_ratio: "21:9",
      resolution: "4k",
      duration: "9s",
      loop: false,
      callback_url: "https://studio.example.com/hook",
      keyframes: {
        frame0: { type: "image", url: "https://example.com/start.jpg" },
        frame1: { type: "image", url: "https://example.com/end.jpg" },
      },
    });
  });

  it("falls back to POST /generations on 404 and remembers it", async () => {
    server = await startServer((req, res) => {
      if (req.url === "/generations/video") return json(res, 404, { detail: "Not Found" });
      json(res, 201, fixtureText("official-generation-queued.txt"));
    });
    const client = createOfficialClient({ baseUrl: server.url, apiKey: TOKEN, ...FAST });
    await client.create({ prompt: "a tiger" });
    await client.create({ prompt: "a tiger" });
    expect(server.received.map((r) => r.url)).toEqual(["/generations/video", "/generations", "/generations"]);
    expect(client.createPath).toBe("/generations");
    expect(bodyOf(1)).toEqual({ prompt: "a tiger", model: "ray-2" });
  });

  it("extends with frame0 = the parent generation, and refuses a start image", async () => {
    server = await startServer((_req, res) => json(res, 201, fixtureText("official-generation-queued.txt")));
    const client = createOfficialClient({ baseUrl: server.url, apiKey: TOKEN, ...FAST });
    await client.extend({
      parentUpstreamId: "parent-1",
      prompt: "the tiger runs",
      endImageUrl: "https://e.com/x.png",
    });
    expect(bodyOf(0)).toEqual({
      prompt: "the tiger runs",
      model: "ray-2",
      keyframes: {
        frame0: { type: "generation", id: "parent-1" },
        frame1: { type: "image", url: "https://e.com/x.png" },
      },
    });
    const refused = client.extend({
      parentUpstreamId: "p",
      prompt: "x",
      startImageUrl: "https://e.com/a.png",
    });
    await expect(refused).rejects.toMatchObject({ kind: "rejected" });
    expect(server.received).toHaveLength(1);
  });

  it("upscales, adds audio and modifies on their own paths, each sent once, never retried", async () => {
    server = await startServer((_req, res) => json(res, 201, fixtureText("official-generation-queued.txt")));
    const client = createOfficialClient({ baseUrl: server.url, apiKey: TOKEN, ...FAST });
    const hook = "https://studio.example.com/hook";
    await client.edit({ tool: "upscale", sourceUpstreamId: "src 1", resolution: "4k", callbackUrl: hook });
    await client.edit({ tool: "audio", sourceUpstreamId: "src-2", prompt: "rain", negativePrompt: "" });
    const modified = await client.edit({
      tool: "modify",
      sourceVideoUrl: "https://cdn.example.com/v.mp4",
      mode: "reimagine_2",
      prompt: "as a watercolour",
      firstFrameUrl: "https://cdn.example.com/f.png",
    });
    expect(modified).toMatchObject({ upstreamId: GENERATION_ID, state: "queued" });
    expect(server.received.map((request) => request.url)).toEqual([
      "/generations/src%201/upscale",
      "/generations/src-2/audio",
      "/generations/video/modify",
    ]);
    expect([bodyOf(0), bodyOf(1), bodyOf(2)]).toEqual([
      { generation_type: "upscale_video", resolution: "4k", callback_url: hook },
      { generation_type: "add_audio", prompt: "rain" },
      {
        generation_type: "modify_video",
        media: { url: "https://cdn.example.com/v.mp4" },
        mode: "reimagine_2",
        model: "ray-2",
        prompt: "as a watercolour",
        first_frame: { url: "https://cdn.example.com/f.png" },
      },
    ]);

    await server.close();
    server = await startServer((_req, res) => json(res, 503, { detail: "busy" }));
    const flaky = createOfficialClient({ baseUrl: server.url, apiKey: TOKEN, ...FAST });
    await expect(
      flaky.edit({ tool: "upscale", sourceUpstreamId: "s", resolution: "1080p" }),
    ).rejects.toMatchObject({ kind: "unavailable" });
    expect(server.received).toHaveLength(1);
  });

  it("extends backward with frame1 = the parent, and bridges two generations with both frames", async () => {
    server = await startServer((_req, res) => json(res, 201, fixtureText("official-generation-queued.txt")));
    const client = createOfficialClient({ baseUrl: server.url, apiKey: TOKEN, ...FAST });
    await client.extend({
      parentUpstreamId: "parent-1",
      prompt: "the tiger arrives",
      direction: "backward",
      startImageUrl: "https://e.com/a.png",
    });
    await client.edit({
      tool: "interpolate",
      fromUpstreamId: "from-1",
      toUpstreamId: "to-2",
      prompt: "the tiger leaps across",
      aspectRatio: "16:9",
    });
    expect(server.received.map((request) => request.url)).toEqual([
      "/generations/video",
      "/generations/video",
    ]);
    expect(bodyOf(0)).toEqual({
      prompt: "the tiger arrives",
      model: "ray-2",
      keyframes: {
        frame0: { type: "image", url: "https://e.com/a.png" },
        frame1: { type: "generation", id: "parent-1" },
      },
    });
    expect(bodyOf(1)).toEqual({
      prompt: "the tiger leaps across",
      model: "ray-2",
      aspect_ratio: "16:9",
      keyframes: { frame0: { type: "generation", id: "from-1" }, frame1: { type: "generation", id: "to-2" } },
    });
    const refused = client.extend({
      parentUpstreamId: "p",
      prompt: "x",
      direction: "backward",
      endImageUrl: "https://e.com/b.png",
    });
    await expect(refused).rejects.toMatchObject({ kind: "rejected" });
    expect(server.received).toHaveLength(2);
  });

  it("a relay offers no tools and sends nothing when asked for one", async () => {
    server = await startServer((_req, res) => json(res, 200, {}));
    const relay = createProvider({ kind: "relay", baseUrl: server.url, apiKey: TOKEN, ...FAST });
    expect(relay.capabilities.edits).toEqual({
      upscale: [],
      audio: false,
      modify: false,
      reframe: [],
      extendBackward: false,
      interpolate: false,
    });
    await expect(relay.edit({ tool: "audio", sourceUpstreamId: "x" })).rejects.toMatchObject({
      kind: "rejected",
    });
    await expect(
      relay.extend({ parentUpstreamId: "p", prompt: "before", direction: "backward" }),
    ).rejects.toMatchObject({ kind: "rejected" });
    expect(server.received).toHaveLength(0);
  });

  it("get, list, delete (204) and credits", async () => {
    server = await startServer((req, res) => {
      if (req.method === "DELETE") {
        res.writeHead(204);
        return res.end();
      }
      if (req.url === "/credits") return json(res, 200, fixtureText("official-credits.txt"));
      if (req.url.startsWith("/generations?")) return json(res, 200, fixtureText("official-list.txt"));
      json(res, 200, fixtureText("official-generation-completed.txt"));
    });
    const client = createOfficialClient({ baseUrl: server.url, apiKey: TOKEN, ...FAST });
    expect(await client.get(GENERATION_ID)).toMatchObject({
      state: "completed",
      videoUrl: "https://storage.cdn-luma.com/dream_machine/d1f2a3b4/video.mp4",
    });
    const list = await client.list({ limit: 2, offset: 0 });
    expect(list).toMatchObject({ hasMore: true, count: 2, limit: 2, offset: 0 });
    expect(list.generations.map((g) => g.state)).toEqual(["completed", "failed"]);
    expect(list.generations.map((g) => g.settings.model)).toEqual(["ray-2", "ray-flash-2"]);
    await expect(client.delete(GENERATION_ID)).resolves.toBeUndefined();
    expect(await client.credits()).toBe(1523.5);
    expect(server.received.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET /generations/${GENERATION_ID}`,
      "GET /generations?limit=2&offset=0",
      `DELETE /generations/${GENERATION_ID}`,
      "GET /credits",
    ]);
  });

  it("reads the official validation error text", async () => {
    server = await startServer((_req, res) =>
      json(res, 400, { detail: "Prompt is too short, minimum length is 3 characters" }),
    );
    const client = createOfficialClient({ baseUrl: server.url, apiKey: TOKEN, ...FAST });
    const error = await client.create({ prompt: "ab" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LumaError);
    expect(error).toMatchObject({
      kind: "rejected",
      status: 400,
      upstreamMessage: "Prompt is too short, minimum length is 3 characters",
    });
  });

  it("defaults to the public base URL", async () => {
    let seen = "";
    const recording: typeof fetch = async (input) => {
      seen = String(input);
      return new Response(fixtureText("official-credits.txt"), { status: 200 });
    };
    await createOfficialClient({ apiKey: TOKEN, fetch: recording }).credits();
    expect(seen).toBe("https://api.lumalabs.ai/dream-machine/v1/credits");
  });
});

describe("provider", () => {
  it("exposes each upstream's capabilities", async () => {
    const relay = createProvider({ kind: "relay", baseUrl: "http://127.0.0.1:1", apiKey: TOKEN });
    const official = createProvider({ kind: "official", apiKey: TOKEN });
    expect(relay.kind).toBe("relay");
    expect(relay.capabilities).toBe(RELAY_CAPABILITIES);
    expect(official.capabilities).toBe(OFFICIAL_CAPABILITIES);
    expect(RELAY_CAPABILITIES.models.map((m) => m.id)).toEqual(["ray-v1", "ray-v2"]);
    expect(RELAY_CAPABILITIES.defaultModel).toBe("ray-v2");
    expect(OFFICIAL_CAPABILITIES.aspectRatios).toContain("9:21");
    expect([RELAY_CAPABILITIES.minPromptLength, OFFICIAL_CAPABILITIES.minPromptLength]).toEqual([1, 3]);
    expect(OFFICIAL_CAPABILITIES.durations).toEqual(["5s", "9s"]);
    // Only the official API lists an account's generations (the import).
    expect([relay.capabilities.importList, official.capabilities.importList]).toEqual([false, true]);
    expect(relay.list).toBeUndefined();
    expect(typeof official.list).toBe("function");
  });

  it("official: getMany is single gets (unknown ids left out), downloadUrl is the asset", async () => {
    server = await startServer((req, res) => {
      if (req.url.endsWith("/missing")) return json(res, 404, { detail: "Generation not found" });
      json(res, 200, fixtureText("official-generation-completed.txt"));
    });
    const provider = createProvider({ kind: "official", baseUrl: server.url, apiKey: TOKEN, ...FAST });
    expect(await provider.getMany([GENERATION_ID, "missing"])).toHaveLength(1);
    expect(await provider.downloadUrl(GENERATION_ID)).toBe(
      "https://storage.cdn-luma.com/dream_machine/d1f2a3b4/video.mp4",
    );
  });

  it("relay: submit goes through the relay client", async () => {
    server = await startServer((_req, res) => json(res, 200, fixtureText("seed-004-submit-answer.txt")));
    const provider = createProvider({ kind: "relay", baseUrl: server.url, apiKey: TOKEN, ...FAST });
    expect(await provider.submit({ prompt: "cat dance" })).toMatchObject({ state: "queued" });
    expect(server.received[0]?.url).toBe("/luma/generations");
  });
});
