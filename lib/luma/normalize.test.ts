import { describe, expect, it } from "vitest";
import { LumaError } from "./errors";
import { normalize, normalizeMany, requestedSettings, tryNormalize } from "./normalize";
import {
  creditsSchema,
  downloadUrlSchema,
  officialListSchema,
  relayExtendBodySchema,
  relaySubmitBodySchema,
} from "./schemas";
import { EMPTY_SNAPSHOT_FIELDS, fixture, fixtureText } from "./test-helpers";

const EMPTY = EMPTY_SNAPSHOT_FIELDS;

function errorOf(body: unknown): LumaError {
  const result = tryNormalize(body);
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.snapshot)}`);
  return result.error;
}

const SEED3_VIDEO =
  "https://storage.cdn-luma.com/dream-machine/907ef9be-7057-45de-9867-099d6aba37b7/6ece4f7a-f60a-442c-9ad2-84132a528741/video0bb8885f3511c4b7bad55c117405a2875.mp4";

describe("seed answers", () => {
  it("seed 000: extend answer, pending", () => {
    expect(normalize(fixture("seed-000-extend-answer.txt"))).toEqual({
      ...EMPTY,
      upstreamId: "9d4b7516-77e5-481a-b015-48313946f33b",
      state: "queued",
      rawState: "pending",
      createdAt: new Date("2024-07-01T07:35:13.498Z"),
      prompt: "cat dance",
    });
  });

  it("seed 001: the deprecated extend page documents `{}`, which carries no task and is unreadable", () => {
    const error = errorOf(fixture("seed-001-extend-answer.txt"));
    expect(error.kind).toBe("unreadable");
    expect(error.bodySnippet).toBe("{}");
  });

  it("seed 002: submit answer with CRLF line breaks and an empty prompt", () => {
    expect(fixtureText("seed-002-submit-answer.txt")).toContain("\r\n");
    expect(normalize(fixture("seed-002-submit-answer.txt"))).toEqual({
      ...EMPTY,
      upstreamId: "4665a07c-7641-4809-a133-10786201bb56",
      state: "queued",
      rawState: "pending",
      createdAt: new Date("2024-12-22T13:38:40.139Z"),
    });
  });

  it("seed 003: completed task, top-level created_at wins over the artifact's zero date", () => {
    expect(normalize(fixture("seed-003-get-completed.txt"))).toEqual({
      upstreamId: "e70fdf3c-ce95-4dd1-a967-220ce957aff5",
      state: "completed",
      rawState: "completed",
      videoUrl: SEED3_VIDEO,
      watermarkedVideoUrl: null,
      width: 1360,
      height: 752,
      durationSeconds: 5.041667,
      thumbnailUrl:
        "https://imagedelivery.net/1KomXrSWiTojGGip43n0SQ/3d9fbfa9-6146-4eb9-3798-ac923a2a0e00/public",
      lastFrameUrl:
        "https://storage.cdn-luma.com/dream-machine/907ef9be-7057-45de-9867-099d6aba37b7/543b6898-5179-4477-bc9f-f6507c7cde97/video_0_last_frame.jpg",
      failureReason: null,
      createdAt: new Date("2024-12-24T18:01:25.319Z"),
      estimateWaitSeconds: null,
      prompt: "美人鱼",
    });
  });

  it("seed 003 without its top-level created_at falls back to nothing, not to year 1", () => {
    const body = fixture("seed-003-get-completed.txt");
    if (typeof body !== "object" || body === null) throw new Error("fixture");
    const { created_at: _dropped, ...rest } = body as Record<string, unknown>;
    expect(normalize(rest).createdAt).toBeNull();
  });

  it("seed 004: submit answer (201 example)", () => {
    expect(normalize(fixture("seed-004-submit-answer.txt"))).toEqual({
      ...EMPTY,
      upstreamId: "9d4b7516-77e5-481a-b015-48313946f33b",
      state: "queued",
      rawState: "pending",
      createdAt: new Date("2024-07-19T07:35:13.498Z"),
      prompt: "cat dance",
    });
  });
});

describe("seed requests match the bodies the relay client sends", () => {
  it("seed 000, 001 and 002 request examples fit our request schemas", () => {
    expect(relayExtendBodySchema.safeParse(fixture("seed-000-extend-request.txt")).success).toBe(true);
    expect(relayExtendBodySchema.safeParse(fixture("seed-001-extend-request.txt")).success).toBe(true);
    expect(relaySubmitBodySchema.safeParse(fixture("seed-002-submit-request.txt")).success).toBe(true);
  });

  it('seed 004 sends expand_prompt as the string "true"; we always send a boolean', () => {
    const parsed = relaySubmitBodySchema.safeParse(fixture("seed-004-submit-request.txt"));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["expand_prompt"]);
  });
});

describe("UPSTREAM.md shapes", () => {
  it("newer relay task, literal with elided values: '...mp4' is no URL, so completed waits for one", () => {
    expect(normalize(fixture("upstream-relay-task-new.txt"))).toEqual({
      ...EMPTY,
      upstreamId: "4665a07c-...",
      state: "running",
      rawState: "completed",
      width: 1360,
      height: 752,
      durationSeconds: 5.04,
      createdAt: new Date("2024-12-24T18:01:25.319Z"),
      prompt: "cat dance",
    });
  });

  it("newer relay task, filled in: watermarked video.url loses to video_raw.url", () => {
    expect(normalize(fixture("upstream-relay-task-new-filled.txt"))).toEqual({
      upstreamId: "4665a07c-7641-4809-a133-10786201bb56",
      state: "completed",
      rawState: "completed",
      videoUrl: "https://cdn.example.com/v/4665a07c_raw.mp4",
      watermarkedVideoUrl: "https://cdn.example.com/v/4665a07c_watermarked.mp4",
      width: 1360,
      height: 752,
      durationSeconds: 5.04,
      thumbnailUrl: "https://cdn.example.com/v/4665a07c_thumb.jpg",
      lastFrameUrl: "https://cdn.example.com/v/4665a07c_last_frame.jpg",
      failureReason: null,
      createdAt: new Date("2024-12-24T18:01:25.319Z"),
      estimateWaitSeconds: null,
      prompt: "cat dance",
    });
  });

  it("older relay task: thumbnail inside video", () => {
    expect(normalize(fixture("upstream-relay-task-old.txt"))).toEqual({
      ...EMPTY,
      upstreamId: "b3a1c2d4-0000-4000-8000-000000000001",
      state: "completed",
      rawState: "completed",
      videoUrl: "https://cdn.example.com/old/fox.mp4",
      width: 1360,
      height: 752,
      thumbnailUrl: "https://cdn.example.com/old/fox.jpg",
      createdAt: new Date("2024-07-01T07:35:13.498Z"),
      prompt: "a red fox in snow",
    });
  });

  it("processing with an estimated wait; failed with a reason", () => {
    expect(normalize(fixture("upstream-relay-task-processing.txt"))).toMatchObject({
      state: "running",
      rawState: "processing",
      estimateWaitSeconds: 42,
    });
    expect(normalize(fixture("upstream-relay-task-failed.txt"))).toMatchObject({
      upstreamId: "b3a1c2d4-0000-4000-8000-000000000003",
      state: "failed",
      failureReason: "Contains blacklisted words",
      videoUrl: null,
    });
  });

  it("seed 002's wrapper {code:200, data:{task_id, task_status, created_at: unix seconds}}", () => {
    expect(normalize(fixture("upstream-wrapper-task-status.txt"))).toEqual({
      ...EMPTY,
      upstreamId: "4665a07c-7641-4809-a133-10786201bb56",
      state: "queued",
      rawState: "pending",
      createdAt: new Date(1719819313 * 1000),
    });
  });

  it('{code:"success", data:{task object}}', () => {
    expect(normalize(fixture("upstream-wrapper-success-task.txt"))).toMatchObject({
      upstreamId: "9d4b7516-77e5-481a-b015-48313946f33b",
      state: "running",
      rawState: "processing",
      prompt: "cat dance",
    });
  });

  it("one-element array (Luma web API passed through)", () => {
    expect(normalize(fixture("upstream-one-element-array.txt"))).toMatchObject({
      upstreamId: "9d4b7516-77e5-481a-b015-48313946f33b",
      state: "running",
      rawState: "dreaming",
      estimateWaitSeconds: 12,
    });
  });

  it("batch wrapper: relay status and task state combined; the relay's task_id is the id", () => {
    const [one, two, three, four, five, ...rest] = normalizeMany(fixture("upstream-batch-wrapper.txt"));
    expect(rest).toEqual([]);
    expect(one).toMatchObject({
      upstreamId: "relay-1",
      state: "running",
      estimateWaitSeconds: 30,
      prompt: "cat dance",
    });
    expect(one?.createdAt).toEqual(new Date("2024-07-01T07:35:13.498Z"));
    expect(two).toEqual({
      ...EMPTY,
      upstreamId: "relay-2",
      state: "completed",
      rawState: "SUCCESS",
      videoUrl: "https://cdn.example.com/v/2.mp4",
      watermarkedVideoUrl: "https://cdn.example.com/v/2_watermarked.mp4",
      width: 1360,
      height: 752,
      durationSeconds: 5.04,
      thumbnailUrl: "https://cdn.example.com/v/2.jpg",
      createdAt: new Date("2024-12-24T18:01:25.319Z"),
      prompt: "cat dance",
    });
    expect(three).toEqual({
      ...EMPTY,
      upstreamId: "relay-3",
      state: "failed",
      rawState: "FAILURE",
      failureReason: "Frame moderation failed",
      createdAt: new Date(1719819313 * 1000),
    });
    expect(four).toMatchObject({ upstreamId: "relay-4", state: "queued", rawState: "NOT_START" });
    expect(five).toMatchObject({ upstreamId: "relay-5", state: "running", rawState: "UNKNOWN" });
  });

  it("batch as a raw array; a single get refuses a list of two", () => {
    const snapshots = normalizeMany(fixture("upstream-batch-raw-array.txt"));
    expect(snapshots.map((s) => [s.upstreamId, s.state])).toEqual([
      ["9d4b7516-77e5-481a-b015-48313946f33b", "queued"],
      ["b3a1c2d4-0000-4000-8000-000000000001", "completed"],
    ]);
    expect(errorOf(fixture("upstream-batch-raw-array.txt")).kind).toBe("unreadable");
  });

  it("download-url answer", () => {
    expect(downloadUrlSchema.parse(fixture("upstream-download-url.txt")).url).toMatch(/^https:\/\/.+\.mp4\?/);
  });
});

describe("error bodies", () => {
  it.each([
    ["error-detail-text-literal.txt", "rejected", "..."],
    ["error-detail-object-literal.txt", "rejected", "..."],
    ["error-detail-text.txt", "rejected", "Prompt is required"],
    ["error-detail-object.txt", "rejected", "Prompt is too short, minimum length is 3 characters"],
    ["error-fastapi.txt", "rejected", "user_prompt: field required"],
    ["error-openai.txt", "rejected", "Invalid token"],
    ["error-code-500-http-200.txt", "unavailable", "upstream task submit failed"],
    ["error-code-string.txt", "rejected", "Loop is not supported for ray-v1"],
  ])("%s → %s with the upstream's message", (name, kind, message) => {
    const error = errorOf(fixture(name));
    expect(error).toBeInstanceOf(LumaError);
    expect(error.kind).toBe(kind);
    expect(error.upstreamMessage).toBe(message);
    expect(error.message).toContain(message);
  });

  it("an HTML page is unreadable and keeps at most 500 bytes", () => {
    const error = errorOf(fixtureText("error-page.txt"));
    expect(error.kind).toBe("unreadable");
    expect(error.bodySnippet).toContain("404 Not Found");
    expect(new TextEncoder().encode(errorOf("x".repeat(2000)).bodySnippet).length).toBe(500);
  });
});

describe("official API", () => {
  const id = "d1f2a3b4-1111-4222-8333-444455556666";
  it("queued, dreaming (a progress video is not the video), completed, failed", () => {
    expect(normalize(fixture("official-generation-queued.txt"))).toEqual({
      ...EMPTY,
      upstreamId: id,
      state: "queued",
      rawState: "queued",
      createdAt: new Date("2025-03-01T10:00:00.000Z"),
      prompt: "a tiger walking in snow",
    });
    expect(normalize(fixture("official-generation-dreaming.txt"))).toMatchObject({
      state: "running",
      videoUrl: null,
    });
    expect(normalize(fixture("official-generation-completed.txt"))).toEqual({
      ...EMPTY,
      upstreamId: id,
      state: "completed",
      rawState: "completed",
      videoUrl: "https://storage.cdn-luma.com/dream_machine/d1f2a3b4/video.mp4",
      thumbnailUrl: "https://storage.cdn-luma.com/dream_machine/d1f2a3b4/thumb.jpg",
      createdAt: new Date("2025-03-01T10:00:00.000Z"),
      prompt: "a tiger walking in snow",
    });
    expect(normalize(fixture("official-generation-failed.txt"))).toMatchObject({
      state: "failed",
      failureReason: "Frame moderation failed",
    });
  });

  it("list and credits answers", () => {
    const list = officialListSchema.parse(fixture("official-list.txt"));
    expect(list.has_more).toBe(true);
    expect(list.generations.map((g) => normalize(g).state)).toEqual(["completed", "failed"]);
    expect(creditsSchema.parse(fixture("official-credits.txt")).credit_balance).toBe(1523.5);
  });
});

describe("requestedSettings", () => {
  it("reads the official request echo and the generation's model", () => {
    expect(requestedSettings(fixture("official-generation-completed.txt"))).toEqual({
      aspectRatio: "16:9",
      resolution: null,
      duration: null,
      model: "ray-2",
      loop: null,
      image: false,
    });
    expect(
      requestedSettings({
        id: "g1",
        request: { aspect_ratio: "9:16", resolution: "4K", duration: "9s", loop: true, model: "ray-flash-2" },
      }),
    ).toEqual({
      aspectRatio: "9:16",
      resolution: "4k",
      duration: "9s",
      model: "ray-flash-2",
      loop: true,
      image: false,
    });
    // A Photon generation (and an image reframe) is a still, whatever else it carries.
    for (const type of ["image", "reframe_image"]) {
      expect(
        requestedSettings({
          id: "p",
          generation_type: type,
          model: "photon-1",
          request: { aspect_ratio: "1:1" },
        }),
      ).toMatchObject({ aspectRatio: "1:1", model: "photon-1", image: true });
    }
    expect(requestedSettings({ id: "v", generation_type: "video" }).image).toBe(false);
  });

  it("a relay's task object, one-element arrays, and implausible values read as absent", () => {
    expect(
      requestedSettings([{ id: "t", request: { aspect_ratio: "4:3", model_name: "ray-v2" } }]),
    ).toMatchObject({
      aspectRatio: "4:3",
      model: "ray-v2",
    });
    expect(
      requestedSettings({
        id: "t",
        model: "<script>",
        request: { aspect_ratio: "wide", resolution: 1080, duration: "forever", loop: "yes" },
      }),
    ).toEqual({
      aspectRatio: null,
      resolution: null,
      duration: null,
      model: null,
      loop: null,
      image: false,
    });
    expect(requestedSettings("junk")).toMatchObject({ aspectRatio: null, model: null });
  });
});

describe("state vocabulary", () => {
  it.each([
    ["pending", "queued"],
    ["processing", "running"],
    ["completed", "completed"],
    ["failed", "failed"],
    ["queued", "queued"],
    ["dreaming", "running"],
    ["NOT_START", "queued"],
    ["SUBMITTED", "queued"],
    ["QUEUED", "queued"],
    ["IN_PROGRESS", "running"],
    ["SUCCESS", "completed"],
    ["FAILURE", "failed"],
    ["UNKNOWN", "running"],
    ["Completed", "completed"],
    ["in progress", "running"],
    ["cancelled", "running"],
    ["", "running"],
  ])("%s → %s", (word, state) => {
    const body = { id: "t", state: word, video: { url: "https://cdn.example.com/v.mp4" } };
    expect(normalize(body).state).toBe(state);
  });

  it("a watermarked file is used only when nothing else exists", () => {
    const body = { id: "t", state: "completed", video: { url: "https://cdn.example.com/a_watermarked.mp4" } };
    expect(normalize(body)).toMatchObject({
      videoUrl: "https://cdn.example.com/a_watermarked.mp4",
      watermarkedVideoUrl: "https://cdn.example.com/a_watermarked.mp4",
    });
  });

  it("artifact.video is used when the top level has no video", () => {
    const body = {
      id: "t",
      state: "completed",
      artifact: { video: { url: "https://cdn.example.com/a.mp4", width: 640, height: 360 } },
    };
    expect(normalize(body)).toMatchObject({
      videoUrl: "https://cdn.example.com/a.mp4",
      width: 640,
      height: 360,
    });
  });
});
