import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translate";
import { OFFICIAL_CAPABILITIES, RELAY_CAPABILITIES } from "@/lib/luma/capabilities";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { toFieldErrors } from "./field-errors";
import { checkKeyframeFile, describeRejection } from "./file-rules";
import { reconcileSettings } from "./form-storage";
import { validateLocally } from "./validate-create";

const t = translatorFor("en", en);
const zhT = translatorFor("zh-CN", zh);

describe("toFieldErrors", () => {
  it("shows each server problem next to the field it names", () => {
    const { errors, other } = toFieldErrors(
      {
        prompt: "must be at most 5000 characters",
        "startFrame.url": "must be an http(s) image URL",
        batch: "unknown",
      },
      undefined,
      t,
    );
    expect(errors).toEqual({
      prompt: "Prompt must be at most 5000 characters.",
      startFrame: "The start keyframe's URL must be an http(s) link, like https://example.com/frame.jpg.",
    });
    expect(other).toEqual(["batch: unknown"]);
  });

  it("reads the field from a validation message when no map is given", () => {
    expect(toFieldErrors({}, 'aspectRatio: must be one of 1:1, 16:9 (got "2:1")', t).errors).toEqual({
      aspectRatio: 'Aspect ratio must be one of 1:1, 16:9 (got "2:1").',
    });
    expect(toFieldErrors({}, "Luma is unavailable", t).errors).toEqual({});
  });

  it("says the field and the limit in Chinese when the page is in Chinese", () => {
    expect(
      toFieldErrors(
        { prompt: "must be at most 5000 characters", aspectRatio: 'must be one of 1:1, 16:9 (got "2:1")' },
        undefined,
        zhT,
      ).errors,
    ).toEqual({
      prompt: "提示词最多 5000 个字符。",
      aspectRatio: "画面比例必须是 1:1, 16:9 之一（收到的是“2:1”）。",
    });
  });
});

describe("validateLocally", () => {
  const base = { expandPrompt: false, loop: false, aspectRatio: "16:9", model: "ray-v2" };

  it("names the field and the limit", () => {
    expect(validateLocally({ ...base, prompt: "   " }, RELAY_CAPABILITIES, t).errors.prompt).toBe(
      "Prompt is required: describe the clip you want.",
    );
    expect(validateLocally({ ...base, prompt: "x".repeat(5001) }, RELAY_CAPABILITIES, t).errors.prompt).toBe(
      "Prompt must be at most 5000 characters.",
    );
    expect(validateLocally({ ...base, prompt: "hi" }, OFFICIAL_CAPABILITIES, t).errors).toMatchObject({
      prompt: "Prompt must be at least 3 characters.",
      model: expect.stringContaining("Model must be one of ray-2, ray-flash-2"),
    });
  });

  it("refuses loop with an end keyframe where the provider does", () => {
    const { errors } = validateLocally(
      { ...base, prompt: "a cat", loop: true, endFrame: { uploadId: "u1" } },
      RELAY_CAPABILITIES,
      t,
    );
    expect(errors.loop).toBe("Loop cannot be combined with an end keyframe.");
    expect(
      validateLocally(
        { ...base, prompt: "一只猫", loop: true, endFrame: { uploadId: "u1" } },
        RELAY_CAPABILITIES,
        zhT,
      ).errors.loop,
    ).toBe("循环不能与结束关键帧同时使用。");
  });

  it("passes good input through as the API expects it", () => {
    const { input, errors } = validateLocally(
      { ...base, prompt: " a cat ", startFrame: { uploadId: "u1" }, endFrame: null },
      RELAY_CAPABILITIES,
      t,
    );
    expect(errors).toEqual({});
    expect(input).toMatchObject({ prompt: "a cat", startFrame: { uploadId: "u1" } });
  });
});

describe("reconcileSettings", () => {
  it("keeps what the provider still offers and replaces the rest with defaults", () => {
    const stored = { model: "ray-v1", aspectRatio: "21:9", resolution: "1080p", duration: "9s", loop: true };
    expect(reconcileSettings(stored, RELAY_CAPABILITIES)).toEqual({
      model: "ray-v1",
      aspectRatio: "16:9",
      resolution: "1080p",
      duration: "5s",
      expandPrompt: false,
      loop: true,
    });
  });

  it("falls back to defaults for anything unreadable", () => {
    expect(reconcileSettings("garbage", OFFICIAL_CAPABILITIES)).toMatchObject({
      model: "ray-2",
      duration: "5s",
    });
    expect(reconcileSettings({ model: 7 }, OFFICIAL_CAPABILITIES).model).toBe("ray-2");
  });
});

describe("file rules", () => {
  it("explain rejections with the file name and the limit", () => {
    expect(describeRejection("file.txt", ["file-invalid-type"], t)).toBe(
      "file.txt is not a PNG, JPEG or WebP image.",
    );
    expect(describeRejection("big.png", ["file-too-large"], t)).toBe("big.png is larger than 20 MB.");
    expect(checkKeyframeFile({ name: "a.gif", type: "image/gif", size: 10 }, t)).toMatch(
      /not a PNG, JPEG or WebP/,
    );
    expect(checkKeyframeFile({ name: "a.png", type: "image/png", size: 30 * 1024 * 1024 }, t)).toMatch(
      /20 MB/,
    );
    expect(checkKeyframeFile({ name: "a.webp", type: "image/webp", size: 1000 }, t)).toBeNull();
    expect(checkKeyframeFile({ name: "", type: "image/png", size: 30 * 1024 * 1024 }, zhT)).toMatch(
      /超过 20 MB/,
    );
  });
});
