import { describe, expect, it } from "vitest";
import {
  AGENTS_ASPECT_RATIOS,
  AGENTS_DURATIONS,
  AGENTS_IMAGE_MODELS,
  AGENTS_RESOLUTIONS,
  agentsCreateBodySchema,
  MAX_IMAGE_REFS,
  RAY_3_2_ASPECT_RATIOS,
} from "./agents-schemas";
import { AGENTS_CAPABILITIES } from "./capabilities";
import { MODEL_NAMES } from "./model-names";

const SOURCE = { url: "https://cdn.example.com/source.mp4", media_type: "video/mp4" };
const five = { duration: "5s", resolution: "720p" };

/** The refusals as the client words them: `field: problem`. */
function problems(body: unknown): string[] {
  const parsed = agentsCreateBodySchema.safeParse(body);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("Agents create body: the rules the API documents", () => {
  it("accepts a full video_edit body with controls and matching keyframes", () => {
    const keyframes = [{ generation_id: "g1" }, { url: "https://cdn.example.com/k.png" }];
    const body = {
      prompt: "as a watercolour",
      type: "video_edit",
      model: "ray-3.2",
      source: SOURCE,
      video: {
        ...five,
        hdr: true,
        exr_export: true,
        edit: {
          strength: "flex_2",
          auto_controls: false,
          controls: { depth: { enabled: true, blur: 0.2 }, pose: { enabled: true, strength: "coarse" } },
          keyframes,
          keyframe_indexes: [0, 48],
        },
      },
    };
    expect(problems(body)).toEqual([]);
  });

  it("an edit needs the video_edit type, a known strength and one index per keyframe (≤ 64)", () => {
    const edit = { strength: "reimagine_3", keyframes: [{ generation_id: "g" }], keyframe_indexes: [0, 1] };
    expect(
      problems({
        prompt: "a",
        type: "video_edit",
        model: "ray-3.2",
        source: SOURCE,
        video: { ...five, edit },
      }),
    ).toEqual(["video.edit.keyframe_indexes: must have one index per keyframe (1 keyframes, 2 indexes)"]);
    expect(
      problems({
        prompt: "a",
        type: "video",
        model: "ray-3.2",
        video: { ...five, edit: { strength: "flex_1" } },
      }),
    ).toEqual(["video.edit: only for type video_edit"]);
    const many = Array.from({ length: 65 }, () => ({ generation_id: "g" }));
    const tooMany = { strength: "flex_1", keyframes: many };
    expect(
      problems({
        prompt: "a",
        type: "video_edit",
        model: "ray-3.2",
        source: SOURCE,
        video: { ...five, edit: tooMany },
      }),
    ).toEqual(["video.edit.keyframes: at most 64 keyframes"]);
    expect(
      problems({
        prompt: "a",
        type: "video_edit",
        model: "ray-3.2",
        source: SOURCE,
        video: { ...five, edit: { strength: "adhere_4" } },
      })[0],
    ).toMatch(/^video\.edit\.strength: must be one of adhere_1, adhere_2/);
  });

  it("source_position is for reframes only; w/h up to 2.0, x/y may be negative; no hdr on a reframe", () => {
    const reframe = (video: object) =>
      problems({
        prompt: "a",
        type: "video_reframe",
        model: "ray-3.2",
        aspect_ratio: "9:16",
        source: SOURCE,
        video,
      });
    expect(
      reframe({ ...five, source_position: { x_norm: -0.25, y_norm: -1, w_norm: 2, h_norm: 1.5 } }),
    ).toEqual([]);
    expect(reframe({ ...five, source_position: { x_norm: 0, y_norm: 0, w_norm: 2.01, h_norm: 1 } })).toEqual([
      "video.source_position.w_norm: must be at most 2",
    ]);
    expect(reframe({ ...five, hdr: true })).toEqual(["video.hdr: not for type video_reframe"]);
    expect(
      problems({
        prompt: "a",
        type: "video",
        model: "ray-3.2",
        video: { ...five, source_position: { x_norm: 0, y_norm: 0, w_norm: 1, h_norm: 1 } },
      }),
    ).toEqual(["video.source_position: only for type video_reframe"]);
  });

  it("a video url as the source needs its media_type; loop is for type video only", () => {
    const noType = { url: "https://cdn.example.com/source.mp4" };
    expect(
      problems({ prompt: "a", type: "video_reframe", model: "ray-3.2", source: noType, video: five }),
    ).toEqual(["source.media_type: is required with a video url as the source"]);
    expect(
      problems({
        prompt: "a",
        type: "video_edit",
        model: "ray-3.2",
        source: SOURCE,
        video: { ...five, loop: true, edit: { strength: "flex_1" } },
      }),
    ).toEqual(["video.loop: only for type video"]);
    expect(problems({ prompt: "a", type: "video_edit", model: "ray-3.2", video: five })).toEqual([
      "source: is required for type video_edit",
    ]);
  });

  it("ImageRef takes exactly one of url, data+media_type, generation_id", () => {
    const image = (ref: object) => problems({ prompt: "a", type: "image", model: "uni-1", image_ref: [ref] });
    expect(image({ url: "https://cdn.example.com/a.png", generation_id: "g" })).toEqual([
      "image_ref.0: takes exactly one of url, data or generation_id (got 2)",
    ]);
    expect(image({})).toEqual(["image_ref.0: takes exactly one of url, data or generation_id (got 0)"]);
    expect(image({ data: "iVBOR" })).toEqual(["image_ref.0.media_type: is required with data"]);
    expect(image({ data: "iVBOR", media_type: "image/png" })).toEqual([]);
    expect(image({ url: "ftp://cdn.example.com/a.png" })).toEqual([
      "image_ref.0.url: must be an http(s) URL",
    ]);
  });

  it("references: 9 for image, 8 for image_edit; image types take the Uni models and no video options", () => {
    const refs = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ url: `https://cdn.example.com/${i}.png` }));
    expect(problems({ prompt: "a", type: "image", model: "uni-1", image_ref: refs(9) })).toEqual([]);
    expect(problems({ prompt: "a", type: "image_edit", model: "uni-1", image_ref: refs(9) })).toEqual([
      "image_ref: at most 8 references for type image_edit (got 9)",
    ]);
    expect(problems({ prompt: "a", type: "image", model: "ray-3.2" })).toEqual([
      "model: type image takes uni-1, uni-1-max",
    ]);
    expect(
      problems({ prompt: "a", type: "image", model: "uni-1", aspect_ratio: "3:1", video: five }),
    ).toEqual(["video: only for type video, video_edit or video_reframe"]);
    expect(problems({ prompt: "a", type: "image", model: "uni-1", extra: 1 })[0]).toMatch(/extra/);
  });
});

