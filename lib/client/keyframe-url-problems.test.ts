import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translate";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { toFieldErrors } from "./field-errors";

const t = translatorFor("en", en);
const zhT = translatorFor("zh-CN", zh);

describe("keyframe URL problems", () => {
  it("says each server problem as one whole sentence about its slot", () => {
    const { errors } = toFieldErrors(
      {
        startFrame: "the image URL could not be reached",
        endFrame: "the image URL points at a private or local address, which the studio does not fetch",
      },
      undefined,
      t,
    );
    expect(errors.startFrame).toBe(
      "The start keyframe's URL could not be reached. Check the link and try again.",
    );
    expect(errors.endFrame).toBe(
      "The end keyframe's URL points at a private or local address, which the studio does not fetch.",
    );
  });

  it("keeps Chinese free of English", () => {
    const { errors } = toFieldErrors(
      {
        startFrame: "the image URL answered HTTP 404",
        endFrame:
          "the image URL is not a usable image (9000×9000 is too large; at most 8192 px a side and 40 megapixels)",
      },
      undefined,
      zhT,
    );
    expect(errors.startFrame).toBe("起始关键帧的链接返回了 HTTP 404，而不是图片。");
    expect(errors.endFrame).toMatch(
      /^结束关键帧的图片为 9000×9000 像素，超过每边 8192 像素、总计 40 百万像素的上限。/,
    );
    const unknown = toFieldErrors({ startFrame: "the image URL did something new" }, undefined, zhT).errors;
    expect(unknown.startFrame).toBe("起始关键帧的链接无法使用。请换一个链接或选择文件。");
    expect(unknown.startFrame).not.toMatch(/[A-Za-z]{3,}/);
  });

  it("names a megapixel limit in the sentence", () => {
    const { errors } = toFieldErrors(
      {
        startFrame:
          "the image URL is not a usable image (9000×9000 is too large; at most 8192 px a side and 40 megapixels)",
      },
      undefined,
      t,
    );
    expect(errors.startFrame).toContain("40 megapixels");
  });
});

describe("upload refusals", () => {
  it("are said in the page's language, with no English left in Chinese", async () => {
    const { uploadProblemSentence } = await import("./upload-problems");
    expect(
      uploadProblemSentence(
        "a.png",
        "file: 9000×9000 is too large; at most 8192 px a side and 40 megapixels",
        zhT,
        "zh-CN",
      ),
    ).toBe("a.png 为 9000×9000 像素；图片每边最多 8192 像素、总计不超过 40 百万像素。");
    expect(uploadProblemSentence("a.png", "file: something new", zhT, "zh-CN")).toBe(
      "a.png 上传失败，请重试。",
    );
    expect(uploadProblemSentence("a.png", "file: must be at most 20 MB", t, "en")).toBe(
      "a.png is larger than 20 MB.",
    );
  });
});
