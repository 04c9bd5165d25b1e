import { describe, expect, it } from "vitest";
import { agentsFailure } from "./agents-failures";
import { normalizeAgents } from "./agents-normalize";
import { EMPTY_SNAPSHOT_FIELDS, fixture } from "./test-helpers";

const OUT = "https://agents-output.lumalabs.ai/gen_01JV7Q2M8R3K5T9W4X6Y8Z0ABC";

describe("Agents Generation → snapshot", () => {
  it("queued, with only the documented fields", () => {
    expect(normalizeAgents(fixture("agents-generation-queued.txt"))).toEqual({
      ...EMPTY_SNAPSHOT_FIELDS,
      upstreamId: "gen_01JV7Q2M8R3K5T9W4X6Y8Z0ABC",
      state: "queued",
      rawState: "queued",
      failureCode: null,
      createdAt: new Date("2026-06-12T09:30:00Z"),
    });
  });

  it("completed: the video is found by its type behind an unknown output and a poster; extras ignored", () => {
    expect(normalizeAgents(fixture("agents-generation-completed.txt"))).toEqual({
      ...EMPTY_SNAPSHOT_FIELDS,
      upstreamId: "gen_01JV7Q2M8R3K5T9W4X6Y8Z0ABC",
      state: "completed",
      rawState: "completed",
      videoUrl: `${OUT}/video.mp4?X-Amz-Expires=3600`,
      thumbnailUrl: `${OUT}/poster.jpg?X-Amz-Expires=3600`,
      width: 1920,
      height: 822,
      durationSeconds: 10,
      failureCode: null,
      createdAt: new Date("2026-06-12T09:30:00Z"),
    });
  });

  it("the same outputs in reverse order pick the same video", () => {
    const body = fixture("agents-generation-completed.txt") as { output: unknown[] };
    const reversed = { ...body, output: [...body.output].reverse() };
    expect(normalizeAgents(reversed).videoUrl).toBe(`${OUT}/video.mp4?X-Amz-Expires=3600`);
  });

  it("failed with a code the studio does not know: code and words kept as sent, no advice yet", () => {
    const snapshot = normalizeAgents(fixture("agents-generation-failed.txt"));
    expect(snapshot).toMatchObject({
      state: "failed",
      failureCode: "keyframe_policy_v2",
      failureReason: "The end keyframe could not be used",
    });
    expect(agentsFailure(snapshot.failureCode)).toBeNull();
  });

  it("a known code has advice for the creator, whatever its case", () => {
    const failed = { id: "g", state: "failed", type: "video", failure_code: "CONTENT_MODERATED" };
    const snapshot = normalizeAgents(failed);
    expect(snapshot).toMatchObject({ failureCode: "CONTENT_MODERATED", failureReason: null });
    expect(agentsFailure(snapshot.failureCode)?.advice).toMatch(/rephrase the prompt or change the keyframe/);
    expect(agentsFailure("budget_exhausted")?.advice).toMatch(/out of credits/);
    expect(agentsFailure("rate_limited")).toMatchObject({ retryable: true });
    expect(agentsFailure("__proto__")).toBeNull();
  });

  it("completed without its video is still running; an unknown state word is running", () => {
    const base = { id: "g", type: "video" };
    expect(normalizeAgents({ ...base, state: "completed", output: [] }).state).toBe("running");
    expect(
      normalizeAgents({ ...base, state: "completed", output: [{ type: "image", url: `${OUT}/p.jpg` }] }),
    ).toMatchObject({ state: "running", videoUrl: null });
    expect(normalizeAgents({ ...base, state: "upscaling" })).toMatchObject({
      state: "running",
      rawState: "upscaling",
    });
    expect(normalizeAgents({ ...base, state: "processing" }).state).toBe("running");
  });

  it("an unknown type is read by what it made; odd output items are passed over", () => {
    const snapshot = normalizeAgents({
      id: "g",
      state: "completed",
      type: "video_audio_edit",
      output: ["junk", null, { type: "video", url: "not a url" }, { type: "VIDEO", url: `${OUT}/v.mp4` }, 7],
      failure_code: 42,
    });
    expect(snapshot).toMatchObject({ state: "completed", videoUrl: `${OUT}/v.mp4`, failureCode: null });
  });

  it("an answer with no id, or an error body, throws a LumaError", () => {
    expect(() => normalizeAgents({ state: "queued" })).toThrow(/no generation id/);
    expect(() => normalizeAgents({ detail: "Generation not found" })).toThrow(/Generation not found/);
    expect(() => normalizeAgents([])).toThrow(/expected a JSON object/);
  });
});