describe("AGENTS_CAPABILITIES", () => {
  it("offers what the wire schema accepts, and none of what the API lacks", () => {
    const caps = AGENTS_CAPABILITIES;
    expect(caps.aspectRatios).toEqual([...RAY_3_2_ASPECT_RATIOS]);
    expect(caps.durations).toEqual([...AGENTS_DURATIONS]);
    expect(caps.resolutions).toEqual([...AGENTS_RESOLUTIONS]);
    expect(caps.images?.aspectRatios).toEqual([...AGENTS_ASPECT_RATIOS]);
    expect(caps.images?.models.map((model) => model.id)).toEqual([...AGENTS_IMAGE_MODELS]);
    expect(caps.images?.maxReferences).toBe(MAX_IMAGE_REFS.image);
    expect([caps.webhooks, caps.importList, caps.concepts, caps.batch, caps.downloadUrl]).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect([caps.loop, caps.loopWithEndFrame, caps.loopDurationsExcluded, caps.hdr]).toEqual([
      true,
      false,
      ["10s"],
      true,
    ]);
    expect([caps.models, caps.images?.models].flat().map((model) => model?.label)).toEqual([
      MODEL_NAMES["ray-3.2"],
      "Uni-1",
      "Uni-1 Max",
    ]);
  });
});
