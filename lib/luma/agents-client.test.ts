import { describe, expect, it } from "vitest";
import { AGENTS_BASE_URL, type AgentsClientOptions, createAgentsClient } from "./agents-client";
import { LumaError } from "./errors";
import { FAST, fixtureText } from "./test-helpers";

const TOKEN = "agents-test-key";
const BASE = "https://agents.test/v1";
const QUEUED_ID = "gen_01JV7Q2M8R3K5T9W4X6Y8Z0ABC";

interface Sent {
  method: string;
  url: string;
  authorization: string | null;
  body: unknown;
}
type Answer = { status: number; body: string; headers?: Record<string, string> };

/** A fetch that records each request and answers from `answers` in turn (the last one repeats). */
function fakeFetch(...answers: Answer[]) {
  const sent: Sent[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    sent.push({
      method: init?.method ?? "GET",
      url: String(input),
      authorization: headers.get("authorization"),
      body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
    });
    const answer = answers[Math.min(sent.length - 1, answers.length - 1)]!;
    return new Response(answer.body, {
      status: answer.status,
      headers: { "content-type": "application/json", ...answer.headers },
    });
  };
  return { fetch, sent };
}

const queued: Answer = { status: 201, body: fixtureText("agents-generation-queued.txt") };

function clientWith(fake: ReturnType<typeof fakeFetch>, extra: Partial<AgentsClientOptions> = {}) {
  return createAgentsClient({ baseUrl: BASE, apiKey: TOKEN, ...FAST, fetch: fake.fetch, ...extra });
}

describe("agents client: what it sends", () => {
  it("a 10 s HDR 1080p clip from a start image to an earlier generation, on POST /generations", async () => {
    const fake = fakeFetch(queued);
    const snapshot = await clientWith(fake).create({
      prompt: "a lighthouse in a storm, waves breaking",
      aspectRatio: "21:9",
      duration: "10s",
      resolution: "1080p",
      hdr: true,
      exrExport: true,
      startImageUrl: "https://cdn.example.com/start.jpg",
      endGenerationId: "gen_previous",
      expandPrompt: true,
      callbackUrl: "https://studio.example.com/hook",
    });
    expect(snapshot).toMatchObject({ upstreamId: QUEUED_ID, state: "queued", rawState: "queued" });
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]).toMatchObject({
      method: "POST",
      url: `${BASE}/generations`,
      authorization: `Bearer ${TOKEN}`,
    });
    // No webhooks and no prompt expansion upstream: those two are not sent.
    expect(fake.sent[0]?.body).toEqual({
      prompt: "a lighthouse in a storm, waves breaking",
      type: "video",
      model: "ray-3.2",
      aspect_ratio: "21:9",
      video: {
        duration: "10s",
        resolution: "1080p",
        hdr: true,
        exr_export: true,
        start_frame: { url: "https://cdn.example.com/start.jpg" },
        end_frame: { generation_id: "gen_previous" },
      },
    });
  });

  it("a plain create gets the defaults (5s, 720p) and a data: URL becomes {data, media_type}", async () => {
    const fake = fakeFetch(queued);
    await clientWith(fake).create({
      prompt: "a cat",
      loop: true,
      startImageUrl: "data:image/png;base64,iVBORw0K",
    });
    expect(fake.sent[0]?.body).toEqual({
      prompt: "a cat",
      type: "video",
      model: "ray-3.2",
      video: {
        duration: "5s",
        resolution: "720p",
        loop: true,
        start_frame: { data: "iVBORw0K", media_type: "image/png" },
      },
    });
  });

  it("extends forward from the parent's start frame and backward into its end frame", async () => {
    const fake = fakeFetch(queued);
    const client = clientWith(fake);
    await client.extend({ parentUpstreamId: "gen_parent", prompt: "the ship sails on", resolution: "1080p" });
    await client.extend({
      parentUpstreamId: "gen_parent",
      direction: "backward",
      prompt: "the ship arrives",
      startImageUrl: "https://cdn.example.com/harbour.jpg",
    });
    expect(fake.sent.map((request) => request.body)).toEqual([
      {
        prompt: "the ship sails on",
        type: "video",
        model: "ray-3.2",
        video: { duration: "5s", resolution: "1080p", start_frame: { generation_id: "gen_parent" } },
      },
      {
        prompt: "the ship arrives",
        type: "video",
        model: "ray-3.2",
        video: {
          duration: "5s",
          resolution: "720p",
          start_frame: { url: "https://cdn.example.com/harbour.jpg" },
          end_frame: { generation_id: "gen_parent" },
        },
      },
    ]);
    // The parent's side is taken: an image there is refused without a call.
    const forward = client.extend({
      parentUpstreamId: "p",
      prompt: "x",
      startImageUrl: "https://e.com/a.png",
    });
    await expect(forward).rejects.toThrow(/startImageUrl/);
    const backward = client.extend({
      parentUpstreamId: "p",
      direction: "backward",
      prompt: "x",
      endImageUrl: "https://e.com/b.png",
    });
    await expect(backward).rejects.toThrow(/endImageUrl/);
    expect(fake.sent).toHaveLength(2);
  });

  it("an image with references: type image, the Uni model, output_format jpeg, weights dropped", async () => {
    const fake = fakeFetch({ status: 201, body: fixtureText("agents-image-completed.txt") });
    const snapshot = await clientWith(fake).createImage({
      prompt: "a poster of a lighthouse",
      model: "uni-1-max",
      aspectRatio: "3:2",
      format: "jpg",
      imageRefs: [
        { url: "https://cdn.example.com/a.jpg", weight: 0.4 },
        { url: "https://cdn.example.com/b.jpg" },
        { url: "data:image/webp;base64,UklGR" },
      ],
    });
    expect(fake.sent[0]?.body).toEqual({
      prompt: "a poster of a lighthouse",
      type: "image",
      model: "uni-1-max",
      aspect_ratio: "3:2",
      output_format: "jpeg",
      image_ref: [
        { url: "https://cdn.example.com/a.jpg" },
        { url: "https://cdn.example.com/b.jpg" },
        { data: "UklGR", media_type: "image/webp" },
      ],
    });
    expect(snapshot).toMatchObject({
      state: "completed",
      videoUrl: null,
      thumbnailUrl:
        "https://agents-output.lumalabs.ai/gen_01JV7QIMAGE0000000000000001/image.jpeg?X-Amz-Expires=3600",
    });
  });

  it("defaults to the public base URL and polls GET /generations/{id}", async () => {
    const fake = fakeFetch({ status: 200, body: fixtureText("agents-generation-completed.txt") });
    await createAgentsClient({ apiKey: TOKEN, fetch: fake.fetch }).get("gen/1");
    expect(AGENTS_BASE_URL).toBe("https://agents.lumalabs.ai/v1");
    expect(fake.sent[0]).toMatchObject({
      method: "GET",
      url: "https://agents.lumalabs.ai/v1/generations/gen%2F1",
    });
  });
});

describe("agents client: refusals name the field and the limit, and send nothing", () => {
  const refusals: [string, Parameters<ReturnType<typeof createAgentsClient>["create"]>[0], RegExp][] = [
    [
      "loop with 10s",
      { prompt: "a", loop: true, duration: "10s" },
      /video\.loop: not with a duration of 10s/,
    ],
    ["loop with hdr", { prompt: "a", loop: true, hdr: true }, /video\.loop: not with hdr/],
    ["exr without hdr", { prompt: "a", exrExport: true }, /video\.exr_export: needs hdr/],
    ["a ratio ray-3.2 lacks", { prompt: "a", aspectRatio: "2:1" }, /aspect_ratio: ray-3\.2 takes 9:16, 3:4/],
    ["4k", { prompt: "a", resolution: "4k" }, /video\.resolution: must be one of 540p, 720p, 1080p/],
    ["a long prompt", { prompt: "x".repeat(6001) }, /prompt: must be 1 to 6000 characters \(got 6001\)/],
    ["an image model", { prompt: "a", model: "uni-1" }, /model: type video takes ray-3\.2/],
    ["camera concepts", { prompt: "a", concepts: ["pan_left"] }, /concepts: the Agents API has no camera/],
    [
      "an image and a generation on one side",
      { prompt: "a", startImageUrl: "https://e.com/a.png", startGenerationId: "g" },
      /startImageUrl: give a start image or a start generation, not both/,
    ],
  ];
  for (const [name, request, message] of refusals) {
    it(name, async () => {
      const fake = fakeFetch(queued);
      const error = await clientWith(fake)
        .create(request)
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(LumaError);
      expect(error).toMatchObject({ kind: "rejected", retryable: false });
      expect((error as Error).message).toMatch(message);
      expect(fake.sent).toHaveLength(0);
    });
  }

  it("10 image references (the limit is 9), and a style reference it has no field for", async () => {
    const fake = fakeFetch(queued);
    const client = clientWith(fake);
    const ten = Array.from({ length: 10 }, (_, i) => ({ url: `https://cdn.example.com/${i}.jpg` }));
    await expect(client.createImage({ prompt: "a", imageRefs: ten })).rejects.toThrow(
      /image_ref: at most 9 references for type image \(got 10\)/,
    );
    await expect(client.createImage({ prompt: "a", imageRefs: ten.slice(0, 9) })).resolves.toBeDefined();
    await expect(
      client.createImage({ prompt: "a", styleRef: { url: "https://cdn.example.com/s.jpg" } }),
    ).rejects.toThrow(/styleRef/);
    expect(fake.sent).toHaveLength(1);
  });
});
